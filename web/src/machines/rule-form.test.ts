import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  checkRules,
  conditionWords,
  defaultRuleId,
  fromRow,
  keyWords,
  mayBeRelative,
  newRow,
  patchRow,
  RULE_ID,
  toRow,
  unitWords,
} from './rule-form.ts';

test("a new rule's id is made from its key and kind, of the API's shape, and not taken", () => {
  assert.equal(defaultRuleId('ash_pct', 'threshold', []), 'ash-pct-limit');
  assert.equal(defaultRuleId('ash_pct', 'rate', []), 'ash-pct-rate');
  assert.equal(defaultRuleId('ch4_pct', 'no-data', []), 'ch4-pct-silence');
  assert.equal(
    defaultRuleId('ash_pct', 'threshold', ['ash-pct-limit', 'ash-pct-limit-2']),
    'ash-pct-limit-3',
  );
  // a key not starting with a letter, or an empty one, still gives a valid id
  for (const key of ['', '4x', 'Плотность', 'x'.repeat(60)])
    assert.match(defaultRuleId(key, 'threshold', []), RULE_ID, key);
});

test('a made-up id follows the key and kind until the user types one', () => {
  const [row] = [newRow([], 'ash_pct')];
  assert.equal(row.id, 'ash-pct-limit');
  let rows = patchRow([row], 0, { key: 'moisture_pct' });
  assert.equal(rows[0].id, 'moisture-pct-limit');
  rows = patchRow(rows, 0, { kind: 'rate' });
  assert.equal(rows[0].id, 'moisture-pct-rate');
  rows = patchRow(rows, 0, { id: 'wet' });
  rows = patchRow(rows, 0, { key: 'ash_pct' });
  assert.equal(rows[0].id, 'wet');
  // a stored rule keeps its id
  const stored = { ...newRow([], 'ash_pct'), id: 'ash-high', autoId: false };
  assert.equal(patchRow([stored], 0, { kind: 'rate' })[0].id, 'ash-high');
});

test('the form names each missing or malformed field before anything is sent', () => {
  const ok = { ...newRow([], 'ash_pct'), max: '11,5' };
  assert.deepEqual(checkRules([ok]), {});
  assert.deepEqual(checkRules([{ ...ok, id: '  ' }]), { 'rules.0.id': 'rule:idNeeded' });
  assert.deepEqual(checkRules([{ ...ok, id: 'Зола' }]), { 'rules.0.id': 'rule:idShape' });
  // a code twice: both rules say so, whichever of them was edited
  assert.deepEqual(checkRules([ok, { ...ok, id: ` ${ok.id}` }, { ...ok, id: 'other' }]), {
    'rules.0.id': 'rule:idTaken',
    'rules.1.id': 'rule:idTaken',
  });
  assert.deepEqual(checkRules([{ ...ok, key: '' }]), { 'rules.0.key': 'rule:keyNeeded' });
  assert.deepEqual(checkRules([{ ...ok, max: '' }]), { 'rules.0.max': 'rule:limitNeeded' });
  assert.deepEqual(checkRules([{ ...ok, min: '12' }]), { 'rules.0.max': 'rule:maxAboveMin' });
  assert.deepEqual(checkRules([{ ...ok, min: 'abc' }]), { 'rules.0.min': 'rule:notNumber' });
  assert.deepEqual(checkRules([{ ...ok, kind: 'rate' }]), {
    'rules.0.perMinute': 'rule:perMinuteNeeded',
  });
  assert.deepEqual(checkRules([{ ...ok, kind: 'no-data' }]), {
    'rules.0.minutes': 'rule:minutesNeeded',
  });
});

test('a reading is named with its unit in the language of the page', () => {
  const ash = { label: 'Зольность Ad', labelEn: 'Ash Ad', unit: '%' };
  assert.equal(keyWords(ash, 'ru'), 'Зольность Ad, %');
  assert.equal(keyWords(ash, 'en'), 'Ash Ad, %');
  const tph = { label: 'Производительность', labelEn: 'Throughput', unit: 't/h' };
  assert.equal(keyWords(tph, 'ru'), 'Производительность, т/ч');
  assert.equal(keyWords(tph, 'en'), 'Throughput, t/h');
});

test("a threshold relative to the plant's target is sent back relative, not as absolute limits", () => {
  const row = toRow({
    id: 'density-off-target',
    key: 'density_kgm3',
    severity: 'warning',
    kind: 'threshold',
    relativeTo: 'target',
    min: -20,
    max: 20,
    hysteresis: 5,
    enabled: true,
  });
  assert.deepEqual(fromRow(row, ['density_kgm3']), {
    id: 'density-off-target',
    key: 'density_kgm3',
    kind: 'threshold',
    severity: 'warning',
    enabled: true,
    min: -20,
    max: 20,
    hysteresis: 5,
    relativeTo: 'target',
  });
  // unticked, or another kind: no longer relative
  const keys = ['density_kgm3'];
  assert.equal('relativeTo' in fromRow({ ...row, relativeTo: undefined }, keys), false);
  assert.equal('relativeTo' in fromRow({ ...row, kind: 'rate', perMinute: '5' }, keys), false);
  // moved to a key the plant sets no target for: absolute again, not refused by the server
  assert.equal('relativeTo' in fromRow({ ...row, key: 'ch4_pct' }, keys), false);
});

test("'from the plant's target' is offered only for a threshold of a key a plant has a target for", () => {
  assert.equal(mayBeRelative({ kind: 'threshold', key: 'ash_pct' }, ['ash_pct']), true);
  assert.equal(mayBeRelative({ kind: 'threshold', key: 'ch4_pct' }, []), false);
  assert.equal(mayBeRelative({ kind: 'threshold', key: 'moisture_pct' }, ['ash_pct']), false);
  assert.equal(mayBeRelative({ kind: 'rate', key: 'ash_pct' }, ['ash_pct']), false);
});

test("a rule's numbers reach the form with the page's decimal mark and go back as numbers", () => {
  const stored = {
    id: 'ash-above-target',
    key: 'ash_pct',
    kind: 'threshold' as const,
    severity: 'warning' as const,
    enabled: true,
    max: 1.5,
    hysteresis: 0.5,
  };
  const ru = toRow(stored, false, ',');
  assert.equal(ru.max, '1,5');
  assert.equal(ru.hysteresis, '0,5');
  assert.equal(toRow(stored, false, '.').max, '1.5');
  const sent: Record<string, unknown> = fromRow(ru, []);
  assert.equal(sent.max, 1.5);
  assert.equal(sent.hysteresis, 0.5);
});

test('an alarm condition names the reading with its unit, which does not break at its slash', () => {
  assert.equal(unitWords('kg/m³', 'ru'), 'кг/\u2060м³');
  assert.equal(unitWords('kg/m³', 'en'), 'kg/\u2060m³');
  assert.equal(unitWords('%', 'ru'), '%');
  const phrases = {
    above: '{key} выше {max}',
    below: '{key} ниже {min}',
    outside: '{key} вне {min}…{max}',
    rate: '{key} меняется быстрее {rate} в минуту',
    silence: '{key}: нет данных дольше {n} мин',
  };
  const words = (p: keyof typeof phrases, v: Record<string, string>) =>
    phrases[p].replace(/\{(\w+)\}/g, (_, k: string) => v[k]);
  const num = (x: number) => String(x).replace('.', ',');
  const say = (r: Parameters<typeof conditionWords>[0], key: string, unit: string) =>
    conditionWords(r, key, unit, num, words)
      .replace(/\u00a0/g, ' ')
      .replace(/\u2060/g, '');
  assert.equal(say({ kind: 'threshold', max: 1 }, 'Метан', '%'), 'Метан выше 1 %');
  assert.equal(
    say(
      { kind: 'threshold', min: 1430, max: 1470 },
      'Плотность суспензии',
      unitWords('kg/m³', 'ru'),
    ),
    'Плотность суспензии вне 1430…1470 кг/м³',
  );
  assert.equal(say({ kind: 'threshold', min: 2 }, 'Зольность Ad', '%'), 'Зольность Ad ниже 2 %');
  assert.equal(
    say({ kind: 'rate', perMinute: 40 }, 'Плотность', 'кг/м³'),
    'Плотность меняется быстрее 40 кг/м³ в минуту',
  );
  assert.equal(
    say({ kind: 'no-data', minutes: 5 }, 'Метан', '%'),
    'Метан: нет данных дольше 5 мин',
  );
  // the number and its unit are one unbreakable word
  assert.match(
    conditionWords({ kind: 'threshold', max: 1 }, 'Метан', '%', num, words),
    /1\u00a0%$/,
  );
});

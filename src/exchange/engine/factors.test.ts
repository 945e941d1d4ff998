// The factors table: every entry sourced or an estimate with its basis; and no factor left as a
// number in the engine's code (transport, emissions and yields come from the table).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { factorTable } from '../reference.ts';
import { FactorTable, unknownFactorKeys, withOverrides } from './factors.ts';

const raw = JSON.parse(
  readFileSync(new URL('../../../data/reference/factors.json', import.meta.url), 'utf8'),
).factors as Record<string, Record<string, unknown>>;

test('every factor has a value, unit, source and year, and an estimate its basis', () => {
  FactorTable.parse(raw);
  assert.ok(Object.keys(raw).length > 30);
  for (const [key, e] of Object.entries(raw)) {
    assert.equal(typeof e.value, 'number', key);
    assert.ok(typeof e.unit === 'string' && e.unit.length > 0, key);
    assert.ok(typeof e.source === 'string' && e.source.length > 0, key);
    assert.ok(Number.isInteger(e.year) && (e.year as number) >= 1990, key);
    assert.ok(e.status === 'sourced' || e.status === 'estimate', key);
    if (e.status === 'estimate')
      assert.ok(typeof e.basis === 'string' && e.basis.length > 0, `${key} needs a basis`);
  }
  for (const group of ['transport.road.', 'transport.rail.', 'emissions.', 'energy.', 'prices.'])
    assert.ok(
      Object.keys(raw).some((k) => k.startsWith(group)),
      group,
    );
});

test('every source and basis reads in Russian too, citing the same codes and figures', () => {
  const codes = (text: string) => [...text.matchAll(/\[([A-Z0-9]+)\]/g)].map((m) => m[1]).sort();
  // the figures a text quotes, with Russian decimal commas read as points
  const figures = (text: string) =>
    [...text.replace(/(\d),(\d)/g, '$1.$2').matchAll(/\d+(?:\.\d+)?/g)]
      .map((m) => Number(m[0]))
      .filter((n) => n >= 10 || !Number.isInteger(n))
      .sort((a, b) => a - b);
  for (const [key, e] of Object.entries(raw)) {
    for (const [en, ru] of [
      [e.source, e.sourceRu],
      [e.basis, e.basisRu],
    ] as Array<[string | undefined, string | undefined]>) {
      if (en === undefined) {
        assert.equal(ru, undefined, `${key}: a Russian text with no English one`);
        continue;
      }
      assert.ok(ru, `${key}: no Russian for "${en}"`);
      // a text of codes and file names alone ("[K101]; reference-data.md §2.1") reads the same
      const prose = en.replace(/\[[A-Z0-9]+\]|[\w./-]+\.(md|json)\b/g, '');
      if (/[a-z]{3}/i.test(prose)) assert.match(ru, /[а-яё]{3}/i, key);
      // English prose left in the Russian text
      assert.doesNotMatch(ru, /\b(the|of|and|per|via|model|value|review|estimate)\b/i, key);
      assert.deepEqual(codes(ru), codes(en), `${key}: cites other codes in Russian`);
      assert.deepEqual(
        figures(ru.replace(/\s(?=\d{3}\b)/g, '')),
        figures(en.replace(/(\d)[\s,](?=\d{3}\b)/g, '$1')),
        `${key}: quotes other figures in Russian`,
      );
    }
  }
});

test('gas volumes at 20 °C (GOST 2939): methane 0.668 kg/m³', () => {
  const d = factorTable()['emissions.methane.densityKgPerM3'];
  assert.equal(d.value, 0.668);
  assert.match(d.unit, /20 °C/);
});

test('overrides replace values, say so in the source, and never add a key', () => {
  const t = factorTable();
  assert.deepEqual(unknownFactorKeys(t, { 'transport.road.speedKmh': 60, 'x.y': 1 }), ['x.y']);
  const o = withOverrides(t, { 'transport.road.speedKmh': 60 });
  assert.equal(o['transport.road.speedKmh'].value, 60);
  assert.match(o['transport.road.speedKmh'].source, /overridden/);
  assert.match(o['transport.road.speedKmh'].sourceRu ?? '', /^задано в запросе плана/);
  assert.equal(t['transport.road.speedKmh'].value, 70, 'the table itself is unchanged');
  assert.throws(() => withOverrides(t, { 'x.y': 1 }), /x\.y/);
});

/**
 * The numeric literals of a source file outside comments and strings, except 0, 1, 10, 100 and
 * 1000 (unit scales and shares) and the digits of a rounding (`round(x, 2)`, `digits = 3`).
 */
function factorLiterals(file: string): string[] {
  const text = readFileSync(new URL(file, import.meta.url), 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\/\/.*$/gm, '')
    .replace(/`(?:\\.|\$\{[^}]*\}|[^`\\])*`/g, (t) => t.replace(/[^${}]/g, ' '))
    .replace(/'(?:\\.|[^'\\])*'|"(?:\\.|[^"\\])*"/g, "''")
    .replace(/(?<=[(,=:]\s*)\/(?:\\.|\[[^\]]*\]|[^/\n\\])+\/[gimsuy]*/g, '/re/')
    .replace(/\b(round|fmt)\([^()]*,\s*\d\)/g, '$1()')
    .replace(/\bdigits\s*=\s*\d\b/g, 'digits');
  const allowed = new Set(['0', '1', '10', '100', '1000']);
  return [...text.matchAll(/(?<![\w.])\d[\d_]*(?:\.\d+)?(?:e[+-]?\d+)?/gi)]
    .map((m) => m[0])
    .filter((n) => !allowed.has(n.replace(/_/g, '')));
}

test('no factor is a number in the code of impact, candidates, compatibility and rail', () => {
  for (const file of ['./impact.ts', './candidates.ts', './compatibility.ts', './rail.ts'])
    assert.deepEqual(factorLiterals(file), [], file);
});

test('the literal scan finds a factor where there is one', () => {
  const probe = new URL('./factors.test.ts', import.meta.url);
  assert.ok(readFileSync(probe, 'utf8').includes('0.668'));
  assert.ok(factorLiterals('./factors.test.ts').includes('0.668'));
});

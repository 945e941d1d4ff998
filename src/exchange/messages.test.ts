// The exchange's messages word a count with its noun in the reader's plural form: «по 21 прогону»,
// «по 20 прогонам», '1 run', '21 runs' — never «из 21 прогонов».
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { messageByCode } from '../model/messages.ts';
import { type CountedNoun, countedNoun } from '../model/wording.ts';
import { messages, warnings } from './messages.ts';

const run: CountedNoun = {
  ru: { one: 'прогон', few: 'прогона', many: 'прогонов', other: 'прогона' },
  en: { one: 'run', other: 'runs' },
};

test('a noun after a count takes the plural form of the language', () => {
  const ru = [1, 2, 4, 5, 11, 12, 14, 20, 21, 22, 25, 101, 111].map(
    (n) => `${n} ${countedNoun('ru', n, run)}`,
  );
  assert.deepEqual(ru, [
    '1 прогон',
    '2 прогона',
    '4 прогона',
    '5 прогонов',
    '11 прогонов',
    '12 прогонов',
    '14 прогонов',
    '20 прогонов',
    '21 прогон',
    '22 прогона',
    '25 прогонов',
    '101 прогон',
    '111 прогонов',
  ]);
  assert.equal(countedNoun('ru', 1.5, run), 'прогона', 'a fraction: the genitive singular');
  assert.deepEqual(
    [0, 1, 2, 21].map((n) => `${n} ${countedNoun('en', n, run)}`),
    ['0 runs', '1 run', '2 runs', '21 runs'],
  );
});

/** The robustness warning as a reader gets it: stored counts, worded with their noun. */
const robustness = (runs: number, asked: number, lang: 'ru' | 'en') => {
  const stored = warnings.robustnessPartial({ runs, asked });
  assert.deepEqual(stored.params, { runs, asked }, 'a plan stores the bare counts');
  return messageByCode(stored.code, stored.params)?.text(lang);
};

test('the robustness warning counts its runs in Russian and English', () => {
  assert.equal(
    robustness(20, 21, 'ru'),
    'устойчивость: к сроку завершились не все прогоны; доли посчитаны по 20 прогонам из 21',
  );
  assert.match(robustness(21, 40, 'ru') ?? '', /по 21 прогону из 40$/);
  assert.match(robustness(1, 2, 'ru') ?? '', /по 1 прогону из 2$/);
  assert.match(robustness(3, 5, 'ru') ?? '', /по 3 прогонам из 5$/);
  assert.equal(
    robustness(20, 21, 'en'),
    'robustness: not every run finished before the deadline; the shares are over 20 runs of 21',
  );
  assert.match(robustness(1, 2, 'en') ?? '', /over 1 run of 2$/);
});

test('a count stored as text (an older plan, say) is read as it is; other messages keep their parameters', () => {
  const params = { supply: 'o-1', demand: 'r-1', properties: 'loi' };
  assert.deepEqual(warnings.linkDropped(params).params, params);
  assert.match(
    messageByCode(warnings.robustnessPartial.code, { runs: '20', asked: 21 })?.text('en') ?? '',
    /over 20 of 21$/,
  );
});

const NBSP = '\u00a0';
/** A text with its no-break spaces as plain ones, to match against a readable pattern. */
const plain = (text: string | undefined) => (text ?? '').replaceAll(NBSP, ' ');

test('the quantities a match would pass are given with the listing’s unit, in the reader’s format', () => {
  const m = messages.yourQuantityTaken({ limit: 12000, taken: 9500.5, own: 3000, unit: 't' });
  assert.equal(
    m.text('ru'),
    `В вашем объявлении — 12${NBSP}000${NBSP}т в год; ваши согласованные совпадения уже берут 9${NBSP}500,5${NBSP}т, а это требует ещё 3${NBSP}000${NBSP}т`,
  );
  assert.equal(
    m.text('en'),
    `Your listing has 12,000${NBSP}t a year; your agreed matches already take 9,500.5${NBSP}t, and this one needs 3,000${NBSP}t`,
  );
  assert.deepEqual(m.params, { limit: 12000, taken: 9500.5, own: 3000, unit: 't' });
  assert.match(
    plain(
      messages
        .yourQuantityTaken({ limit: 400, taken: 300, own: 200, unit: 'thousand_m3' })
        .text('ru'),
    ),
    /— 400 тыс\. м³ в год;/,
  );
});

test('a plan’s warning about a minimum gives it with its unit; one stored without a unit reads the number', () => {
  const stored = warnings.offerUnlinked({ id: 'o-1', min: 1500, unit: 'm3' });
  const reread = messageByCode(stored.code, stored.params);
  assert.match(plain(reread?.text('ru')), /не меньше 1 500 м³ в год/);
  assert.match(plain(reread?.text('en')), /at least 1,500 m³ a year/);
  assert.match(
    plain(warnings.requestUnlinked({ id: 'r-1', min: 200, unit: 'GJ' }).text('ru')),
    /не меньше 200 ГДж в год/,
  );
  // a plan saved before the unit was stored
  assert.match(
    plain(messageByCode(warnings.offerUnlinked.code, { id: 'o-1', min: 1500 })?.text('en')),
    /at least 1,500 a year/,
  );
});

test('a figure beyond range is named by its label and written in the reader’s number format', () => {
  const m = warnings.listingBeyondRange({
    id: 'o-old',
    field: 'quantityPerYear',
    value: 1e9,
    limit: 1e8,
  });
  assert.match(plain(m.text('ru')), /Объём в год = 1 000 000 000, больше 100 000 000 —/);
  assert.match(plain(m.text('en')), /Quantity per year is 1,000,000,000, beyond 100,000,000,/);
});

test('a unit is named in words', () => {
  assert.equal(
    messages.measuredIn({ materialRu: 'Зола уноса', materialEn: 'Fly ash', unit: 't' }).text('ru'),
    'материал «Зола уноса» измеряется в тоннах',
  );
  assert.equal(
    messages
      .measuredIn({ materialRu: 'Метан', materialEn: 'Methane', unit: 'thousand_m3' })
      .text('en'),
    'Methane is measured in thousands of cubic metres',
  );
});

test('the day a site closed is worded for the reader', () => {
  assert.equal(
    messages.siteClosed({ closedOn: '2026-03-01' }).text('ru'),
    'площадка закрыта 1 марта 2026 г.',
  );
  assert.equal(
    messages.siteClosed({ closedOn: '2026-03-01' }).text('en'),
    'closed on 1 March 2026',
  );
});

test('a listing that cannot be published or withdrawn names its status as its badge does, not its raw id', () => {
  const publish = messages.cannotPublish({ status: 'withdrawn' });
  assert.equal(
    publish.text('ru'),
    'Объявление в статусе «снято»; опубликовать можно только черновик',
  );
  assert.equal(
    publish.text('en'),
    'The listing has the status “withdrawn”; only a draft listing can be published',
  );
  assert.deepEqual(publish.params, { status: 'withdrawn' });
  const withdraw = messages.cannotWithdraw({ status: 'draft' });
  assert.equal(
    withdraw.text('ru'),
    'Объявление в статусе «черновик»; снять можно только действующее объявление',
  );
  assert.equal(
    withdraw.text('en'),
    'The listing has the status “draft”; only an active listing can be withdrawn',
  );
  assert.equal(
    messages.cannotWithdraw({ status: 'expired' }).text('ru'),
    'Объявление в статусе «истекло»; снять можно только действующее объявление',
  );
  assert.equal(withdraw.params.status, 'draft');
});

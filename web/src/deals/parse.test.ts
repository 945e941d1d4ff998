import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { listingLimits } from '../../../src/exchange/limits.ts';
import { missingChoices, parseQuality, parseTerms, type TermsText, termsLimits } from './parse.ts';

const typed: TermsText = {
  quantity: '1 000',
  unit: 't',
  from: '2027-01-01',
  to: '2027-12-31',
  price: '-12,345',
  mode: 'rail',
  paidBy: 'provider',
  transportCost: '150',
  tolerance: '2,5',
  purpose: '',
};

test('terms as typed become the API terms: roubles to whole kopecks, decimal commas', () => {
  const { terms, bad } = parseTerms(typed);
  assert.equal(bad.size, 0);
  assert.deepEqual(terms, {
    quantity: 1000,
    unit: 't',
    schedule: { from: '2027-01-01', to: '2027-12-31' },
    priceKopecksPerUnit: -1235,
    transport: { mode: 'rail', paidBy: 'provider' },
    transportKopecksPerUnit: 15000,
    tolerancePct: 2.5,
  });
});

test("a waste's purpose goes with the terms when chosen; none chosen, the deal names none", () => {
  assert.equal(
    parseTerms({ ...typed, purpose: 'neutralisation' }).terms.wastePurpose,
    'neutralisation',
  );
  assert.equal('wastePurpose' in parseTerms(typed).terms, false);
});

test('boxes that are not numbers, or empty, are named', () => {
  const { bad } = parseTerms({ ...typed, quantity: 'много', price: '', tolerance: '5%' });
  assert.deepEqual([...bad.keys()].sort(), ['price', 'quantity', 'tolerance']);
  // an empty box is required, as the listing form says it; the others are no numbers
  assert.deepEqual(Object.fromEntries(bad), {
    quantity: 'number',
    price: 'required',
    tolerance: 'number',
  });
  assert.deepEqual([...parseTerms({ ...typed, price: '  ' }).bad], [['price', 'required']]);
});

test('a quantity of zero or below is its own problem, not "enter a number"', () => {
  for (const quantity of ['0', '0,0', '-5', '−1 000'])
    assert.deepEqual(
      [...parseTerms({ ...typed, quantity }).bad],
      [['quantity', 'positive']],
      quantity,
    );
  assert.equal(parseTerms({ ...typed, quantity: '0,5' }).bad.size, 0);
  assert.deepEqual([...parseTerms({ ...typed, quantity: '' }).bad], [['quantity', 'required']]);
});

test('a tolerance or transport cost below zero is caught before sending, as the server bounds it (user walk)', () => {
  assert.deepEqual([...parseTerms({ ...typed, tolerance: '-5', transportCost: '−1' }).bad].sort(), [
    ['tolerance', 'negative'],
    ['transportCost', 'negative'],
  ]);
  assert.equal(parseTerms({ ...typed, tolerance: '0', transportCost: '0' }).bad.size, 0);
  // a negative price is a gate fee, not a mistake
  assert.equal(parseTerms({ ...typed, price: '-100' }).bad.size, 0);
});

test('figures past the server’s bounds and an end before the start are caught before sending (user walk)', () => {
  const bad = parseTerms({
    ...typed,
    price: '99999999999',
    quantity: '100 000 001',
    transportCost: '100 000,01',
    tolerance: '150',
    from: '2027-06-01',
    to: '2027-01-01',
  }).bad;
  assert.deepEqual(Object.fromEntries(bad), {
    price: 'tooLarge',
    quantity: 'tooLarge',
    transportCost: 'tooLarge',
    tolerance: 'tooLarge',
    to: 'beforeFrom',
  });
  // at the bound, and a gate fee (a negative price) within it, pass
  const edge = parseTerms({ ...typed, price: '-100 000', quantity: '100 000 000' });
  assert.equal(edge.bad.size, 0);
  assert.equal(termsLimits.price * 100, listingLimits.kopecksPerUnit);
});

test('a gate fee past the bound is named as a floor, not a ceiling (user walk)', () => {
  assert.deepEqual(
    [...parseTerms({ ...typed, price: '-100 000,01' }).bad],
    [['price', 'tooSmall']],
  );
  assert.deepEqual([...parseTerms({ ...typed, price: '100 000,01' }).bad], [['price', 'tooLarge']]);
});

test('given today, a schedule ending before it is named; one ending today is not (user walk)', () => {
  const past = { ...typed, from: '2019-01-01', to: '2019-03-01' };
  assert.deepEqual([...parseTerms(past, '2026-12-05').bad], [['to', 'past']]);
  // without today (a counter-offer keeps an old deal's schedule): no judgement
  assert.equal(parseTerms(past).bad.size, 0);
  assert.equal(parseTerms({ ...past, to: '2026-12-05' }, '2026-12-05').bad.size, 0);
  // an end before the start is the first thing to say
  assert.deepEqual(
    [...parseTerms({ ...past, from: '2019-04-01' }, '2026-12-05').bad],
    [['to', 'beforeFrom']],
  );
});

test("the new deal's dropdowns left at «— choose —» are named; chosen ones are not", () => {
  assert.deepEqual(
    [...missingChoices({ counterparty: '', material: '' })],
    ['counterparty', 'material'],
  );
  assert.deepEqual([...missingChoices({ counterparty: 'myski-gres', material: '' })], ['material']);
  assert.equal(missingChoices({ counterparty: 'myski-gres', material: 'fly-ash' }).size, 0);
});

test('measured quality: pairs by comma or semicolon, decimal commas kept inside a value', () => {
  assert.deepEqual(parseQuality('loi=4,5, moisture=0,6'), { loi: 4.5, moisture: 0.6 });
  assert.deepEqual(parseQuality('ash = 12.5; sulfur=0.4'), { ash: 12.5, sulfur: 0.4 });
  assert.deepEqual(parseQuality('  '), {});
  assert.equal(parseQuality('ash'), null);
  assert.equal(parseQuality('ash=много'), null);
});

test('measured quality: any set of parameters and values written out reads back the same', () => {
  fc.assert(
    fc.property(
      fc.dictionary(
        fc.stringMatching(/^[a-z][a-z0-9_]{0,10}$/),
        fc.double({ min: -1e6, max: 1e6, noNaN: true }).map((n) => Math.round(n * 100) / 100),
        { maxKeys: 6 },
      ),
      (q) => {
        const text = Object.entries(q)
          .map(([k, n]) => `${k}=${String(n).replace('.', ',')}`)
          .join(', ');
        const back = parseQuality(text);
        assert.deepEqual(
          back,
          Object.fromEntries(Object.entries(q).map(([k, n]) => [k, n === 0 ? 0 : n])),
        );
      },
    ),
    { numRuns: 200 },
  );
});

test('a schedule past ten years from its first day is caught before sending, as the server bounds it (user walk: 2099)', () => {
  assert.deepEqual(
    [...parseTerms({ ...typed, from: '2026-12-08', to: '2099-12-31' }).bad],
    [['to', 'tooLong']],
  );
  assert.deepEqual(
    [...parseTerms({ ...typed, from: '2026-12-08', to: '2036-12-09' }).bad],
    [['to', 'tooLong']],
  );
  assert.equal(parseTerms({ ...typed, from: '2026-12-08', to: '2036-12-08' }).bad.size, 0);
});

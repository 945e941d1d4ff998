// The server words a state, side, action, status or unit in its messages with the same word the web
// app shows for it: two lists (src/*/messages.ts and the web's dictionaries) that must not drift.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dealActionWords, dealSideWords, dealStateWords } from '../../src/deals/messages.ts';
import { listingStatusWords } from '../../src/exchange/messages.ts';
import { unitSymbol } from '../../src/model/wording.ts';
import { dealsDict } from '../../web/src/deals/dict.ts';
import { exchangeLabelsDict } from '../../web/src/exchange/labels.ts';

const lists = [
  ['deal states', dealStateWords, dealsDict, 'state'],
  ['deal sides', dealSideWords, dealsDict, 'side'],
  ['deal actions', dealActionWords, dealsDict, 'action'],
  ['listing statuses', listingStatusWords, exchangeLabelsDict, 'status'],
] as const;

for (const [name, words, dict, prefix] of lists) {
  test(`${name}: the server's messages use the web app's words, in Russian and English`, () => {
    for (const [code, word] of Object.entries(words)) {
      for (const lang of ['ru', 'en'] as const) {
        const shown = (dict[lang] as Record<string, string>)[`${prefix}:${code}`];
        assert.equal(word[lang], shown, `${prefix}:${code} (${lang})`);
      }
    }
  });
}

test("material units: the server's messages write a unit as the web app's labels do", () => {
  for (const unit of ['t', 'm3', 'thousand_m3', 'MWh', 'GJ', 'Gcal'] as const)
    for (const lang of ['ru', 'en'] as const)
      assert.equal(
        unitSymbol(unit, lang),
        exchangeLabelsDict[lang][`unit:${unit}`],
        `${unit} (${lang})`,
      );
});

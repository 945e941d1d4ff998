import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { governanceDict } from './dict.ts';

/** An organisation's name comes as registered, often quoted itself: «ООО «Разрез Южный»». */
const organisations: Array<{ name: string; nameEn?: string }> = JSON.parse(
  readFileSync(new URL('../../../data/kuzbass/organisations.json', import.meta.url), 'utf8'),
);
const quotes = /[«»"“”„]/g;
const fill = (text: string, org: string) => text.replace('{org}', org);

test('no governance text puts quotes around an organisation name (it brings its own)', () => {
  for (const locale of ['ru', 'en'] as const)
    for (const [key, text] of Object.entries(governanceDict[locale]))
      assert.doesNotMatch(text, /[«"“„']\{org\}|\{org\}[»"”“']/, `${locale}.${key}: ${text}`);
});

test('the vote form names the voting organisation with exactly its own quotes', () => {
  const quoted = organisations.filter((o) => /«/.test(o.name));
  assert.ok(quoted.length > 3, 'the example has names with quotes');
  for (const o of organisations)
    for (const [locale, name] of [
      ['ru', o.name],
      ['en', o.nameEn ?? o.name],
    ] as const) {
      const line = fill(governanceDict[locale].voteAs, name);
      assert.ok(line.includes(name), line);
      assert.equal(
        line.match(quotes)?.length ?? 0,
        name.match(quotes)?.length ?? 0,
        `no quotes beyond the name's own: ${line}`,
      );
    }
  assert.equal(
    fill(governanceDict.ru.voteAs, 'ООО «Разрез Южный»'),
    'Вы голосуете от имени организации ООО «Разрез Южный»',
  );
});

// L10 (user walk): the README cited a file outside the repository. Every relative link of the
// README and of docs/ must point at a file of this repository.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const documents = [
  'README.md',
  ...readdirSync(join(repo, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => join('docs', f)),
];

test('L10 every relative link of the README and docs/ points at a file of the repository', () => {
  const broken: string[] = [];
  let links = 0;
  for (const doc of documents) {
    const text = readFileSync(join(repo, doc), 'utf8');
    for (const [, target] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
      if (/^(https?:|mailto:|#)/.test(target)) continue;
      links++;
      const path = join(repo, dirname(doc), target.split('#')[0]);
      if (!existsSync(path)) broken.push(`${doc} → ${target}`);
    }
  }
  assert.ok(links > 0, 'the README links to files of the repository');
  assert.deepEqual(broken, []);
  assert.doesNotMatch(readFileSync(join(repo, 'README.md'), 'utf8'), /\.\.\/shared\//);
});

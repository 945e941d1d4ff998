import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { apiTypes, apiTypesFile } from '../../../scripts/api-types.ts';

test('web/src/shell/api-types.ts matches the server (else run `npm run api:types`)', async () => {
  const committed = readFileSync(apiTypesFile, 'utf8');
  const fresh = await apiTypes();
  if (committed !== fresh) {
    const a = committed.split('\n');
    const b = fresh.split('\n');
    const line = a.findIndex((l, i) => l !== b[i]);
    assert.fail(
      `api-types.ts is stale from line ${line + 1}:\n  committed: ${a[line]}\n  generated: ${b[line]}\nRun \`npm run api:types\`.`,
    );
  }
  assert.equal(committed, fresh);
});

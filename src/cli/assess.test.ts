// The `assess` command as users run it (`digicluster assess FILE --json`): JSON-only stdout in
// the format, exit 2 with one clear line on bad input.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { businessEcosystem, territorialCluster } from '../assessment/engine/typology-scenarios.ts';

const bin = fileURLToPath(new URL('../../bin/digicluster.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'digicluster-assess-'));

function run(input: unknown, ...args: string[]) {
  const file = join(dir, `s${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, typeof input === 'string' ? input : JSON.stringify(input));
  const r = spawnSync(process.execPath, [bin, 'assess', file, ...args], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('digicluster assess FILE', () => {
  test('--json prints the nine characteristics and the overall placement, nothing else', () => {
    const r = run(businessEcosystem(), '--json');
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stderr, '');
    const out = JSON.parse(r.stdout);
    assert.deepEqual(
      out.characteristics.map((c: { id: string }) => c.id),
      [
        'essence',
        'geography',
        'knowledge',
        'integration_basis',
        'transactions',
        'control',
        'sustainability',
        'competition_cooperation',
        'regulation',
      ],
    );
    for (const c of out.characteristics) {
      assert.ok(
        ['territorial_cluster', 'digital_cluster', 'business_ecosystem', 'no_data'].includes(
          c.form,
        ),
      );
      assert.equal(typeof c.evidence, 'string');
      for (const i of c.indicators)
        assert.deepEqual(Object.keys(i).slice(0, 3), ['name', 'value', 'formula']);
    }
    assert.equal(out.overall.form, 'business_ecosystem');
  });

  test('the window and the day assessed come from the options', () => {
    const r = run(territorialCluster(), '--json', '--as-of', '2026-03-31', '--months', '2');
    assert.equal(r.code, 0, r.stderr);
    const out = JSON.parse(r.stdout);
    assert.equal(out.asOf, '2026-03-31');
    assert.equal(out.overall.form, 'territorial_cluster');
  });

  test('the default window is the 12 months of the web page and the report, printed with the result', () => {
    const out = JSON.parse(run(businessEcosystem(), '--json').stdout);
    assert.equal(out.asOf, '2026-06-15');
    assert.equal(out.windowMonths, 12);
    assert.equal(out.from, '2025-06-16');
    const text = run(businessEcosystem());
    assert.equal(text.code, 0, text.stderr);
    assert.match(text.stdout, /^на 2026-06-15, окно 12 мес\. \(с 2025-06-16\)/);
    // forms and characteristics by name, never the raw ids
    assert.match(text.stdout, /Внутреннее регулирование\s+цифровой кластер\s+1/);
    assert.match(text.stdout, /В целом\s+бизнес-экосистема\s+1,89/);
    assert.doesNotMatch(text.stdout, /business_ecosystem|digital_cluster|competition_cooperation/);
    const en = run(businessEcosystem(), '--lang', 'en', '--months', '3');
    assert.match(en.stdout, /^as of 2026-06-15, window 3 months \(from 2026-03-16\)/);
    assert.match(en.stdout, /Overall\s+business ecosystem/);
    assert.equal(run(businessEcosystem(), '--lang', 'de').code, 2);
  });

  test('bad input: exit 2 naming the field', () => {
    const r = run({ organisations: [{ id: 'a', kind: 'mine', region: 'r' }] }, '--json');
    assert.equal(r.code, 2);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /organisations\.0\.agglomeration/);
  });

  test('not JSON, a bad option: exit 2', () => {
    assert.equal(run('{oops', '--json').code, 2);
    assert.equal(run({ organisations: [] }, '--months', 'x').code, 2);
    // Number('0x2') is 2: a hexadecimal count is refused, not read.
    assert.equal(run({ organisations: [] }, '--months', '0x2').code, 2);
    assert.equal(run({ organisations: [] }, '--as-of', '2026-13').code, 2);
  });
});

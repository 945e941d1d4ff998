// The `network` command as users run it (`digicluster network FILE --json`): JSON-only stdout
// in the format, the values networkx gives (a committed fixture), the same on one
// thread or two; exit 2 with one clear line on bad input.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../../bin/digicluster.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'digicluster-network-'));
const fixture = (name: string) =>
  JSON.parse(
    readFileSync(new URL(`../../data/fixtures/network/${name}.json`, import.meta.url), 'utf8'),
  );

function run(input: unknown, ...args: string[]) {
  const file = join(dir, `g${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, typeof input === 'string' ? input : JSON.stringify(input));
  const r = spawnSync(process.execPath, [bin, 'network', file, ...args], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('digicluster network', () => {
  test('--json prints the issue example exactly', () => {
    const r = run(
      { nodes: [{ id: 'a' }, { id: 'b' }], edges: [{ source: 'a', target: 'b', weight: 2 }] },
      '--json',
    );
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stderr, '');
    const node = { degree: 1, betweenness: 0, closeness: 1, pagerank: 0.5, community: 0 };
    const out = JSON.parse(r.stdout);
    assert.deepEqual(Object.keys(out), ['nodes', 'modularity', 'density']);
    assert.deepEqual(Object.keys(out.nodes[0]), [
      'id',
      'degree',
      'betweenness',
      'closeness',
      'pagerank',
      'eigenvector',
      'community',
    ]);
    for (const [i, id] of ['a', 'b'].entries()) {
      assert.deepEqual(
        { ...out.nodes[i], eigenvector: undefined },
        { id, ...node, eigenvector: undefined },
      );
      assert.ok(Math.abs(out.nodes[i].eigenvector - Math.SQRT1_2) < 1e-12);
    }
    assert.equal(out.density, 1);
    assert.equal(out.modularity, 0);
  });

  test('a 200-node graph: networkx values, and the same on one thread or two', () => {
    const fx = fixture('random200');
    const one = run(fx.input, '--json', '--threads', '1');
    const two = run(fx.input, '--json', '--threads', '2');
    assert.equal(one.code, 0, one.stderr);
    assert.equal(two.code, 0, two.stderr);
    const a = JSON.parse(one.stdout);
    const b = JSON.parse(two.stdout);
    fx.expected.nodes.forEach((want: Record<string, number>, i: number) => {
      for (const k of ['degree', 'betweenness', 'closeness', 'pagerank', 'eigenvector'])
        assert.ok(Math.abs(b.nodes[i][k] - want[k]!) <= 1e-9, `${want.id} ${k}`);
      assert.ok(Math.abs(a.nodes[i].betweenness - b.nodes[i].betweenness) <= 1e-12);
    });
    assert.deepEqual(
      a.nodes.map((n: { community: number }) => n.community),
      b.nodes.map((n: { community: number }) => n.community),
    );
  });

  test('bad input: exit 2, one line naming the problem, nothing on stdout', () => {
    const cases: [unknown, RegExp][] = [
      ['{not json', /is not JSON/],
      [
        { nodes: [{ id: 'a' }], edges: [{ source: 'a', target: 'z' }] },
        /edges\.0\.target: node "z" is not in nodes/,
      ],
      [
        { nodes: [{ id: 'a' }], edges: [{ source: 'a', target: 'a', weight: 0 }] },
        /weight: must be > 0/,
      ],
    ];
    for (const [input, message] of cases) {
      const r = run(input, '--json');
      assert.equal(r.code, 2);
      assert.equal(r.stdout, '');
      assert.match(r.stderr, message);
      assert.equal(r.stderr.trim().split('\n').length, 1);
    }
    assert.equal(run({ nodes: [], edges: [] }, '--threads', 'x').code, 2);
  });
});

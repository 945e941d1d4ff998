// Heavy work off the event loop, over a real socket: while a plan with 200 robustness runs
// over 300 listings computes in a worker thread, /api/health answers first; one user gets
// 429 beyond their limit of concurrent plans; a plan still waiting at its deadline is a 503;
// robustness runs share the plan's deadline. SQLite only: the database is read once, before
// the plan, and what is tested here is the thread, not the dialect.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import type { FastifyInstance } from 'fastify';
import { seedExample } from '../../src/example/seed.ts';
import { computePlan } from '../../src/exchange/engine/plan.ts';
import { factorTable, railNetwork } from '../../src/exchange/reference.ts';
import { systemActor, type UserRole } from '../../src/model/index.ts';
import type { Platform } from '../../src/platform.ts';
import { registryQueries as rq } from '../../src/registry/index.ts';
import { buildServer } from '../../src/server/app.ts';
import { configureWork, heavyWork } from '../../src/work/index.ts';
import { sqliteDatabase, type TestDatabase } from './dialects.ts';
import { signedIn } from './fixtures.ts';
import { growListings } from './many-listings.ts';

const heavyPlan = { robustness: { runs: 200, variation: 0.2 }, timeLimitSeconds: 120 };
/** Robustness runs that finished: all asked for, unless the plan warns how many did. */
function runsDone(
  body: { warnings: Array<{ code: string; params: Record<string, string | number> }> },
  asked: number,
): number {
  const note = body.warnings.find((w) => w.code === 'exchange.warning.robustnessPartial');
  if (!note) return asked;
  assert.equal(note.params.asked, asked);
  return Number(note.params.runs);
}
/** A share of `runs` runs is a whole number of them (to rounding). */
const wholeRuns = (share: number, runs: number) =>
  Math.abs(share * runs - Math.round(share * runs)) < 1e-9;

describe('heavy work off the event loop (SQLite, over a socket)', () => {
  let db: TestDatabase;
  let p: Platform;
  let app: FastifyInstance;
  let base: string;
  const auth = new Map<string, Record<string, string>>();

  const session = (org: string, role: UserRole, email: string) =>
    signedIn(p, org, { email, name: `${role} ${org}`, role });

  const plan = (who: string, body: unknown, lang = 'en') =>
    fetch(`${base}/api/v1/exchange/plan`, {
      method: 'POST',
      headers: { ...auth.get(who), 'content-type': 'application/json', 'accept-language': lang },
      body: JSON.stringify(body),
    });

  /** Until a plan is in the pool (polled: nothing here asserts a duration). */
  const computing = async () => {
    while (heavyWork().pool.pending === 0) await sleep(5);
  };

  before(async () => {
    db = sqliteDatabase();
    p = await db.open();
    await seedExample(p);
    assert.equal(await growListings(p, 300), 300);
    // one thread, as on a 2-core machine; one heavy request per user at a time
    configureWork({ workerThreads: 1, heavyPerActor: 1 });
    app = await buildServer(p);
    await app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
    const [operatorOrg] = await rq.findOrganisations(p.store, { kind: 'platform_operator' });
    auth.set('operator', await session(operatorOrg.id, 'operator_admin', 'op@heavy.example'));
    auth.set('member', await session('tsement-tom', 'member', 'member@heavy.example'));
    const { secret } = await p.users.createApiKey(systemActor, 'tsement-tom', {
      name: 'planner',
      role: 'member',
    });
    auth.set('member key', { authorization: `Bearer ${secret}` });
  });

  after(async () => {
    await app?.close();
    await p?.close();
    await db?.drop();
  });

  test('F2: while a 200-run plan over 300 listings computes, /api/health is answered first', async () => {
    const order: string[] = [];
    const planned = plan('operator', heavyPlan).then((r) => {
      order.push('plan');
      return r;
    });
    await computing();
    const health = await fetch(`${base}/api/health`);
    order.push('health');
    assert.equal(health.status, 200);
    assert.equal((await health.json()).status, 'ok');
    const res = await planned;
    assert.equal(res.status, 200, await res.clone().text());
    assert.deepEqual(order, ['health', 'plan']);
    const body = await res.json();
    assert.equal(body.counts.offers + body.counts.requests, 300);
    assert.ok(body.robustness.length > 0);
    const runs = runsDone(body, 200);
    for (const r of body.robustness) assert.ok(wholeRuns(r.share, runs), String(r.share));
  });

  test('the plan computed in the thread is the plan computed here', async () => {
    const res = await plan('operator', {});
    assert.equal(res.status, 200);
    const threaded = await res.json();
    const { listings, materials } = await p.exchange.liveListings(p.store);
    const here = await computePlan(listings, materials, {
      now: new Date(threaded.computedAt),
      factors: factorTable(),
      rail: railNetwork(),
    });
    // the answer words each warning for its reader; the plan keeps its code and parameters
    const warnings = threaded.warnings as Array<{ code: string; params: object; message: string }>;
    assert.ok(warnings.every((w) => w.message.length > 0));
    // and lists the citations its factors cite, which the plan does not store
    const { factorSources, factorSourcesRu, ...rest } = threaded;
    assert.match(factorSources.TR1, /No\. 894\/25/);
    assert.match(factorSourcesRu.TR1, /№ 894\/25/);
    const stored = {
      ...rest,
      warnings: warnings.map(({ code, params }) => ({ code, params })),
    };
    assert.deepEqual(stored, JSON.parse(JSON.stringify(here)));
  });

  test('F2: one user beyond their limit of concurrent plans gets 429 with Retry-After', async () => {
    const first = plan('member', heavyPlan);
    await computing();
    for (const [lang, wording] of [
      ['en', /You have 1 heavy requests/],
      ['ru', /одновременно можно не больше 1;/],
    ] as const) {
      const refused = await plan('member', {}, lang);
      assert.equal(refused.status, 429);
      const retryAfter = Number(refused.headers.get('retry-after'));
      assert.ok(
        Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= 120,
        String(retryAfter),
      );
      const problem = await refused.json();
      assert.equal(problem.code, 'work.tooManyHeavy');
      assert.match(problem.detail, wording);
    }
    // the same organisation's API key is an actor of its own: admitted (it waits for the thread)
    const byKey = plan('member key', {});
    assert.equal((await first).status, 200);
    assert.equal((await byKey).status, 200);
    assert.equal((await plan('member', {})).status, 200, 'the slot came back');
  });

  test('a plan still waiting for the thread at its deadline is a 503 with Retry-After', async () => {
    const long = plan('operator', heavyPlan);
    await computing();
    // the one thread is busy for seconds: half a second runs out in the queue
    const late = await plan('member', { timeLimitSeconds: 0.5 }, 'ru');
    assert.equal(late.status, 503);
    assert.ok(Number(late.headers.get('retry-after')) >= 1);
    const problem = await late.json();
    assert.equal(problem.code, 'work.deadline');
    assert.match(problem.detail, /не уложился в отведённые 0.5 с/);
    assert.equal((await long).status, 200);
  });

  test('robustness runs share the deadline: the plan comes back with the runs that fit', async () => {
    // 200 runs over 300 listings take seconds (about 20 ms each on an idle 2-core machine);
    // 1.5 s leaves the plan itself room on a loaded machine (0.3 s gave a 503 under load)
    const res = await plan('member', {
      robustness: { runs: 200, variation: 0.2 },
      timeLimitSeconds: 1.5,
    });
    assert.equal(res.status, 200);
    const body = await res.json();
    const runs = runsDone(body, 200);
    assert.ok(runs < 200, 'the runs were cut short, and the plan says so');
    for (const r of body.robustness) assert.ok(wholeRuns(r.share, runs), String(r.share));
  });
});

// NGSI-LD, read-only, through HTTP on both databases: entities named by FIWARE Smart Data
// Models (Device, ProcessChemicalAnalysis, PointOfInterest), the @context in the body
// (application/ld+json) or in a Link header (application/json), served locally and never
// fetched, temporal reads of a device's telemetry, the API's access rules (owner, grantee with
// its keys only and its reads logged, third organisation refused) and NGSI-LD's error types.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { HOUR_MS } from '../../src/machines/index.ts';
import { systemActor } from '../../src/model/index.ts';
import type { Platform } from '../../src/platform.ts';
import { buildServer } from '../../src/server/app.ts';
import { eachDialect, type TestDatabase } from './dialects.ts';
import { organisationInput, signedIn, siteKemerovo } from './fixtures.ts';

const dialects = await eachDialect();

const OWNER = 'ld-plant';
const GRANTEE = 'ld-buyer';
const THIRD = 'ld-third';
const HOUR = Math.floor(Date.now() / HOUR_MS) * HOUR_MS - 3 * HOUR_MS;
const at = (ms: number) => new Date(HOUR + ms).toISOString();
const ERR = 'https://uri.etsi.org/ngsi-ld/errors/';
const LD = 'application/ld+json';

for (const d of dialects) {
  describe(`NGSI-LD on ${d.name}`, { skip: d.skip }, () => {
    let db: TestDatabase;
    let p: Platform;
    let app: FastifyInstance;
    const cookies: Record<string, string> = {};
    let ash: string;
    let belt: string;

    const get = (url: string, who: string | null, headers: Record<string, string> = {}) =>
      app.inject({
        method: 'GET',
        url,
        headers: { ...(who ? { cookie: cookies[who] } : {}), 'accept-language': 'en', ...headers },
      });

    before(async () => {
      db = await d.make();
      p = await db.open();
      for (const id of [OWNER, GRANTEE, THIRD]) {
        await p.registry.createOrganisation(systemActor, { ...organisationInput(), id });
        await p.registry.addMembership(systemActor, id, { role: 'core', joinedOn: '2021-01-01' });
      }
      await p.registry.addSite(systemActor, OWNER, { ...siteKemerovo, id: 'ld-site' });
      app = await buildServer(p, { checkResponses: true });
      for (const [name, org] of [
        ['owner', OWNER],
        ['grantee', GRANTEE],
        ['third', THIRD],
      ] as const)
        cookies[name] = (
          await signedIn(p, org, { email: `${name}@${org}.example`, name, role: 'org_admin' })
        ).cookie;
      const make = (profileId: string) =>
        p.machines.createDevice(systemActor, {
          organisationId: OWNER,
          siteId: 'ld-site',
          profileId,
        });
      ash = (await make('ash-analyser')).id;
      belt = (await make('belt-scale')).id;
      await p.machines.ingest((await p.machines.findDevice(ash))!, {
        points: [0, 1, 2, 3].map((i) => ({
          id: `a-${i}`,
          ts: at(i * 60_000),
          values: { ash_pct: 10 + i, moisture_pct: 7 - i },
        })),
      });
      await p.machines.ingest((await p.machines.findDevice(belt))!, {
        id: 'b-0',
        ts: at(0),
        values: { throughput_tph: 812.5 },
      });
    });
    after(async () => {
      await app?.close();
      await p?.close();
      await db?.drop();
    });

    test('entities of the owner: Smart Data Models names, @context in body or Link header', async () => {
      let r = await get('/ngsi-ld/v1/entities?type=Device', 'owner', { accept: LD });
      assert.equal(r.statusCode, 200, r.body);
      assert.match(String(r.headers['content-type']), /^application\/ld\+json/);
      const devices = r.json();
      assert.equal(devices.length, 2);
      const ctxUrl = devices[0]['@context'];
      assert.match(ctxUrl, /\/ngsi-ld\/v1\/jsonldContexts\/digicluster\.jsonld$/);
      const e = devices.find((x: { id: string }) => x.id === `urn:ngsi-ld:Device:${ash}`);
      assert.equal(e.type, 'Device');
      assert.deepEqual(e.controlledProperty, {
        type: 'Property',
        value: ['ash_pct', 'moisture_pct'],
      });
      assert.deepEqual(e.ash_pct, {
        type: 'Property',
        value: 13,
        observedAt: at(180_000),
        unitCode: 'P1',
      });
      assert.equal(e.dateLastValueReported.value['@value'], at(180_000));
      assert.deepEqual(e.owner.value, [`urn:ngsi-ld:Organization:${OWNER}`]);
      assert.equal(decodeURIComponent(e.value.value), 'ash_pct=13;moisture_pct=4');
      assert.deepEqual(e.location.value, {
        type: 'Point',
        coordinates: [siteKemerovo.lon, siteKemerovo.lat],
      });

      // plain JSON: the same entities without @context, the context in a Link header
      r = await get('/ngsi-ld/v1/entities?type=Device', 'owner', { accept: 'application/json' });
      assert.match(String(r.headers['content-type']), /^application\/json/);
      assert.ok(!('@context' in r.json()[0]));
      const link = String(r.headers.link);
      assert.match(link, /rel="http:\/\/www\.w3\.org\/ns\/json-ld#context"/);
      const url = /<([^>]+)>/.exec(link)?.[1] ?? '';
      assert.equal(url, ctxUrl);

      // the context is served here, and names the types by their Smart Data Models IRIs
      r = await get(new URL(url).pathname, null);
      assert.equal(r.statusCode, 200);
      const ctx = r.json()['@context'];
      assert.equal(ctx.Device, 'https://smartdatamodels.org/dataModel.Device/Device');
      assert.equal(
        ctx.ProcessChemicalAnalysis,
        'https://smartdatamodels.org/dataModel.IndustrialProcess/ProcessChemicalAnalysis',
      );
      assert.equal(
        ctx.dateLastValueReported,
        'https://smartdatamodels.org/dataModel.Device/dateLastValueReported',
      );
      assert.ok(ctx.ash_pct);

      // a type by its full IRI; keyValues; attrs
      r = await get(
        `/ngsi-ld/v1/entities?type=${encodeURIComponent(ctx.Device)}&options=keyValues&attrs=ash_pct,throughput_tph`,
        'owner',
      );
      assert.deepEqual(
        r.json().map((x: Record<string, unknown>) => [x.id, x.ash_pct ?? x.throughput_tph]),
        [
          [`urn:ngsi-ld:Device:${ash}`, 13],
          [`urn:ngsi-ld:Device:${belt}`, 812.5],
        ].sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
      );

      // the ash analysis, and the site
      r = await get('/ngsi-ld/v1/entities?type=ProcessChemicalAnalysis', 'owner');
      assert.equal(r.json().length, 1);
      const pca = r.json()[0];
      assert.equal(pca.id, `urn:ngsi-ld:ProcessChemicalAnalysis:${ash}`);
      assert.deepEqual(pca.chemicalAnalysis.value.chemicalConcentration, [
        { substance: 'ash', percentage: 13, observedAt: at(180_000) },
      ]);
      assert.deepEqual(pca.refDevice, {
        type: 'Relationship',
        object: `urn:ngsi-ld:Device:${ash}`,
      });
      r = await get('/ngsi-ld/v1/entities?type=PointOfInterest&count=true', 'owner');
      assert.equal(r.headers['ngsild-results-count'], '1');
      assert.equal(r.json()[0].id, 'urn:ngsi-ld:PointOfInterest:ld-site');

      // one entity
      r = await get(`/ngsi-ld/v1/entities/urn:ngsi-ld:Device:${belt}`, 'owner', { accept: LD });
      assert.equal(r.statusCode, 200, r.body);
      assert.equal(r.json().throughput_tph.value, 812.5);
      assert.equal(r.json()['@context'], ctxUrl);
    });

    test('temporal: a key between two times, normalized and as temporalValues', async () => {
      const base = `/ngsi-ld/v1/temporal/entities/urn:ngsi-ld:Device:${ash}`;
      const range = `timerel=between&timeAt=${encodeURIComponent(at(60_000))}&endTimeAt=${encodeURIComponent(at(180_000))}`;
      let r = await get(`${base}?attrs=ash_pct&${range}`, 'owner');
      assert.equal(r.statusCode, 200, r.body);
      assert.deepEqual(r.json(), {
        id: `urn:ngsi-ld:Device:${ash}`,
        type: 'Device',
        ash_pct: [
          { type: 'Property', value: 11, observedAt: at(60_000), unitCode: 'P1' },
          { type: 'Property', value: 12, observedAt: at(120_000), unitCode: 'P1' },
        ],
      });
      r = await get(`${base}?attrs=moisture_pct&${range}&options=temporalValues`, 'owner');
      assert.deepEqual(r.json().moisture_pct, {
        type: 'Property',
        unitCode: 'P1',
        values: [
          [6, at(60_000)],
          [5, at(120_000)],
        ],
      });
      r = await get(
        `${base}?attrs=ash_pct&timerel=before&timeAt=${encodeURIComponent(at(60_000))}`,
        'owner',
      );
      assert.deepEqual(
        r.json().ash_pct.map((x: { value: number }) => x.value),
        [10],
      );
      r = await get(`${base}?attrs=ash_pct&${range}&lastN=1`, 'owner');
      assert.deepEqual(
        r.json().ash_pct.map((x: { value: number }) => x.value),
        [12],
      );
    });

    test('a grantee sees its keys only, each read logged; a third organisation nothing', async () => {
      let r = await app.inject({
        method: 'POST',
        url: `/api/v1/devices/${ash}/grants`,
        headers: { cookie: cookies.owner },
        payload: {
          organisationId: GRANTEE,
          keys: ['ash_pct'],
          from: at(0),
          to: at(HOUR_MS),
          purpose: 'NGSI-LD test',
        },
      });
      assert.equal(r.statusCode, 201, r.body);
      const grantId = r.json().id;
      r = await get(
        '/ngsi-ld/v1/entities?type=Device,ProcessChemicalAnalysis,PointOfInterest',
        'grantee',
      );
      assert.equal(r.statusCode, 200, r.body);
      const ids = r.json().map((x: { id: string }) => x.id);
      assert.deepEqual(ids, [
        `urn:ngsi-ld:Device:${ash}`,
        'urn:ngsi-ld:PointOfInterest:ld-site',
        `urn:ngsi-ld:ProcessChemicalAnalysis:${ash}`,
      ]);
      const dev = r.json()[0];
      assert.deepEqual(dev.controlledProperty.value, ['ash_pct']);
      assert.equal(dev.ash_pct.value, 13);
      assert.ok(!('moisture_pct' in dev));
      const base = `/ngsi-ld/v1/temporal/entities/urn:ngsi-ld:Device:${ash}`;
      const range = `timerel=between&timeAt=${encodeURIComponent(at(0))}&endTimeAt=${encodeURIComponent(at(600_000))}`;
      r = await get(`${base}?attrs=ash_pct&${range}`, 'grantee');
      assert.equal(r.statusCode, 200, r.body);
      assert.equal(r.json().ash_pct.length, 4);
      r = await get(`${base}?attrs=moisture_pct&${range}`, 'grantee');
      assert.equal(r.statusCode, 403, r.body);
      // without attrs: the granted keys only
      r = await get(`${base}?${range}`, 'grantee');
      assert.deepEqual(Object.keys(r.json()).sort(), ['ash_pct', 'id', 'type']);
      const usage = await p.machines.grants.usage(
        { kind: 'user', id: 'x', organisationId: OWNER, role: 'member' },
        grantId,
      );
      // the entity list's latest read (1 key, twice: Device and ProcessChemicalAnalysis share
      // one read) and two temporal reads
      assert.deepEqual(usage.map((u) => u.read).sort(), ['latest', 'telemetry', 'telemetry']);
      for (const who of ['third', null]) {
        r = await get(`/ngsi-ld/v1/entities/urn:ngsi-ld:Device:${ash}`, who);
        assert.equal(r.statusCode, who ? 404 : 401, r.body);
        if (who) assert.equal(r.json().type, `${ERR}ResourceNotFound`);
        r = await get(`${base}?attrs=ash_pct&${range}`, who);
        assert.equal(r.statusCode, who ? 404 : 401);
      }
      r = await get('/ngsi-ld/v1/entities?type=Device', 'third');
      assert.deepEqual(r.json(), []);
    });

    test('errors in NGSI-LD shape; remote contexts never fetched', async () => {
      const cases: Array<[string, Record<string, string>, number, string]> = [
        ['/ngsi-ld/v1/entities', {}, 400, 'BadRequestData'],
        ['/ngsi-ld/v1/entities/not-a-uri', {}, 400, 'BadRequestData'],
        ['/ngsi-ld/v1/entities/urn:ngsi-ld:Device:d-none', {}, 404, 'ResourceNotFound'],
        ['/ngsi-ld/v1/entities?type=Device&q=ash_pct>10', {}, 422, 'OperationNotSupported'],
        ['/ngsi-ld/v1/entities?type=Device&limit=5000', {}, 403, 'TooManyResults'],
        [
          `/ngsi-ld/v1/temporal/entities/urn:ngsi-ld:Device:${ash}?attrs=ash_pct`,
          {},
          400,
          'BadRequestData',
        ],
        [
          '/ngsi-ld/v1/entities?type=Device',
          {
            link: '<https://example.org/some-context.jsonld>; rel="http://www.w3.org/ns/json-ld#context"; type="application/ld+json"',
          },
          503,
          'LdContextNotAvailable',
        ],
        ['/ngsi-ld/v1/entities?type=Device', { accept: 'text/html' }, 406, 'InvalidRequest'],
        ['/ngsi-ld/v1/nothing-here', {}, 404, 'ResourceNotFound'],
      ];
      for (const [url, headers, status, type] of cases) {
        const r = await get(url, 'owner', headers);
        assert.equal(r.statusCode, status, `${url}: ${r.body}`);
        assert.match(String(r.headers['content-type']), /^application\/json/);
        assert.equal(r.json().type, `${ERR}${type}`, url);
        assert.equal(r.json().status, status);
        assert.ok(r.json().detail, url);
      }
      // a context the platform holds (its own, the core one) is taken without fetching
      for (const ctx of [
        'http://localhost/ngsi-ld/v1/jsonldContexts/digicluster.jsonld',
        'https://uri.etsi.org/ngsi-ld/v1/ngsi-ld-core-context.jsonld',
      ]) {
        const r = await get('/ngsi-ld/v1/entities?type=Device', 'owner', {
          link: `<${ctx}>; rel="http://www.w3.org/ns/json-ld#context"; type="application/ld+json"`,
        });
        assert.equal(r.statusCode, 200, r.body);
      }
      // Russian detail when asked
      const r = await get('/ngsi-ld/v1/entities', 'owner', { 'accept-language': 'ru' });
      assert.match(r.json().detail, /[а-я]/);
    });
  });
}

// Checks the example data set (data/kuzbass, data/taxonomy) against the model's schemas
// and against itself: ids, references, FKKO codes, memberships, demo logins.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { isValidInn, isValidOgrn, UserRole } from '../../src/model/index.ts';
import {
  MembershipInput,
  OrganisationFields,
  OrganisationInput,
  OrganisationKind,
  SiteInput,
  Taxonomy,
} from '../../src/registry/index.ts';

const read = (path: string) => readFileSync(new URL(`../../data/${path}`, import.meta.url), 'utf8');
const readJson = (path: string) => JSON.parse(read(path));

interface ExampleMembership {
  role: string;
  joinedOn: string;
  leftOn?: string;
  note?: string;
}
interface ExampleUser {
  email: string;
  name: string;
  role: string;
  password: string;
}
interface ExampleSite {
  id: string;
  lat: number;
  lon: number;
  [field: string]: unknown;
}
interface ExampleOrganisation {
  id: string;
  kind: string;
  region: string;
  provenance?: Record<string, unknown>;
  sites: ExampleSite[];
  memberships: ExampleMembership[];
  users?: ExampleUser[];
  [field: string]: unknown;
}
type Limit = { min?: number; max?: number };
interface Listing {
  id: string;
  organisationId: string;
  siteId: string;
  side: 'offer' | 'request';
  materialId?: string;
  useId?: string;
  quantityPerYear: number;
  unit: string;
  availableFrom: string;
  availableTo: string;
  quality: Record<string, number | Limit>;
  legalStatus?: string;
  fkko?: string;
  transportModes: string[];
  maxDistanceKm?: number;
  visibility: string;
  provenance?: Record<string, unknown>;
  [field: string]: unknown;
}

const orgs: ExampleOrganisation[] = readJson('kuzbass/organisations.json');
const taxonomy = Taxonomy.parse(readJson('taxonomy/materials.json'));
const listings: Listing[] = readJson('kuzbass/listings.json');
const KUZBASS = 'Кемеровская область — Кузбасс';

const fkkoCodes = new Set(
  read('reference/fkko-2026-03-25.tsv')
    .split(/\r?\n/)
    .slice(1)
    .map((line) => line.split('\t')[0]),
);

/** Ray casting over the outer ring, minus holes, of the region's outline. */
function inKemerovoOblast(lon: number, lat: number): boolean {
  const outline = readJson('reference/kemerovo-oblast.geojson');
  const rings: number[][][] = outline.features[0].geometry.coordinates;
  const inRing = (ring: number[][]) => {
    let inside = false;
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i];
      const [xj, yj] = ring[j];
      if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi)
        inside = !inside;
    }
    return inside;
  };
  return inRing(rings[0]) && !rings.slice(1).some(inRing);
}

const duplicates = (xs: string[]) => xs.filter((x, i) => xs.indexOf(x) !== i);

describe('example organisations', () => {
  test('each parses with OrganisationInput, its sites with SiteInput, memberships with MembershipInput', () => {
    for (const o of orgs) {
      const { sites, memberships, users, ...fields } = o;
      const r = OrganisationInput.safeParse(fields);
      assert.ok(r.success, `${o.id}: ${r.error?.message}`);
      assert.equal(fields.identifiersGenerated, true, `${o.id}: identifiers are generated`);
      assert.ok(sites.length > 0, `${o.id} has a site`);
      for (const s of sites) {
        const rs = SiteInput.safeParse(s);
        assert.ok(rs.success, `${o.id}/${s.id}: ${rs.error?.message}`);
      }
      assert.ok(memberships.length > 0, `${o.id} has a membership`);
      for (const m of memberships) {
        const rm = MembershipInput.safeParse(m);
        assert.ok(rm.success, `${o.id}: ${rm.error?.message}`);
      }
      assert.equal(users === undefined || Array.isArray(users), true);
    }
  });

  test('OGRN: sign 1, a registration year from 2002 up to the first membership, the INN office, unique', () => {
    // the review found «Шахта Кондомская» with year "01", which the checksum alone let pass
    for (const o of orgs) {
      const inn = o.inn as string;
      const ogrn = o.ogrn as string;
      assert.ok(isValidInn(inn), `${o.id}: INN ${inn}`);
      assert.ok(isValidOgrn(ogrn), `${o.id}: OGRN ${ogrn}`);
      assert.equal(ogrn[0], '1', `${o.id}: a legal entity's primary OGRN`);
      const year = 2000 + Number(ogrn.slice(1, 3));
      const firstJoined = Math.min(...o.memberships.map((m) => Number(m.joinedOn.slice(0, 4))));
      assert.ok(
        year >= 2002 && year <= firstJoined,
        `${o.id}: registered ${year}, joined ${firstJoined}`,
      );
      // the example's own rule: 1 · year · the INN's tax office (4 digits) · the INN's serial
      assert.equal(ogrn.slice(3, 7), inn.slice(0, 4), `${o.id}: OGRN office = INN office`);
      assert.ok(ogrn.slice(0, 12).endsWith(inn.slice(4, 9)), `${o.id}: OGRN serial = INN serial`);
      assert.equal(o.kpp, `${inn.slice(0, 4)}01001`, `${o.id}: KPP at the place of registration`);
    }
    assert.deepEqual(duplicates(orgs.map((o) => o.ogrn as string)), []);
    assert.deepEqual(duplicates(orgs.map((o) => o.inn as string)), []);
  });

  test('no invented name is that of a real enterprise nearby (domain review §0.7)', () => {
    // real names an invented one came too close to: a SUEK mine at Polysayevo
    const real = [/Полысаевск/i, /Polysaevsk/i];
    const names = orgs
      .filter((o) => o.modelledOn !== undefined)
      .flatMap((o) => [
        o.name as string,
        o.nameEn as string,
        ...o.sites.flatMap((s) => [s.name as string, s.nameEn as string]),
      ]);
    assert.deepEqual(
      names.filter((n) => real.some((r) => r.test(n ?? ''))),
      [],
    );
  });

  test('25-35 organisations with unique ids, and unique site ids', () => {
    assert.ok(orgs.length >= 25 && orgs.length <= 35, `${orgs.length} organisations`);
    assert.deepEqual(duplicates(orgs.map((o) => o.id)), []);
    assert.deepEqual(duplicates(orgs.flatMap((o) => o.sites.map((s) => s.id))), []);
  });

  test('every kind but "other" is present', () => {
    const kinds = new Set(orgs.map((o) => o.kind));
    for (const kind of OrganisationKind.options.filter((k) => k !== 'other')) {
      assert.ok(kinds.has(kind), `no organisation of kind ${kind}`);
    }
  });

  test('at least three members from other regions, with sites outside the oblast', () => {
    const others = orgs.filter((o) => o.region !== KUZBASS);
    assert.ok(others.length >= 3, `${others.length} from other regions`);
  });

  test('a site lies inside the Kemerovo Oblast outline exactly when its organisation is from Kuzbass', () => {
    for (const o of orgs) {
      for (const s of o.sites) {
        assert.equal(inKemerovoOblast(s.lon, s.lat), o.region === KUZBASS, `${o.id}/${s.id}`);
      }
    }
  });

  test('exactly one active keystone membership', () => {
    const active = orgs.flatMap((o) =>
      o.memberships.filter((m) => m.role === 'keystone' && !m.leftOn).map(() => o.id),
    );
    assert.deepEqual(active, ['kuzbass-technopark']);
  });

  test('memberships: dates within 2012-2025, leftOn after joinedOn, no overlaps, history present', () => {
    let ended = 0;
    let rejoined = 0;
    for (const o of orgs) {
      const ms = [...o.memberships].sort((a, b) => a.joinedOn.localeCompare(b.joinedOn));
      for (const [i, m] of ms.entries()) {
        assert.ok(
          m.joinedOn >= '2012-01-01' && m.joinedOn <= '2025-12-31',
          `${o.id} joined ${m.joinedOn}`,
        );
        if (m.leftOn !== undefined) {
          assert.ok(!Number.isNaN(Date.parse(m.leftOn)), `${o.id}: leftOn ${m.leftOn}`);
          assert.ok(
            m.leftOn > m.joinedOn,
            `${o.id}: left ${m.leftOn} before joining ${m.joinedOn}`,
          );
          ended++;
        } else {
          assert.equal(i, ms.length - 1, `${o.id}: only the last membership may be open`);
        }
        if (i > 0) {
          assert.ok(
            ms[i - 1].leftOn && ms[i - 1].leftOn! < m.joinedOn,
            `${o.id}: overlapping memberships`,
          );
          rejoined++;
        }
      }
    }
    assert.ok(ended >= 2, `${ended} ended memberships`);
    assert.ok(rejoined >= 1, 'an organisation left and re-joined');
  });

  test('every provenance key names a field of the organisation', () => {
    const fields = new Set(Object.keys(OrganisationFields.shape));
    for (const o of orgs) {
      for (const key of Object.keys(o.provenance ?? {})) {
        assert.ok(fields.has(key), `${o.id}: provenance of unknown field ${key}`);
      }
      assert.ok(o.provenance?.employees, `${o.id}: employees without provenance`);
    }
  });

  test('demo users: unique emails, passwords of 10+ characters, one operator_admin', () => {
    const users = orgs.flatMap((o) => (o.users ?? []).map((u) => ({ ...u, org: o.id })));
    assert.ok(users.length >= 5, `${users.length} demo users`);
    assert.deepEqual(duplicates(users.map((u) => u.email.toLowerCase())), []);
    for (const u of users) {
      assert.ok(UserRole.safeParse(u.role).success, `${u.email}: role ${u.role}`);
      assert.ok(u.password.length >= 10, `${u.email}: password too short`);
      assert.match(u.email, /^[^@\s]+@[^@\s]+\.[a-z]+$/);
    }
    const operators = users.filter((u) => u.role === 'operator_admin');
    assert.deepEqual(
      operators.map((u) => [u.email, u.org]),
      [['operator@digicluster.example', 'kuzbass-technopark']],
    );
  });
});

describe('material taxonomy', () => {
  const propertyIds = new Set(taxonomy.properties.map((p) => p.id));
  const useIds = new Set(taxonomy.uses.map((u) => u.id));

  test('ids are unique', () => {
    assert.deepEqual(duplicates(taxonomy.properties.map((p) => p.id)), []);
    assert.deepEqual(duplicates(taxonomy.uses.map((u) => u.id)), []);
    assert.deepEqual(duplicates(taxonomy.materials.map((m) => m.id)), []);
  });

  test("every material's properties and uses exist", () => {
    for (const m of taxonomy.materials) {
      for (const p of m.properties) assert.ok(propertyIds.has(p), `${m.id}: unknown property ${p}`);
      for (const u of m.uses) assert.ok(useIds.has(u), `${m.id}: unknown use ${u}`);
    }
  });

  test('every waste carries FKKO codes found in the 2026-03-25 catalogue; non-wastes carry none', () => {
    assert.ok(fkkoCodes.size > 9000, `${fkkoCodes.size} catalogue codes`);
    for (const m of taxonomy.materials) {
      if (m.waste) assert.ok(m.fkko.length > 0, `${m.id}: a waste without an FKKO code`);
      else assert.deepEqual(m.fkko, [], `${m.id}: FKKO codes on a non-waste`);
      for (const code of m.fkko)
        assert.ok(fkkoCodes.has(code), `${m.id}: ${code} not in the catalogue`);
    }
  });
});

describe('example listings', () => {
  const orgById = new Map(orgs.map((o) => [o.id, o]));
  const materialById = new Map(taxonomy.materials.map((m) => [m.id, m]));
  const propertyIds = new Set(taxonomy.properties.map((p) => p.id));
  const useIds = new Set(taxonomy.uses.map((u) => u.id));
  const isLimit = (v: unknown): v is Limit =>
    typeof v === 'object' &&
    v !== null &&
    Object.keys(v).length > 0 &&
    Object.entries(v).every(([k, x]) => (k === 'min' || k === 'max') && typeof x === 'number');

  test('20-35 listings with unique ids, both sides, three or more anonymous', () => {
    assert.ok(listings.length >= 20 && listings.length <= 35, `${listings.length} listings`);
    assert.deepEqual(duplicates(listings.map((l) => l.id)), []);
    assert.ok(listings.some((l) => l.side === 'offer'));
    assert.ok(listings.some((l) => l.side === 'request'));
    assert.ok(listings.filter((l) => l.visibility === 'anonymous').length >= 3);
    for (const l of listings)
      assert.ok(['public', 'members', 'anonymous'].includes(l.visibility), l.id);
  });

  test('listings refer to existing organisations, their own sites, materials, uses and properties', () => {
    for (const l of listings) {
      const org = orgById.get(l.organisationId);
      assert.ok(org, `${l.id}: unknown organisation ${l.organisationId}`);
      assert.ok(
        org.sites.some((s) => s.id === l.siteId),
        `${l.id}: site ${l.siteId} not of ${l.organisationId}`,
      );
      assert.ok(
        org.memberships.some((m) => !m.leftOn),
        `${l.id}: ${l.organisationId} is not a member now`,
      );
      if (l.side === 'offer') assert.ok(l.materialId, `${l.id}: an offer names its material`);
      else assert.ok(l.materialId || l.useId, `${l.id}: a request names a material or a use`);
      const material = l.materialId ? materialById.get(l.materialId) : undefined;
      if (l.materialId) {
        assert.ok(material, `${l.id}: unknown material ${l.materialId}`);
        assert.equal(l.unit, material.unit, `${l.id}: unit`);
      }
      if (l.useId) {
        assert.ok(useIds.has(l.useId), `${l.id}: unknown use ${l.useId}`);
        if (material)
          assert.ok(
            material.uses.includes(l.useId),
            `${l.id}: ${material.id} cannot serve ${l.useId}`,
          );
      }
      for (const [key, value] of Object.entries(l.quality)) {
        assert.ok(propertyIds.has(key), `${l.id}: unknown property ${key}`);
        if (material)
          assert.ok(material.properties.includes(key), `${l.id}: ${material.id} has no ${key}`);
        if (l.side === 'offer')
          assert.equal(typeof value, 'number', `${l.id}: ${key} is a measured value`);
        else assert.ok(isLimit(value), `${l.id}: ${key} is a {min, max} limit`);
      }
      assert.ok(l.quantityPerYear > 0, `${l.id}: quantity`);
      assert.ok(l.availableFrom < l.availableTo, `${l.id}: availability`);
      assert.ok(l.transportModes.length > 0, `${l.id}: transport`);
      if (l.transportModes.includes('pipeline'))
        assert.ok(l.maxDistanceKm, `${l.id}: pipeline reach`);
    }
  });

  test("offers' legal status and FKKO codes agree with the material", () => {
    for (const l of listings.filter((x) => x.side === 'offer')) {
      const material = materialById.get(l.materialId!)!;
      assert.ok(
        ['waste', 'secondary_resource', 'secondary_raw_material', 'by_product'].includes(
          l.legalStatus ?? '',
        ),
        `${l.id}: legal status ${l.legalStatus}`,
      );
      if (l.legalStatus === 'waste') assert.ok(l.fkko, `${l.id}: a waste needs its FKKO code`);
      if (l.legalStatus === 'by_product') assert.ok(l.byProductOf, `${l.id}: by-product of what`);
      if (l.fkko) {
        assert.ok(fkkoCodes.has(l.fkko), `${l.id}: ${l.fkko} not in the catalogue`);
        assert.ok(
          material.fkko.includes(l.fkko),
          `${l.id}: ${l.fkko} is not a code of ${material.id}`,
        );
      }
    }
  });

  test('every provenance key names a field of the listing', () => {
    for (const l of listings) {
      for (const key of Object.keys(l.provenance ?? {})) {
        assert.ok(key in l, `${l.id}: provenance of unknown field ${key}`);
      }
    }
  });

  test('quality limits: most candidate pairs pass, some fail', () => {
    const offers = listings.filter((l) => l.side === 'offer');
    let pass = 0;
    let fail = 0;
    for (const r of listings.filter((l) => l.side === 'request')) {
      const candidates = offers.filter(
        (o) =>
          o.unit === r.unit &&
          (r.materialId
            ? o.materialId === r.materialId
            : r.useId !== undefined && materialById.get(o.materialId!)!.uses.includes(r.useId)),
      );
      for (const o of candidates) {
        const ok = Object.entries(r.quality).every(([key, limit]) => {
          const v = o.quality[key];
          if (typeof v !== 'number') return true; // not measured: the engine decides
          const { min, max } = limit as Limit;
          return (min === undefined || v >= min) && (max === undefined || v <= max);
        });
        if (ok) pass++;
        else fail++;
      }
    }
    assert.ok(pass > fail, `${pass} pass, ${fail} fail`);
    assert.ok(fail >= 3, `${fail} failing pairs`);
  });
});

// The example data speaks both languages (user walk M7, M8) and its anonymous listings do not
// give their holders away (security review F9).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { placeSite, regionOutline } from '../../src/registry/index.ts';

const readJson = (path: string) =>
  JSON.parse(readFileSync(new URL(`../../data/${path}`, import.meta.url), 'utf8'));

interface Note {
  kind: string;
  note?: string;
  noteEn?: string;
}
interface Org {
  id: string;
  kind: string;
  name: string;
  nameEn?: string;
  description?: string;
  descriptionEn?: string;
  modelledOn?: string;
  modelledOnEn?: string;
  provenance: Record<string, Note>;
  sites: Array<{
    id: string;
    name: string;
    nameEn?: string;
    address?: string;
    addressEn?: string;
    lat: number;
    lon: number;
  }>;
  memberships: Array<{ note?: string; noteEn?: string }>;
}
interface Listing {
  id: string;
  organisationId: string;
  siteId: string;
  visibility: string;
  provenance?: Record<string, Note>;
  [field: string]: unknown;
}

const orgs: Org[] = readJson('kuzbass/organisations.json');
const listings: Listing[] = readJson('kuzbass/listings.json');
const taxonomy: {
  materials: Array<{ id: string; name: { ru: string; en: string } }>;
  uses: Array<{ id: string; name: { ru: string; en: string } }>;
} = readJson('taxonomy/materials.json');

const cyrillic = /[А-Яа-яЁё]/;
const latinOnly = (s: string) => /[A-Za-z]/.test(s) && !cyrillic.test(s);

/** Every text of the example that exists in two languages: [where, Russian, English]. */
function pairs(): Array<[string, string | undefined, string | undefined]> {
  const out: Array<[string, string | undefined, string | undefined]> = [];
  const notes = (where: string, p: Record<string, Note> | undefined) => {
    for (const [field, n] of Object.entries(p ?? {}))
      if (n.note !== undefined || n.noteEn !== undefined)
        out.push([`${where} provenance.${field}`, n.note, n.noteEn]);
  };
  for (const o of orgs) {
    out.push([`${o.id} name`, o.name, o.nameEn]);
    if (o.description || o.descriptionEn)
      out.push([`${o.id} description`, o.description, o.descriptionEn]);
    if (o.modelledOn || o.modelledOnEn)
      out.push([`${o.id} modelledOn`, o.modelledOn, o.modelledOnEn]);
    notes(o.id, o.provenance);
    for (const s of o.sites) {
      out.push([`site ${s.id} name`, s.name, s.nameEn]);
      if (s.address || s.addressEn) out.push([`site ${s.id} address`, s.address, s.addressEn]);
    }
    o.memberships.forEach((m, i) => {
      if (m.note || m.noteEn) out.push([`${o.id} membership ${i} note`, m.note, m.noteEn]);
    });
  }
  for (const l of listings) notes(l.id, l.provenance);
  return out;
}

describe('M7, M8: the example data in both languages', () => {
  test('every name, description, address and note has a Russian and an English form', () => {
    const missing = pairs()
      .filter(([, ru, en]) => !ru?.trim() || !en?.trim())
      .map(([where]) => where);
    assert.deepEqual(missing, []);
  });

  test('the Russian forms are Russian: they contain Cyrillic', () => {
    const notRussian = pairs()
      .filter(([, ru]) => ru !== undefined && !cyrillic.test(ru))
      .map(([where, ru]) => `${where}: ${ru}`);
    assert.deepEqual(notRussian, []);
  });

  test('the English forms are English: no Cyrillic beyond a legal reference', () => {
    // «676-р» is the number of a government order and stays as written.
    const notEnglish = pairs()
      .filter(([, , en]) => en !== undefined && cyrillic.test(en.replace('676-р', '')))
      .map(([where, , en]) => `${where}: ${en}`);
    assert.deepEqual(notEnglish, []);
  });

  test('no provenance note is Latin-only in its Russian form (the M8 leak)', () => {
    const leaks = pairs()
      .filter(([where, ru]) => where.includes('provenance') && ru !== undefined && latinOnly(ru))
      .map(([where]) => where);
    assert.equal(leaks.length, 0, leaks.join(', '));
  });
});

/** Russian names of the towns `placeSite` names, to look for them in Russian text too. */
const townsRu: Record<string, string> = {
  Kemerovo: 'Кемеров',
  Berezovsky: 'Берёзовск',
  Topki: 'Топк',
  Novokuznetsk: 'Новокузнецк',
  Prokopyevsk: 'Прокопьевск',
  Kiselyovsk: 'Киселёвск',
  Osinniki: 'Осинник',
  Kaltan: 'Калтан',
  Myski: 'Мыск',
  Mezhdurechensk: 'Междуреченск',
  'Leninsk-Kuznetsky': 'Ленинск',
  Polysayevo: 'Полысаев',
  Belovo: 'Белов',
  'Anzhero-Sudzhensk': 'Анжеро',
  Yurga: 'Юрг',
};

/** Every string anywhere in a value, with its path. */
function strings(value: unknown, path: string, out: Array<[string, string]> = []) {
  if (typeof value === 'string') out.push([path, value]);
  else if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) strings(v, `${path}[${i}]`, out);
  } else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) strings(v, path ? `${path}.${k}` : k, out);
  return out;
}

describe('F9: anonymous listings do not name their holders', () => {
  const anonymous = listings.filter((l) => l.visibility === 'anonymous');
  const outline = regionOutline();

  test('the example has anonymous listings to check', () => {
    assert.ok(anonymous.length >= 5, `${anonymous.length} anonymous listings`);
  });

  for (const l of anonymous) {
    test(`${l.id}: no free text names the holder, its sites or its towns`, () => {
      const org = orgs.find((o) => o.id === l.organisationId);
      assert.ok(org, `holder ${l.organisationId}`);
      const quotedCore = org.name.match(/«(.+)»/)?.[1];
      const enCore = org.nameEn?.replace(/\s*\(.*\)$/, '').replace(/\s+(LLC|JSC|PJSC)$/, '');
      const towns = org.sites.flatMap((s) => {
        const city = placeSite(s, outline).nearestCity;
        return city ? [city, townsRu[city] ?? city] : [];
      });
      const addressTowns = org.sites.flatMap((s) =>
        [s.address, s.addressEn].flatMap((a) =>
          a ? [a.replace(/^г\.\s*/, '').split(',')[0]] : [],
        ),
      );
      const giveaways = [
        org.id,
        org.name,
        quotedCore,
        org.nameEn,
        enCore,
        ...org.sites.flatMap((s) => [s.id, s.name, s.nameEn]),
        ...towns,
        ...addressTowns,
      ].filter((g): g is string => !!g && g.length >= 3);
      // Structural fields carry ids by design; what is checked is the text a visitor reads.
      const { id: _id, organisationId: _o, siteId: _s, ...published } = l;
      const found = strings(published, '').flatMap(([path, text]) =>
        giveaways
          .filter((g) => text.toLowerCase().includes(g.toLowerCase()))
          .map((g) => `${path} mentions "${g}": ${text}`),
      );
      assert.deepEqual(found, []);
    });

    test(`${l.id}: no free text repeats a figure of the holder's public description`, () => {
      // The leak F9 found: "~9 Mt coal" beside a description saying "около 9 млн т в год".
      const org = orgs.find((o) => o.id === l.organisationId);
      const description = `${org?.description ?? ''} ${org?.descriptionEn ?? ''}`;
      const ranges = description.match(/\d+(?:[.,]\d+)?-\d+(?:[.,]\d+)?/g) ?? [];
      const tonnages = [...description.matchAll(/(\d+(?:[.,]\d+)?)\s*(?:млн т|Mt)/g)].flatMap(
        ([, n]) => [`${n} Mt`, `${n} млн т`],
      );
      const { id: _id, organisationId: _o, siteId: _s, ...published } = l;
      const found = strings(published, '').flatMap(([path, text]) =>
        [...ranges, ...tonnages]
          .filter((f) => text.includes(f))
          .map((f) => `${path} repeats "${f}": ${text}`),
      );
      assert.deepEqual(found, []);
    });
  }

  /** Word stems (first 6 letters of words of 5 or more) of a text, in either language. */
  const stems = (text: string) =>
    new Set((text.toLowerCase().match(/[a-zа-яё]{5,}/g) ?? []).map((w) => w.slice(0, 6)));
  /** What a visitor reads of an organisation itself: description, model, sites, membership notes. */
  const ownText = (o: Org) =>
    stems(
      [
        o.description,
        o.descriptionEn,
        o.modelledOn,
        o.modelledOnEn,
        ...o.sites.flatMap((s) => [s.name, s.nameEn, s.address, s.addressEn]),
        ...o.memberships.flatMap((m) => [m.note, m.noteEn]),
      ].join(' '),
    );
  // Words the holder's own text may share with its anonymous listing because the listing's
  // published data say the same already (its quality passport shows thermal coal: volatile
  // matter 38 %, 4 700 kcal/kg).
  const impliedByData: Record<string, string[]> = {
    'l-anon-slimes-1': ['энерге', 'therma'],
  };

  for (const l of anonymous) {
    test(`${l.id}: the holder's own text does not point at the listing`, () => {
      // The other direction of F9: «Разрез Степной» "came back for the overburden exchange and
      // reclamation projects" beside an anonymous overburden offer and reclamation request; «Разрез
      // Южный» described its haul-truck fleet beside anonymous haul-truck tyres. A word the
      // holder's own text shares with the listing's free text or its material and use, and no
      // other organisation of its kind uses, points at the holder.
      const org = orgs.find((o) => o.id === l.organisationId)!;
      const material = taxonomy.materials.find((m) => m.id === l.materialId);
      const use = taxonomy.uses.find((u) => u.id === l.useId);
      const free = [
        ...Object.values(l.provenance ?? {}).flatMap((n) => [n.note, n.noteEn]),
        ...(['note', 'noteEn', 'standard', 'byProductOf'] as const).map((k) => l[k] as string),
        material?.name.ru,
        material?.name.en,
        use?.name.ru,
        use?.name.en,
      ].filter((t): t is string => typeof t === 'string');
      const peers = orgs.filter((o) => o.kind === org.kind && o.id !== org.id).map(ownText);
      assert.ok(peers.length >= 1, `${org.id} has peers of its kind`);
      const holder = ownText(org);
      const pointers = [...stems(free.join(' '))].filter(
        (w) => holder.has(w) && !peers.some((p) => p.has(w)) && !impliedByData[l.id]?.includes(w),
      );
      assert.deepEqual(pointers, [], `${org.id}'s own text shares these words with ${l.id}`);
    });
  }

  test('no other public text names an anonymous listing or calls a holder anonymous', () => {
    const ids = anonymous.map((l) => l.id);
    const texts: Array<[string, string]> = [
      ...orgs.flatMap((o) => {
        const { users: _u, ...published } = o as Org & { users?: unknown };
        return strings(published, o.id);
      }),
      ...listings.filter((l) => l.visibility !== 'anonymous').flatMap((l) => strings(l, l.id)),
      [
        'data/kuzbass/README.md',
        readFileSync(new URL('../../data/kuzbass/README.md', import.meta.url), 'utf8'),
      ],
      ['README.md', readFileSync(new URL('../../README.md', import.meta.url), 'utf8')],
    ];
    const found = texts.flatMap(([where, text]) => [
      ...ids.filter((id) => text.includes(id)).map((id) => `${where} names ${id}`),
      ...(where.endsWith('.md') || !/аноним|anonym/i.test(text)
        ? []
        : [`${where} speaks of anonymity: ${text}`]),
    ]);
    assert.deepEqual(found, []);
  });
});

describe('the example knowledge speaks both languages', () => {
  const k = readJson('kuzbass/knowledge.json') as {
    assets: Array<Record<string, unknown> & { authors: string[]; authorsEn?: string[] }>;
    profiles: Array<Record<string, unknown>>;
    openings: Array<Record<string, unknown>>;
  };
  const latin = /^[\x20-\x7e«»–—’%]+$/;
  const cyrillic = /[а-яё]/i;

  test('assets: title, text, authors and licence terms in Russian and English', () => {
    for (const a of k.assets) {
      assert.match(String(a.titleRu), cyrillic, `${a.id}`);
      assert.match(String(a.titleEn), latin, `${a.id}`);
      if (a.textRu) assert.match(String(a.textEn), latin, `${a.id} textEn`);
      assert.equal(a.authorsEn?.length, a.authors.length, `${a.id} authorsEn`);
      for (const name of a.authorsEn ?? []) assert.match(name, latin, `${a.id}: ${name}`);
      if (a.licenceTerms) {
        assert.match(String(a.licenceTerms), cyrillic, `${a.id}`);
        assert.match(String(a.licenceTermsEn), latin, `${a.id} licenceTermsEn`);
      }
    }
  });

  test('profiles and openings: names, titles and texts in both languages', () => {
    for (const p of k.profiles) assert.match(String(p.personNameEn), latin, `${p.id}`);
    assert.ok(k.openings.length >= 10);
    for (const o of k.openings) {
      assert.match(String(o.titleRu), cyrillic, `${o.id}`);
      assert.match(String(o.titleEn), latin, `${o.id}`);
      assert.match(String(o.textRu), cyrillic, `${o.id}`);
      assert.match(String(o.textEn), latin, `${o.id}`);
    }
  });
});

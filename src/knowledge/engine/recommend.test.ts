import assert from 'node:assert/strict';
import { test } from 'node:test';
import { competence, competencesForMaterial } from './competences.ts';
import { whoCanHelp } from './recommend.ts';

const profiles = [
  {
    id: 'p-ash',
    organisationId: 'uni',
    personName: 'A',
    competences: [{ competence: 'ash-utilisation', level: 5 }],
  },
  {
    id: 'p-ash2',
    organisationId: 'firm',
    personName: 'B',
    competences: [{ competence: 'ash-utilisation', level: 2 }],
  },
  {
    id: 'p-iot',
    organisationId: 'it',
    personName: 'C',
    competences: [{ competence: 'iot', level: 5 }],
  },
  {
    id: 'p-own',
    organisationId: 'plant',
    personName: 'D',
    competences: [{ competence: 'construction-materials', level: 3 }],
  },
];

test('ranked by competence match; the asking side and people without a needed competence left out', () => {
  const need = {
    competences: ['ash-utilisation', 'construction-materials'],
    organisationIds: ['plant'],
  };
  const out = whoCanHelp(need, profiles, [], []);
  const ids = out.map((h) => `${h.kind}:${h.id}`);
  assert.equal(ids[0].endsWith('uni'), true);
  assert.ok(!ids.some((i) => i.includes('p-own') || i.includes('plant')));
  assert.ok(!ids.some((i) => i.includes('p-iot') || i.endsWith(':it')));
  assert.ok(out.every((h, k) => k === 0 || out[k - 1].score >= h.score));
});

test('every reason names a needed competence the helper holds, a shared project or a shared deal', () => {
  const need = { competences: ['ash-utilisation'], organisationIds: ['plant'] };
  const projects = [
    { id: 'proj-1', organisationIds: ['plant', 'firm'] },
    { id: 'proj-2', organisationIds: ['it', 'uni'] },
  ];
  const deals = [{ id: 'deal-1', organisationIds: ['firm', 'plant'] }];
  const out = whoCanHelp(need, profiles, projects, deals);
  const firm = out.find((h) => h.id === 'p-ash2');
  assert.ok(firm);
  assert.deepEqual(
    firm.reasons.map((r) => r.kind),
    ['competence', 'complements', 'project', 'deal'],
  );
  for (const h of out)
    for (const r of h.reasons) {
      const held = profiles.filter((p) =>
        h.kind === 'person' ? p.id === h.id : p.organisationId === h.id,
      );
      if (r.kind === 'competence' || r.kind === 'complements') {
        assert.ok(need.competences.includes(r.competence));
        assert.ok(held.some((p) => p.competences.some((c) => c.competence === r.competence)));
      } else {
        const list = r.kind === 'project' ? projects : deals;
        const id = r.kind === 'project' ? r.projectId : r.dealId;
        const shared = list.find((x) => x.id === id);
        assert.ok(shared, id);
        assert.ok(shared.organisationIds.includes(h.organisationId));
        assert.ok(need.organisationIds.includes(r.withOrganisationId));
      }
    }
  // proj-2 involves no one of the asking side: it is nobody's reason
  assert.ok(
    !out.some((h) => h.reasons.some((r) => r.kind === 'project' && r.projectId === 'proj-2')),
  );
});

test('materials lead to the competences that work with them', () => {
  assert.ok(competencesForMaterial('fly-ash').includes('ash-utilisation'));
  assert.ok(competencesForMaterial('slimes').includes('flotation'));
  assert.equal(competence('iot')?.ru, 'Промышленный интернет вещей');
});

test('an unknown asking side (a hidden holder) earns nobody a "lacks it" reason', () => {
  const need = { competences: ['ash-utilisation', 'construction-materials'], organisationIds: [] };
  const out = whoCanHelp(need, profiles, [], []);
  assert.ok(out.length > 0);
  // the hidden holder itself ('plant') may be listed, on its competence alone
  assert.ok(out.some((h) => h.organisationId === 'plant'));
  for (const h of out)
    assert.ok(
      h.reasons.every((r) => r.kind === 'competence'),
      h.id,
    );
  // with the holder known, the same helpers complement it
  const known = whoCanHelp({ ...need, organisationIds: ['plant'] }, profiles, [], []);
  assert.ok(known.some((h) => h.reasons.some((r) => r.kind === 'complements')));
});

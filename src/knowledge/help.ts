// "Who can help" with a listing or a project: the competences it needs (its own, and those of
// its materials), the asking side (the listing's holder when shown, the project's participants),
// and the people and organisations the pure engine ranks, each reason worded with the name of
// the competence, project or deal it rests on.
import { agreedMatches, ExchangeService } from '../exchange/index.ts';
import { type Actor, isOperator, type Lang, notFound } from '../model/index.ts';
import { registryQueries as rq } from '../registry/index.ts';
import { canSee, viewerOf } from './access.ts';
import type { KnowledgeContext } from './context.ts';
import { competence, competencesForMaterial } from './engine/competences.ts';
import { type Collaboration, type Reason, whoCanHelp } from './engine/recommend.ts';
import { messages as m } from './messages.ts';
import { findAssets, findProfiles, findProject, findProjects } from './repository.ts';
import type { HelpAnswer } from './schema.ts';

export type HelpSubject = { listingId: string } | { projectId: string };

async function need(c: KnowledgeContext, actor: Actor, subject: HelpSubject) {
  if ('listingId' in subject) {
    const listing = await new ExchangeService(c.store, c.clock).getListing(
      actor,
      subject.listingId,
    );
    const materials = [listing.materialId].filter((x): x is string => !!x);
    return {
      competences: materials.flatMap(competencesForMaterial),
      organisationIds: listing.organisationId ? [listing.organisationId] : [],
      // an anonymous listing's holder stays unknown here too: ranking with it would reveal it
      askingSideHidden: !listing.organisationId,
    };
  }
  const p = await findProject(c.store, subject.projectId);
  if (!p || !canSee(p, viewerOf(actor))) throw notFound(m.projectNotFound());
  const assets = await findAssets(c.store, p.assetIds);
  const materials = [...p.materialIds, ...assets.flatMap((a) => a.materialIds)];
  return {
    competences: [...p.competences, ...materials.flatMap(competencesForMaterial)],
    organisationIds: p.participants.map((x) => x.organisationId),
    askingSideHidden: false,
  };
}

export async function helpWith(
  c: KnowledgeContext,
  actor: Actor,
  subject: HelpSubject,
  lang: Lang,
): Promise<HelpAnswer> {
  const n = await need(c, actor, subject);
  const competences = [...new Set(n.competences)];
  const viewer = viewerOf(actor);
  const [profiles, projects, organisations] = await Promise.all([
    findProfiles(c.store),
    findProjects(c.store),
    rq.findOrganisations(c.store),
  ]);
  const visibleProjects = projects.filter((p) => canSee(p, viewer));
  const collaborations: Collaboration[] = visibleProjects.map((p) => ({
    id: p.id,
    organisationIds: p.participants.map((x) => x.organisationId),
  }));
  // deals are named only to their parties (and the operator): a third party learns none
  const deals: Collaboration[] = (await agreedMatches(c.store))
    .filter(
      (d) =>
        isOperator(actor) ||
        (!!actor.organisationId &&
          (d.supply.organisationId === actor.organisationId ||
            d.demand.organisationId === actor.organisationId)),
    )
    .map((d) => ({
      id: d.id,
      organisationIds: [d.supply.organisationId, d.demand.organisationId],
    }));
  const helpers = whoCanHelp(
    { competences, organisationIds: n.organisationIds },
    profiles.filter((p) => canSee(p, viewer)),
    collaborations,
    deals,
  );
  const orgName = new Map(
    organisations.map((o) => [o.id, lang === 'en' ? (o.nameEn ?? o.name) : o.name]),
  );
  const profileName = new Map(
    profiles.map((p) => [p.id, lang === 'en' ? (p.personNameEn ?? p.personName) : p.personName]),
  );
  const projectTitle = new Map(
    visibleProjects.map((p) => [
      p.id,
      (lang === 'en' ? (p.titleEn ?? p.titleRu) : (p.titleRu ?? p.titleEn)) ?? p.id,
    ]),
  );
  const word = (r: Reason) => {
    switch (r.kind) {
      case 'competence': {
        const label = competence(r.competence)?.[lang] ?? r.competence;
        return m.reasonCompetence({ competence: label, level: r.level }).text(lang);
      }
      case 'complements': {
        const label = competence(r.competence)?.[lang] ?? r.competence;
        return m.reasonComplements({ competence: label }).text(lang);
      }
      case 'project':
        return m
          .reasonProject({
            organisation: orgName.get(r.withOrganisationId) ?? r.withOrganisationId,
            project: projectTitle.get(r.projectId) ?? r.projectId,
          })
          .text(lang);
      case 'deal':
        return m
          .reasonDeal({
            organisation: orgName.get(r.withOrganisationId) ?? r.withOrganisationId,
            deal: r.dealId,
          })
          .text(lang);
    }
  };
  return {
    competences,
    askingSideHidden: n.askingSideHidden,
    helpers: helpers.map((h) => ({
      kind: h.kind,
      id: h.id,
      name: (h.kind === 'person' ? profileName.get(h.id) : orgName.get(h.id)) ?? h.id,
      organisationId: h.organisationId,
      score: h.score,
      reasons: h.reasons.map((r) => ({ ...r, text: word(r) })),
    })),
  };
}

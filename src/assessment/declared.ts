// What organisations declare beside the platform (a year's purchases, ties made off it) and the
// Decree 779 check over the platform's data with them. Access checks, journal events and
// transactions; SQL in repository.ts; the reading of the Decree in decree779-from-platform.ts.
import { randomUUID } from 'node:crypto';
import { dealsQueries } from '../deals/index.ts';
import { inTransaction, recordEvent } from '../journal/index.ts';
import { clusterYear, latestDay } from '../model/days.ts';
import {
  type Actor,
  actorRef,
  conflict,
  forbidden,
  invalid,
  isOperator,
  notFound,
  parseInput,
  requireLogin,
  requireOrganisationRole,
  requireOwnOrOperator,
} from '../model/index.ts';
import { registryQueries } from '../registry/index.ts';
import type { Reader, Store } from '../store/index.ts';
import {
  type DeclaredOutput,
  type DeclaredTie,
  decree779FromPlatform,
  decree779Reading,
  decree779ReadingRu,
  type PlatformDeal,
  type PlatformDelivery,
  type PlatformMember,
} from './decree779-from-platform.ts';
import { declarationMessages as messages } from './decree779-messages.ts';
import { decree779Rules, parseSnapshot, type SnapshotInput } from './engine/index.ts';
import { messages as assessmentMessages } from './messages.ts';
import { platformSnapshot } from './platform-snapshot.ts';
import * as repo from './repository.ts';
import {
  type Declaration,
  DeclarationInput,
  type Decree779Report,
  type TieDeclaration,
} from './schema.ts';

type Tie = NonNullable<SnapshotInput['ties']>[number];

/** Declared off-platform ties in force, as the snapshot's ties (value in roubles, as deals'). */
export async function declaredTies(reader: Reader): Promise<Tie[]> {
  return (await repo.findDeclarations(reader))
    .filter((d): d is TieDeclaration => d.kind === 'tie' && d.partnerOrganisationId !== null)
    .map((d) => ({
      source: d.organisationId,
      target: d.partnerOrganisationId ?? '',
      layer: d.layer,
      ...(d.valueKopecks !== null ? { value: d.valueKopecks / 100 } : {}),
      onPlatform: false,
      at: d.on,
      event: 'declaration',
    }));
}

/**
 * The deals with their schedule and the moment they closed, and their deliveries (through the
 * deals module's queries): contracts in force and what was supplied under them.
 */
async function platformDeals(
  reader: Reader,
): Promise<{ deals: PlatformDeal[]; deliveries: PlatformDelivery[] }> {
  const all = await dealsQueries.findDeals(reader);
  const deals: PlatformDeal[] = [];
  for (const d of all) {
    let closedAt: string | null = null;
    if (d.state === 'completed' || d.state === 'terminated') {
      const closing = (await dealsQueries.findTransitions(reader, d.id)).findLast(
        (t) => t.to === d.state,
      );
      closedAt = closing?.at ?? d.updatedAt;
    }
    deals.push({
      id: d.id,
      state: d.state,
      providerId: d.providerId,
      consumerId: d.consumerId,
      priceKopecksPerUnit: d.priceKopecksPerUnit,
      agreedAt: d.agreedAt,
      schedule: d.schedule,
      closedAt,
    });
  }
  const deliveries = (await dealsQueries.findDeliveries(reader)).map((v) => ({
    dealId: v.dealId,
    deliveredOn: v.deliveredOn,
    amountKopecks: v.amountKopecks,
  }));
  return { deals, deliveries };
}

export class Decree779Service {
  constructor(
    private readonly store: Store,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /** An organisation's users (members and admins) and the operator declare for it. */
  async declare(actor: Actor, input: unknown): Promise<Declaration> {
    const body = parseInput(DeclarationInput, input);
    requireOrganisationRole(actor, body.organisationId, 'member');
    if (!(await registryQueries.findOrganisation(this.store, body.organisationId)))
      throw notFound(assessmentMessages.unknownOrganisation());
    if (
      body.kind === 'tie' &&
      body.partnerOrganisationId !== undefined &&
      !(await registryQueries.findOrganisation(this.store, body.partnerOrganisationId))
    )
      throw invalid(messages.invalidDeclaration(), [
        {
          field: 'partnerOrganisationId',
          message: messages.unknownPartner({ id: body.partnerOrganisationId }),
        },
      ]);
    const today = latestDay(this.clock());
    if (body.kind === 'tie' && body.on > today)
      throw invalid(messages.invalidDeclaration(), [
        { field: 'on', message: messages.onFuture({ today }) },
      ]);
    const now = this.clock().toISOString();
    const common = {
      organisationId: body.organisationId,
      note: body.note ?? null,
      declaredBy: actorRef(actor),
      declaredAt: now,
      withdrawnAt: null,
    };
    const declaration: Declaration =
      body.kind === 'purchases'
        ? {
            ...common,
            // one a year: declaring again replaces the figure
            id: `purchases-${body.year}-${body.organisationId}`,
            kind: 'purchases',
            year: body.year,
            purchasesKopecks: body.purchasesKopecks,
          }
        : body.kind === 'output'
          ? {
              ...common,
              // one a year, as purchases
              id: `output-${body.year}-${body.organisationId}`,
              kind: 'output',
              year: body.year,
              producedOutput: body.producedOutput,
              organisingProduction: !body.producedOutput && body.organisingProduction,
            }
          : {
              ...common,
              id: `tie-${randomUUID()}`,
              kind: 'tie',
              year: Number(body.on.slice(0, 4)),
              partnerOrganisationId: body.partnerOrganisationId ?? null,
              partnerName: body.partnerName ?? null,
              layer: body.layer,
              valueKopecks: body.valueKopecks ?? null,
              on: body.on,
            };
    return inTransaction(this.store, async (tx) => {
      await repo.saveDeclaration(tx, declaration);
      await recordEvent(
        tx,
        {
          actor: actorRef(actor),
          organisationId: declaration.organisationId,
          type: 'declaration.recorded',
          payload: declaration,
        },
        this.clock(),
      );
      return declaration;
    });
  }

  /** An organisation's declarations in force: its own users and the operator (all, for the operator, when none is named). */
  async declarations(
    actor: Actor,
    q: { organisationId?: string; year?: number },
  ): Promise<Declaration[]> {
    requireLogin(actor);
    const organisationId = q.organisationId ?? actor.organisationId ?? undefined;
    if (organisationId) requireOwnOrOperator(actor, organisationId);
    else if (!isOperator(actor)) throw forbidden(messages.ownDeclarationsOnly());
    return repo.findDeclarations(this.store, { organisationId, year: q.year });
  }

  /** Withdraws a declaration: it counts no more (kept, marked, as its events say). */
  async withdraw(actor: Actor, id: string): Promise<Declaration> {
    requireLogin(actor);
    return inTransaction(this.store, async (tx) => {
      const current = await repo.findDeclaration(tx, id);
      if (!current) throw notFound(messages.declarationNotFound());
      requireOrganisationRole(actor, current.organisationId, 'member');
      if (current.withdrawnAt) throw conflict(messages.withdrawn({ id }));
      const next: Declaration = { ...current, withdrawnAt: this.clock().toISOString() };
      await repo.saveDeclaration(tx, next);
      await recordEvent(
        tx,
        {
          actor: actorRef(actor),
          organisationId: next.organisationId,
          type: 'declaration.withdrawn',
          payload: next,
        },
        this.clock(),
      );
      return next;
    });
  }

  /**
   * The status check against Decree 779 for a calendar year, with its evidence per member. Every
   * signed-in user sees the checks and who holds a contract; another organisation's figures and
   * partners are the operator's (and that organisation's) to see.
   */
  async check(actor: Actor, q: { year?: number }): Promise<Decree779Report> {
    requireLogin(actor);
    // the year as the cluster counts it: from 17:00 UTC on 31 December it is the next one
    const thisYear = clusterYear(this.clock().getTime());
    const year = q.year ?? thisYear;
    const memberships = await registryQueries.findMemberships(this.store);
    // a past year's participants are those who were members in it (one admitted since is not,
    // one who has left since is); this year's, and a year ahead's, are the current members
    const past = year < thisYear;
    const [start, end] = [`${year}-01-01`, `${year}-12-31`];
    const inYear = new Set(
      memberships
        .filter((m) =>
          past ? m.joinedOn <= end && (m.leftOn === null || m.leftOn >= start) : m.leftOn === null,
        )
        .map((m) => m.organisationId),
    );
    const organisations = (await registryQueries.findOrganisations(this.store, {})).filter(
      (o) =>
        inYear.has(o.id) &&
        (past ? o.status === 'member' || o.status === 'former' : o.status === 'member'),
    );
    const sites = await registryQueries.findSites(this.store, {});
    const members: PlatformMember[] = organisations.map((o) => ({
      id: o.id,
      name: o.name,
      nameEn: o.nameEn ?? null,
      kind: o.kind,
      sites: sites
        .filter((s) => s.organisationId === o.id)
        .map((s) => ({
          id: s.id,
          monotown: s.monotown,
          specialTerritory: s.specialTerritory?.name ?? null,
          estimate: s.territoryProvenance?.kind === 'estimate',
          closed: s.closedOn !== null,
        })),
    }));
    const declared = await repo.findDeclarations(this.store, { year });
    const ties: DeclaredTie[] = declared.filter((d): d is TieDeclaration => d.kind === 'tie');
    const purchases = declared.flatMap((d) =>
      d.kind === 'purchases'
        ? [{ organisationId: d.organisationId, purchasesKopecks: d.purchasesKopecks }]
        : [],
    );
    const outputs: DeclaredOutput[] = declared.flatMap((d) =>
      d.kind === 'output'
        ? [
            {
              organisationId: d.organisationId,
              producedOutput: d.producedOutput,
              organisingProduction: d.organisingProduction,
            },
          ]
        : [],
    );
    const { deals, deliveries } = await platformDeals(this.store);
    const {
      result,
      members: evidence,
      inputs,
    } = decree779FromPlatform(
      { year, members, deals, deliveries, ties, purchases, outputs },
      decree779Rules,
    );

    // the place of transactions, measured: the snapshot's exchange ties of the year
    const snapshot = parseSnapshot(await platformSnapshot(this.store));
    const exchange = snapshot.ties.filter(
      (t) => t.layer === 'exchange' && t.at.slice(0, 4) === String(year),
    );
    const onPlatform = exchange.filter((t) => t.onPlatform).length;

    const sees = (id: string) => isOperator(actor) || actor.organisationId === id;
    return {
      year,
      rules: decree779Rules,
      compliant: result.compliant,
      checks: result.checks,
      reading: decree779Reading,
      readingRu: decree779ReadingRu,
      notCounted: inputs.notCounted,
      members: evidence.map((m) =>
        sees(m.id)
          ? { ...m, redacted: false }
          : {
              ...m,
              purchasesKopecks: null,
              producedOutput: null,
              organisingProduction: null,
              suppliedOnPlatformKopecks: 0,
              valueDeclaredKopecks: 0,
              declaredWithoutValue: 0,
              partners: [],
              redacted: true,
            },
      ),
      transactions: {
        exchangeTies: exchange.length,
        onPlatform,
        declaredOffPlatform: exchange.length - onPlatform,
        share: exchange.length ? Number((onPlatform / exchange.length).toFixed(4)) : null,
        formula:
          'exchange ties of the year made on the platform (agreed matches) ÷ all exchange ties of the year between organisations of the snapshot (with those declared as made off the platform)',
      },
    };
  }
}

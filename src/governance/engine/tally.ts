// The vote count: one pure function from ballots to a result, used by the service, the
// journal replay and the CLI `digicluster tally FILE --json`.
import { resolveDelegations } from './delegation.ts';
import {
  type Ballot,
  type ParsedTallyInput,
  type Position,
  type Round,
  type TallyInput,
  TallyInputError,
  type TallyResult,
  tallyInputSchema,
} from './input.ts';
import { instantRunoff } from './irv.ts';

/** Validates the engine format (defaults applied); throws TallyInputError naming the field. */
export function parseTallyInput(raw: unknown): ParsedTallyInput {
  const parsed = tallyInputSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue.path.join('.') || '(input)';
    throw new TallyInputError(`${path}: ${issue.message}`, path);
  }
  const input = parsed.data;
  const fail = (path: string, message: string): never => {
    throw new TallyInputError(`${path}: ${message}`, path);
  };
  const candidates = new Set<string>();
  input.candidates.forEach((c, i) => {
    if (candidates.has(c)) fail(`candidates.${i}`, `"${c}" is listed twice`);
    candidates.add(c);
  });
  const electorate = input.electorate ? new Set(input.electorate) : undefined;
  if (input.electorate && electorate && electorate.size !== input.electorate.length)
    fail('electorate', 'a member is listed twice');
  const voters = new Set<string>();
  input.ballots.forEach((b, i) => {
    const at = `ballots.${i}`;
    if (voters.has(b.voter)) fail(`${at}.voter`, `"${b.voter}" has two ballots`);
    voters.add(b.voter);
    if (electorate && !electorate.has(b.voter))
      fail(`${at}.voter`, `"${b.voter}" is not in the electorate`);
    const known = (c: string, path: string) => {
      if (!candidates.has(c)) fail(path, `"${c}" is not a candidate`);
    };
    switch (input.method) {
      case 'plurality':
      case 'weighted':
        if (b.choice !== undefined) known(b.choice, `${at}.choice`);
        break;
      case 'approval':
        if (b.approve === undefined) fail(`${at}.approve`, 'an approval ballot needs "approve"');
        else {
          b.approve.forEach((c, k) => {
            known(c, `${at}.approve.${k}`);
          });
          if (new Set(b.approve).size !== b.approve.length)
            fail(`${at}.approve`, 'a candidate is approved twice');
        }
        break;
      case 'irv':
        if (b.ranking === undefined) fail(`${at}.ranking`, 'a ranked ballot needs "ranking"');
        else {
          b.ranking.forEach((c, k) => {
            known(c, `${at}.ranking.${k}`);
          });
          if (new Set(b.ranking).size !== b.ranking.length)
            fail(`${at}.ranking`, 'a candidate is ranked twice');
        }
        break;
      case 'consent':
        if (b.position === undefined) fail(`${at}.position`, 'a consent ballot needs "position"');
        break;
    }
    if (
      b.weight !== undefined &&
      input.weights?.[b.voter] !== undefined &&
      input.weights[b.voter] !== b.weight
    )
      fail(`${at}.weight`, `differs from weights.${b.voter}`);
  });
  const from = new Set<string>();
  (input.delegations ?? []).forEach((d, i) => {
    if (from.has(d.from)) fail(`delegations.${i}.from`, `"${d.from}" delegates twice`);
    from.add(d.from);
    if (electorate && !electorate.has(d.from))
      fail(`delegations.${i}.from`, `"${d.from}" is not in the electorate`);
    if (electorate && !electorate.has(d.to))
      fail(`delegations.${i}.to`, `"${d.to}" is not in the electorate`);
  });
  if (input.method !== 'consent' && input.candidates.length === 0)
    fail('candidates', `the ${input.method} method needs at least one candidate`);
  return input;
}

/** The electorate: as given, or everyone who voted or delegated, in first-seen order. */
export function electorateOf(input: ParsedTallyInput): string[] {
  if (input.electorate) return [...input.electorate];
  const all = new Set<string>();
  for (const b of input.ballots) all.add(b.voter);
  for (const d of input.delegations ?? []) {
    all.add(d.from);
    all.add(d.to);
  }
  return [...all];
}

/** Each member's counted weight: 1, or under `weighted` the declared stake, capped. */
export function weightsOf(
  input: ParsedTallyInput,
  electorate: readonly string[],
): Map<string, number> {
  const byVoter = new Map(input.ballots.map((b) => [b.voter, b] as const));
  const w = new Map<string, number>();
  for (const m of electorate)
    w.set(m, input.method === 'weighted' ? (byVoter.get(m)?.weight ?? input.weights?.[m] ?? 1) : 1);
  if (input.method === 'weighted' && input.cap !== undefined) {
    const limit = input.cap * [...w.values()].reduce((s, x) => s + x, 0);
    for (const [m, x] of w) if (x > limit) w.set(m, limit);
  }
  return w;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/** Counts a vote. Throws TallyInputError on input it cannot count. */
export function tally(raw: TallyInput | unknown): TallyResult {
  const input = parseTallyInput(raw);
  const electorate = electorateOf(input);
  const weight = weightsOf(input, electorate);
  const voters = new Set(input.ballots.map((b) => b.voter));
  const { carried, countedBy } = resolveDelegations(electorate, voters, input.delegations ?? []);
  const turnoutExact = electorate.length === 0 ? 0 : countedBy.size / electorate.length;
  const turnout = round2(turnoutExact);
  const ballotWeight = (b: Ballot) =>
    (carried.get(b.voter) ?? [b.voter]).reduce((s, m) => s + (weight.get(m) ?? 0), 0);
  const quorumMet = turnoutExact >= (input.quorum ?? 0);
  const threshold = input.threshold ?? 0;
  const finish = (r: Omit<TallyResult, 'turnout'>): TallyResult => {
    if (!quorumMet) return { status: 'no_quorum', turnout, rounds: r.rounds };
    return { ...r, turnout };
  };

  if (input.method === 'consent') {
    const counts: Record<Position, number> = { agree: 0, abstain: 0, disagree: 0, block: 0 };
    for (const b of input.ballots) if (b.position) counts[b.position] += ballotWeight(b);
    const rounds = [{ counts: { ...counts } }];
    const decided = counts.agree + counts.disagree;
    const passed = counts.block === 0 && counts.agree > 0 && counts.agree >= threshold * decided;
    return finish({ status: passed ? 'passed' : 'failed', rounds });
  }

  if (input.method === 'irv') {
    const outcome = instantRunoff(
      input.candidates,
      input.ballots.map((b) => ({ ranking: b.ranking ?? [], weight: ballotWeight(b) })),
    );
    if (outcome.tie) return finish({ status: 'tie', rounds: outcome.rounds });
    if (outcome.winner === undefined) return finish({ status: 'failed', rounds: outcome.rounds });
    const last = outcome.rounds[outcome.rounds.length - 1].counts;
    const total = Object.values(last).reduce((s, x) => s + x, 0);
    const ok = last[outcome.winner] >= threshold * total;
    return finish(
      ok
        ? { status: 'passed', winner: outcome.winner, rounds: outcome.rounds }
        : { status: 'failed', rounds: outcome.rounds },
    );
  }

  // plurality, weighted, approval: one round of counts
  const counts: Record<string, number> = {};
  for (const c of input.candidates) counts[c] = 0;
  let total = 0;
  for (const b of input.ballots) {
    const w = ballotWeight(b);
    const picks = input.method === 'approval' ? (b.approve ?? []) : b.choice ? [b.choice] : [];
    for (const c of picks) counts[c] += w;
    if (picks.length > 0) total += w;
  }
  const rounds: Round[] = [{ counts }];
  const best = Math.max(...input.candidates.map((c) => counts[c]));
  const leaders = input.candidates.filter((c) => counts[c] === best);
  if (total === 0 || best === 0) return finish({ status: 'failed', rounds });
  if (leaders.length > 1) return finish({ status: 'tie', rounds });
  if (best < threshold * total) return finish({ status: 'failed', rounds });
  return finish({ status: 'passed', winner: leaders[0], rounds });
}

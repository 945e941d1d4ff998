// The plant's description as its form holds it (device ids chosen, numbers as typed) and the
// checks made before it is sent: pure, so each case is tested without a browser. The server
// checks the same again (and what the form cannot know: a device moved meanwhile).
import { PLANT_LIMITS } from '../../../src/machines/limits.ts';
import { parseNumber } from '../shell/numbers.ts';

export interface PlantDraft {
  feedDeviceId: string;
  productDeviceId: string;
  /** '' : none */
  ashDeviceId: string;
  densityDeviceId: string;
  powerDeviceId: string;
  ashTargetPct: string;
  densityTargetKgm3: string;
  runningAboveTph: string;
}

export type DraftField = keyof PlantDraft;

/** What is wrong with a field, as a key of the module's dictionary. */
export type DraftProblem =
  | 'form:feedNeeded'
  | 'form:productNeeded'
  | 'form:sameBelt'
  | 'form:ashTargetRange'
  | 'form:densityTargetRange'
  | 'form:runningRange';

/** The body of PUT /api/v1/sites/{id}/plant. */
export interface PlantBody {
  feedDeviceId: string;
  productDeviceId: string;
  ashDeviceId: string | null;
  densityDeviceId: string | null;
  powerDeviceId: string | null;
  ashTargetPct: number | null;
  densityTargetKgm3: number | null;
  runningAboveTph?: number;
}

/** The ranges the API takes (one definition with the server's schema). */
export const LIMITS = PLANT_LIMITS;

export const emptyDraft: PlantDraft = {
  feedDeviceId: '',
  productDeviceId: '',
  ashDeviceId: '',
  densityDeviceId: '',
  powerDeviceId: '',
  ashTargetPct: '',
  densityTargetKgm3: '',
  runningAboveTph: '',
};

/** A described plant as the form shows it, numbers with the locale's decimal mark. */
export function draftOf(
  p: {
    feedDeviceId: string;
    productDeviceId: string;
    ashDeviceId: string | null;
    densityDeviceId: string | null;
    powerDeviceId?: string | null;
    ashTargetPct: number | null;
    densityTargetKgm3: number | null;
    runningAboveTph: number;
  },
  decimalMark: ',' | '.',
): PlantDraft {
  const text = (n: number | null) => (n === null ? '' : String(n).replace('.', decimalMark));
  return {
    feedDeviceId: p.feedDeviceId,
    productDeviceId: p.productDeviceId,
    ashDeviceId: p.ashDeviceId ?? '',
    densityDeviceId: p.densityDeviceId ?? '',
    powerDeviceId: p.powerDeviceId ?? '',
    ashTargetPct: text(p.ashTargetPct),
    densityTargetKgm3: text(p.densityTargetKgm3),
    runningAboveTph: text(p.runningAboveTph),
  };
}

/**
 * The draft checked: its problems by field, or the body to send. Empty numbers are left
 * out (no target; the default running threshold).
 */
export function checkDraft(
  d: PlantDraft,
):
  | { ok: true; body: PlantBody }
  | { ok: false; problems: Partial<Record<DraftField, DraftProblem>> } {
  const problems: Partial<Record<DraftField, DraftProblem>> = {};
  if (!d.feedDeviceId) problems.feedDeviceId = 'form:feedNeeded';
  if (!d.productDeviceId) problems.productDeviceId = 'form:productNeeded';
  else if (d.productDeviceId === d.feedDeviceId) problems.productDeviceId = 'form:sameBelt';
  const inRange = (field: keyof typeof LIMITS, problem: DraftProblem) => {
    const n = parseNumber(d[field]);
    if (n === undefined) return null;
    const [min, max] = LIMITS[field];
    if (Number.isNaN(n) || n < min || n > max) {
      problems[field] = problem;
      return null;
    }
    return n;
  };
  const ashTargetPct = inRange('ashTargetPct', 'form:ashTargetRange');
  const densityTargetKgm3 = inRange('densityTargetKgm3', 'form:densityTargetRange');
  const runningAboveTph = inRange('runningAboveTph', 'form:runningRange');
  if (Object.keys(problems).length) return { ok: false, problems };
  return {
    ok: true,
    body: {
      feedDeviceId: d.feedDeviceId,
      productDeviceId: d.productDeviceId,
      ashDeviceId: d.ashDeviceId || null,
      densityDeviceId: d.densityDeviceId || null,
      powerDeviceId: d.powerDeviceId || null,
      ashTargetPct,
      densityTargetKgm3,
      ...(runningAboveTph === null ? {} : { runningAboveTph }),
    },
  };
}

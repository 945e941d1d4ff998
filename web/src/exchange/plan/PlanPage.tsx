import { type FormEvent, useEffect, useMemo, useState } from 'react';
import { localised, useLocale, useT } from '../../i18n/index.ts';
import { registryApi } from '../../registry/api.ts';
import { ApiError } from '../../shell/api.ts';
import { href } from '../../shell/router.ts';
import { isObserver, useSession } from '../../shell/session.tsx';
import type { Plan, SavedPlan } from '../../shell/types.ts';
import { Empty, FormError, Loading, NeedLogin, PageHeader } from '../../shell/ui.tsx';
import { useResource } from '../../shell/useResource.ts';
import { exchangeApi, type PlanRequestBody } from '../api.ts';
import { exchangeDict } from '../dict.ts';
import { canList } from '../rights.ts';
import { useTaxonomy } from '../taxonomy.ts';
import { FlowMapCard } from './FlowMapCard.tsx';
import { FlowsTable } from './FlowsTable.tsx';
import { ImpactSummary } from './ImpactSummary.tsx';
import { PlanFactors } from './PlanFactors.tsx';
import { PlanStatus } from './PlanStatus.tsx';
import { Robustness } from './Robustness.tsx';
import { RunForm } from './RunForm.tsx';
import { type Bounds, type RunInput, runRequest } from './runRequest.ts';
import { PlanWarnings, SaveCard } from './SaveCard.tsx';
import { useFlowWords } from './useFlowWords.ts';

/**
 * The last plan of this page, kept while its user looks elsewhere. Only for that user: the
 * plan is masked for its reader (holders, agreements), and after a logout another user of the
 * same tab must not see it.
 */
let lastRun: { userId: string; plan: Plan; request: PlanRequestBody } | null = null;

/** The robustness bounds, from the server's schema in its lazy chunk (null if it fails). */
const loadBounds = (): Promise<Bounds | null> =>
  import('../schemas.ts').then(
    (m) => m.planBounds,
    () => null,
  );

export function PlanPage() {
  const { user } = useSession();
  if (user === undefined) return <Loading />;
  if (!user) return <NeedLogin />;
  return <Planner />;
}

function Planner() {
  const t = useT(exchangeDict);
  const { user } = useSession();
  const taxonomy = useTaxonomy();
  const words = useFlowWords(taxonomy.data);
  const listings = useResource(() => exchangeApi.listings(), []);
  const sites = useResource(registryApi.sites, []);
  const mine = user && lastRun?.userId === user.id ? lastRun : null;
  const robustness = mine?.request.robustness;
  const [input, setInputState] = useState<RunInput>({
    robust: Boolean(robustness),
    runs: String(robustness?.runs ?? 20),
    variation: String((robustness?.variation ?? 0.1) * 100),
  });
  const [errors, setErrors] = useState<{ runs?: string; variation?: string }>({});
  const [result, setResult] = useState(mine);
  const [running, setRunning] = useState<number | null>(null);
  const [elapsed, setElapsed] = useState(0);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState<SavedPlan | null>(null);
  const [highlight, setHighlight] = useState<string | null>(null);

  useEffect(() => {
    if (running === null) return;
    const timer = setInterval(() => setElapsed((Date.now() - running) / 1000), 100);
    return () => clearInterval(timer);
  }, [running]);

  const setInput = (change: Partial<RunInput>) => setInputState((i) => ({ ...i, ...change }));

  /** the server's refusal of a box, shown beside it (`robustness.runs` → runs) */
  const refused = (err: ApiError) => {
    const fields = err.fieldErrors();
    setErrors({ runs: fields['robustness.runs'], variation: fields['robustness.variation'] });
    setFailure(err);
  };

  const run = async (e: FormEvent) => {
    e.preventDefault();
    const checked = runRequest(input, input.robust ? await loadBounds() : null);
    if ('problems' in checked) {
      setErrors(Object.fromEntries(checked.problems.map((p) => [p.field, t(p.key, p.params)])));
      return;
    }
    setErrors({});
    setFailure(null);
    setSaved(null);
    setElapsed(0);
    setRunning(Date.now());
    try {
      const plan = await exchangeApi.plan(checked.request);
      lastRun = user ? { userId: user.id, plan, request: checked.request } : null;
      setResult(lastRun);
    } catch (err) {
      if (err instanceof ApiError) refused(err);
      else throw err;
    } finally {
      setRunning(null);
    }
  };

  const save = async () => {
    if (!result) return;
    setFailure(null);
    setSaving(true);
    try {
      setSaved(await exchangeApi.savePlan(result.request));
    } catch (err) {
      if (err instanceof ApiError) refused(err);
      else throw err;
    } finally {
      setSaving(false);
    }
  };

  const byListing = useMemo(
    () => new Map((listings.data ?? []).map((l) => [l.id, l])),
    [listings.data],
  );
  const { locale } = useLocale();
  const siteName = useMemo(
    () => new Map((sites.data ?? []).map((s) => [s.id, localised(locale, s.name, s.nameEn)])),
    [sites.data, locale],
  );
  const plan = result?.plan;
  const flows = plan?.plan.flows ?? [];

  return (
    <>
      <PageHeader title={t('planTitle')} lead={t('planLead')} />
      <RunForm
        input={input}
        setInput={setInput}
        errors={errors}
        running={running !== null}
        elapsed={elapsed}
        hasResult={Boolean(result)}
        onSubmit={run}
      />
      <FormError error={failure} placed={(f) => f.startsWith('robustness.')} />
      {!plan ? (
        running === null &&
        (isObserver(user) ? (
          <div data-testid="plan-observer">
            <Empty title={t('noPlan')}>
              {t('noPlanObserverText')} <a href={href('impact')}>{t('toImpact')}</a>
            </Empty>
          </div>
        ) : (
          <Empty title={t('noPlan')}>{t('noPlanText')}</Empty>
        ))
      ) : (
        <div className={running !== null ? 'stale' : undefined}>
          <PlanStatus plan={plan} />
          <ImpactSummary impact={plan.impact} internal={plan.internalReuse} />
          <FlowMapCard flows={flows} highlight={highlight} describe={words.describe} />
          <FlowsTable
            flows={flows}
            computedAt={plan.computedAt}
            words={words}
            siteName={siteName}
            highlight={highlight}
            setHighlight={setHighlight}
          />
          {plan.robustness && taxonomy.data && (
            <Robustness
              plan={plan}
              tx={taxonomy.data}
              byListing={byListing}
              holder={words.holder}
            />
          )}
          <PlanWarnings warnings={plan.warnings} />
          {plan.factors && (
            <PlanFactors
              factors={plan.factors}
              sources={
                locale === 'ru' ? (plan.factorSourcesRu ?? plan.factorSources) : plan.factorSources
              }
            />
          )}
          <SaveCard
            saved={saved}
            canSave={canList(user)}
            disabled={running !== null || flows.length === 0}
            saving={saving}
            onSave={save}
          />
        </div>
      )}
    </>
  );
}

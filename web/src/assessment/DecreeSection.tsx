// The Decree 779 section of the Assessment page: the three requirements with their evidence,
// who is not counted as a participant, each participant's row (territory, purchases, output,
// contracts on and off the platform, partners), the place of transactions as measured, and the
// form for the organisation's own declarations.
import { type FormEvent, useEffect, useState } from 'react';
import { MAX_KOPECKS } from '../../../src/model/money.ts';
import {
  clusterDay,
  clusterYear,
  localised,
  pluralForm,
  useFormat,
  useLocale,
  useT,
} from '../i18n/index.ts';
import { answer, client, type RequestBody } from '../shell/api.ts';
import { exactKopecks, parseNumber } from '../shell/numbers.ts';
import { isObserver, useSession } from '../shell/session.tsx';
import { ConfirmButton, Empty, Field, FormError, SelectField } from '../shell/ui.tsx';
import { useResource } from '../shell/useResource.ts';
import { useSubmission } from '../shell/useSubmission.ts';
import { DataTable, FieldsetForm, Loaded } from './blocks.tsx';
import { decreeDict } from './decreeDict.ts';

type D = ReturnType<typeof useT<keyof typeof decreeDict.ru>>;
type DeclarationBody = RequestBody<'/api/v1/assessment/declarations', 'post'>;
const layers = ['exchange', 'knowledge', 'governance'] as const;
type Layer = (typeof layers)[number];
const outputs = ['produced', 'organising', 'notOrganising'] as const;
type Output = (typeof outputs)[number];
const outputWord = {
  produced: 'declProduced',
  organising: 'declNotProducedOrganising',
  notOrganising: 'declNotProduced',
} as const;

/**
 * A sum typed in roubles as the API's kopecks, or why it is none: no number, a minus, beyond
 * any real sum, or a third decimal (refused, not rounded: a declaration is what was typed).
 * Empty: `kopecks` undefined.
 */
function sumOf(text: string): {
  kopecks?: number;
  problem?: 'errNumber' | 'errNegative' | 'errTooBig' | 'errKopecks';
} {
  const roubles = parseNumber(text);
  if (roubles === undefined) return {};
  if (Number.isNaN(roubles)) return { problem: 'errNumber' };
  if (roubles < 0) return { problem: 'errNegative' };
  if (roubles * 100 > MAX_KOPECKS) return { problem: 'errTooBig' };
  const kopecks = exactKopecks(text);
  if (kopecks === undefined || Number.isNaN(kopecks)) return { problem: 'errKopecks' };
  return { kopecks };
}

const decreeApi = {
  check: (year: number) =>
    answer(client.GET('/api/v1/assessment/decree-779', { params: { query: { year } } })),
  mine: (organisationId: string, year: number) =>
    answer(
      client.GET('/api/v1/assessment/declarations', {
        params: { query: { organisationId, year } },
      }),
    ),
  declare: (body: DeclarationBody) =>
    answer(client.POST('/api/v1/assessment/declarations', { body })),
  withdraw: (id: string) =>
    answer(client.DELETE('/api/v1/assessment/declarations/{id}', { params: { path: { id } } })),
};

export function DecreeSection() {
  const d = useT(decreeDict);
  const fmt = useFormat();
  const { locale } = useLocale();
  /** «31 участник», '31 participants': a count of members says what it counts */
  const participants = (n: number) =>
    d(`participants:${pluralForm(n, locale)}`, { n: fmt.integer(n) });
  const { user } = useSession();
  // the cluster's year, not the browser's: on 31 December evening in Moscow it is already
  // the next year in Kuzbass
  const thisYear = clusterYear(Date.now());
  const [year, setYear] = useState(thisYear);
  const report = useResource(() => decreeApi.check(year), [year]);
  const r = report.data;
  const rub = useFormat().money;
  const verdict =
    r?.compliant === true ? 'compliant' : r?.compliant === false ? 'notCompliant' : 'unknown';
  const canDeclare = Boolean(user?.organisationId) && !isObserver(user);
  return (
    <section className="card stack" aria-labelledby="decree-title" data-testid="decree-section">
      <h2 className="card-title" id="decree-title">
        {d('decreeTitle')}
      </h2>
      <p className="muted small">{d('decreeLead')}</p>
      <SelectField
        label={d('year')}
        name="decree-year"
        value={String(year)}
        onChange={(e) => setYear(Number(e.target.value))}
        options={[thisYear, thisYear - 1, thisYear - 2]}
        optionLabel={String}
        className="decree-year"
      />
      <Loaded resource={report}>
        {(r) => (
          <>
            <p>
              <span className={`badge decree-${verdict}`} data-testid="decree-verdict">
                {d(verdict)}
              </span>
            </p>
            <DataTable
              testId="decree-checks"
              head={{
                check: d('check'),
                result: d('result'),
                value: d('value'),
                threshold: d('threshold'),
                evidence: d('evidence'),
              }}
              rows={r.checks}
              row={(c) => (
                <tr key={c.id} data-check={c.id}>
                  <td>{d(`check:${c.id}`)}</td>
                  <td>
                    {c.passed === null ? d('noData') : c.passed ? d('passed') : d('failed')}
                    {c.missing > 0 && (
                      <span className="muted small">
                        {' '}
                        (
                        {d(`missing:${pluralForm(c.missing, locale)}`, {
                          n: fmt.integer(c.missing),
                        })}
                        )
                      </span>
                    )}
                  </td>
                  <td className="num">
                    {c.value === null
                      ? '—'
                      : c.id === 'functional_dependency'
                        ? fmt.percent(c.value)
                        : c.id === 'contracts'
                          ? // members with a contract, of all members
                            d('ofMembers', {
                              n: fmt.integer(c.value),
                              all: participants(c.threshold),
                            })
                          : participants(c.value)}
                  </td>
                  <td className="num">
                    {c.id === 'functional_dependency'
                      ? `≥ ${fmt.percent(c.threshold)}`
                      : c.id === 'without_output'
                        ? `≤ ${participants(c.threshold)}`
                        : d('allMembers', { all: participants(c.threshold) })}
                  </td>
                  <td className="small">{c.evidence[locale]}</td>
                </tr>
              )}
            />
            {r.notCounted.length > 0 && (
              <p className="small" data-testid="decree-not-counted">
                {d('notCounted', {
                  list: r.notCounted
                    .map((o) => `${localised(locale, o.name, o.nameEn)} — ${d(`as:${o.as}`)}`)
                    .join('; '),
                })}
              </p>
            )}
            <p className="small" data-testid="decree-transactions">
              {r.transactions.share === null
                ? d('transactionsNone')
                : d('transactions', {
                    on: r.transactions.onPlatform,
                    all: r.transactions.exchangeTies,
                    off: r.transactions.declaredOffPlatform,
                    share: fmt.percent(r.transactions.share),
                  })}
            </p>
            <h3>{d('members')}</h3>
            <DataTable
              testId="decree-members"
              head={{
                member: d('member'),
                // the answer first: the evidence after it may scroll sideways on a laptop
                hasContract: d('hasContract'),
                territory: d('territory'),
                purchases: d('purchases'),
                output: d('output'),
                onPlatform: d('onPlatform'),
                declared: d('declared'),
                partners: d('partners'),
              }}
              // in the reader's alphabet: an English page lists its names A to Z too
              rows={[...r.members].sort((a, b) =>
                localised(locale, a.name, a.nameEn).localeCompare(
                  localised(locale, b.name, b.nameEn),
                  locale,
                ),
              )}
              empty={<Empty title={d('membersEmpty')} />}
              row={(m) => (
                <tr key={m.id} data-member={m.id}>
                  <td>{localised(locale, m.name, m.nameEn)}</td>
                  <td>{m.hasContract ? d('yes') : d('no')}</td>
                  <td>
                    {[
                      m.monotown ? d('monotown') : null,
                      ...(locale === 'en' ? m.specialTerritoriesEn : m.specialTerritories),
                    ]
                      .filter(Boolean)
                      .join('; ') || '—'}
                    {m.territoryEstimate && (
                      <>
                        {' '}
                        <span className="badge">{d('estimate')}</span>
                      </>
                    )}
                  </td>
                  <td className="num">
                    {m.redacted
                      ? d('hidden')
                      : m.purchasesKopecks === null
                        ? d('noData')
                        : rub(m.purchasesKopecks)}
                  </td>
                  <td>
                    {m.redacted
                      ? d('hidden')
                      : m.producedOutput === null
                        ? d('noData')
                        : m.producedOutput
                          ? d('produced')
                          : m.organisingProduction
                            ? d('organising')
                            : d('notOrganising')}
                  </td>
                  <td className="num">
                    {fmt.integer(m.contractsOnPlatform)}
                    {!m.redacted && ` · ${rub(m.suppliedOnPlatformKopecks)}`}
                  </td>
                  <td className="num">
                    {fmt.integer(m.contractsDeclared)}
                    {!m.redacted &&
                      // a contract declared without its value is not one worth 0 ₽
                      ` · ${
                        m.declaredWithoutValue === 0
                          ? rub(m.valueDeclaredKopecks)
                          : m.declaredWithoutValue === m.contractsDeclared
                            ? d('valueNotStated')
                            : `${rub(m.valueDeclaredKopecks)}, ${d('valuesNotStated', {
                                n: fmt.integer(m.declaredWithoutValue),
                              })}`
                      }`}
                  </td>
                  <td className="small decree-partners">
                    {m.redacted
                      ? d('hidden')
                      : m.partners
                          .map((p) => localised(locale, p.name, p.nameEn))
                          .sort((a, b) => a.localeCompare(b, locale))
                          .join(', ') || '—'}
                  </td>
                </tr>
              )}
            />
            {r.members.some((m) => m.redacted) && <p className="muted small">{d('hiddenNote')}</p>}
            <p className="muted small">
              {d('reading', { text: localised(locale, r.readingRu, r.reading) })}
            </p>
          </>
        )}
      </Loaded>
      {canDeclare && user?.organisationId ? (
        <Declarations
          d={d}
          organisationId={user.organisationId}
          year={year}
          partners={(r?.members ?? []).filter((m) => m.id !== user.organisationId)}
          onChange={report.reload}
        />
      ) : (
        <p className="muted small">{d('observerNote')}</p>
      )}
    </section>
  );
}

function Declarations({
  d,
  organisationId,
  year,
  partners,
  onChange,
}: {
  d: D;
  organisationId: string;
  year: number;
  partners: { id: string; name: string; nameEn: string | null }[];
  onChange: () => void;
}) {
  const fmt = useFormat();
  const { locale } = useLocale();
  const mine = useResource(() => decreeApi.mine(organisationId, year), [organisationId, year]);
  const [purchases, setPurchases] = useState('');
  const [output, setOutput] = useState<Output>('produced');
  const [partner, setPartner] = useState('');
  const [partnerName, setPartnerName] = useState('');
  const [layer, setLayer] = useState<Layer>('exchange');
  const [value, setValue] = useState('');
  const today = clusterDay(Date.now());
  const firstOn = [`${year}-01-15`, today].sort()[0] as string;
  const [on, setOn] = useState(firstOn);
  // another year chosen: the date box moves into it
  useEffect(() => setOn(firstOn), [firstOn]);
  const [own, setOwn] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);
  const sending = useSubmission();
  const withdrawing = useSubmission();
  const rub = useFormat().money;
  /** a partner member's name in the user's language; undefined when it is not a member */
  const partnerLabel = (id: string | null) => {
    const p = partners.find((x) => x.id === id);
    return p ? localised(locale, p.name, p.nameEn) : undefined;
  };

  const done = () => {
    setSaved(true);
    mine.reload();
    onChange();
  };
  const sendPurchases = async (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    const { kopecks, problem } = sumOf(purchases);
    if (problem || kopecks === undefined) {
      setOwn({ purchases: d(problem ?? 'errRequired') });
      // the last refusal was of other input: it no longer stands
      sending.setError(null);
      return;
    }
    setOwn({});
    await sending.run(async () => {
      await decreeApi.declare({
        kind: 'purchases',
        organisationId,
        year,
        purchasesKopecks: kopecks,
      });
      setPurchases('');
      done();
    });
  };
  const sendOutput = async (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    setOwn({});
    await sending.run(async () => {
      await decreeApi.declare({
        kind: 'output',
        organisationId,
        year,
        producedOutput: output === 'produced',
        organisingProduction: output === 'organising',
      });
      done();
    });
  };
  const sendTie = async (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    const { kopecks, problem } = sumOf(value);
    const problems: Record<string, string> = {};
    if (problem) problems.value = d(problem);
    if (!partner) problems.partner = d('errRequired');
    if (partner === 'outside' && !partnerName.trim()) problems.partnerName = d('errRequired');
    // a contract of the year chosen (else it is out of sight, in no year's list), already made
    if (!on) problems.on = d('errRequired');
    else if (!on.startsWith(`${year}-`)) problems.on = d('errOnYear', { year });
    else if (on > today) problems.on = d('errOnFuture');
    setOwn(problems);
    if (Object.keys(problems).length) {
      sending.setError(null);
      return;
    }
    await sending.run(async () => {
      await decreeApi.declare({
        kind: 'tie',
        organisationId,
        ...(partner === 'outside'
          ? { partnerName: partnerName.trim() }
          : { partnerOrganisationId: partner }),
        layer,
        ...(kopecks !== undefined ? { valueKopecks: kopecks } : {}),
        on,
      });
      setValue('');
      setPartnerName('');
      done();
    });
  };
  const serverSays = (field: string) =>
    sending.error?.problem.errors?.find((e) => e.field === field)?.message;

  return (
    <div className="stack" data-testid="decree-declarations">
      <h3>{d('declTitle')}</h3>
      <p className="muted small">{d('declLead')}</p>
      {saved && (
        <div className="alert alert-success" role="status">
          {d('declSaved')}
        </div>
      )}
      <FormError
        error={sending.error}
        placed={(f) => ['purchasesKopecks', 'valueKopecks', 'partnerName', 'on'].includes(f)}
      />
      <FormError error={withdrawing.error} />
      <FieldsetForm
        testId="decree-purchases-form"
        legend={`${d('declPurchases')} (${year})`}
        onSubmit={sendPurchases}
        submit={d('declSave')}
        busy={sending.busy}
      >
        <Field
          label={d('declPurchasesRub')}
          error={own.purchases ?? serverSays('purchasesKopecks')}
        >
          {(p) => (
            <input
              {...p}
              name="purchasesRub"
              inputMode="decimal"
              value={purchases}
              onChange={(e) => setPurchases(e.target.value)}
            />
          )}
        </Field>
      </FieldsetForm>
      <FieldsetForm
        testId="decree-output-form"
        legend={d('declOutput', { prev: year - 1 })}
        onSubmit={sendOutput}
        submit={d('declSave')}
        busy={sending.busy}
      >
        <SelectField
          label={d('output')}
          name="output"
          value={output}
          onChange={(e) => setOutput(outputs.find((o) => o === e.target.value) ?? 'produced')}
          options={outputs}
          optionLabel={(o) => d(outputWord[o])}
        />
      </FieldsetForm>
      <FieldsetForm
        testId="decree-tie-form"
        legend={d('declTie')}
        onSubmit={sendTie}
        submit={d('declSave')}
        busy={sending.busy}
      >
        <SelectField
          label={d('declPartner')}
          name="partner"
          value={partner}
          onChange={(e) => setPartner(e.target.value)}
          options={[...partners.map((p) => p.id), 'outside']}
          optionLabel={(id) =>
            id === 'outside' ? d('declPartnerOutside') : (partnerLabel(id) ?? id)
          }
          any="—"
          error={own.partner ?? serverSays('partnerOrganisationId')}
        />
        {partner === 'outside' && (
          <Field label={d('declPartnerName')} error={own.partnerName ?? serverSays('partnerName')}>
            {(p) => (
              <input
                {...p}
                name="partnerName"
                value={partnerName}
                onChange={(e) => setPartnerName(e.target.value)}
              />
            )}
          </Field>
        )}
        <SelectField
          label={d('declLayer')}
          name="layer"
          value={layer}
          onChange={(e) => setLayer(layers.find((l) => l === e.target.value) ?? 'exchange')}
          options={layers}
          optionLabel={(l) => d(`layer:${l}`)}
        />
        <Field label={d('declValueRub')} error={own.value ?? serverSays('valueKopecks')}>
          {(p) => (
            <input
              {...p}
              name="valueRub"
              inputMode="decimal"
              value={value}
              onChange={(e) => setValue(e.target.value)}
            />
          )}
        </Field>
        <Field label={d('declOn')} error={own.on ?? serverSays('on')}>
          {(p) => (
            <input
              {...p}
              type="date"
              name="on"
              min={`${year}-01-01`}
              max={[`${year}-12-31`, today].sort()[0]}
              value={on}
              lang={locale}
              onChange={(e) => setOn(e.target.value)}
            />
          )}
        </Field>
      </FieldsetForm>
      <Loaded
        resource={mine}
        isEmpty={(rows) => rows.length === 0}
        empty={<p className="muted small">{d('declEmpty')}</p>}
      >
        {(rows) => (
          <DataTable
            testId="decree-my-declarations"
            head={{
              kind: d('declKind'),
              value: d('value'),
              about: d('declAbout'),
              withdraw: <span className="visually-hidden">{d('declWithdraw')}</span>,
            }}
            rows={rows}
            row={(x) => (
              <tr key={x.id} data-declaration={x.id}>
                <td>
                  {x.kind === 'purchases'
                    ? d('declPurchases')
                    : x.kind === 'output'
                      ? `${d('declOutput', { prev: x.year - 1 })}: ${d(
                          outputWord[
                            x.producedOutput
                              ? 'produced'
                              : x.organisingProduction
                                ? 'organising'
                                : 'notOrganising'
                          ],
                        )}`
                      : `${d(`layer:${x.layer}`)}: ${
                          x.partnerName ??
                          partnerLabel(x.partnerOrganisationId) ??
                          x.partnerOrganisationId
                        }`}
                </td>
                <td className="num">
                  {x.kind === 'purchases'
                    ? rub(x.purchasesKopecks)
                    : x.kind === 'output' || x.valueKopecks === null
                      ? '—'
                      : rub(x.valueKopecks)}
                </td>
                <td>
                  {x.kind === 'tie'
                    ? fmt.date(x.on)
                    : // what it declares: the year's purchases, the previous year's output
                      d('declYear', { year: x.kind === 'output' ? x.year - 1 : x.year })}
                </td>
                <td>
                  <ConfirmButton
                    label={d('declWithdraw')}
                    question={d('declWithdrawQuestion')}
                    className="btn btn-small btn-danger"
                    disabled={withdrawing.busy}
                    onConfirm={() =>
                      withdrawing.run(async () => {
                        await decreeApi.withdraw(x.id);
                        mine.reload();
                        onChange();
                      })
                    }
                  />
                </td>
              </tr>
            )}
          />
        )}
      </Loaded>
    </div>
  );
}

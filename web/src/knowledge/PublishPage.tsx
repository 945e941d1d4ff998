// #/knowledge/new: a member publishes a knowledge asset, an expertise profile or an R&D project of
// their organisation. One form, the kind chosen first; each kind keeps what was typed in it while
// another is looked at. The browser checks what it can (publish.ts); the server's refusal is put
// beside the fields it names, in words; a success opens the new record's page.
import { type FormEvent, type ReactNode, useEffect, useRef, useState } from 'react';
import { useLocale, useT } from '../i18n/index.ts';
import { quoted } from '../registry/names.ts';
import { useOrgNames } from '../registry/useOrgNames.ts';
import { ApiError } from '../shell/api.ts';
import { problemIssues } from '../shell/issues.ts';
import { href, navigate } from '../shell/router.ts';
import { isObserver, useSession } from '../shell/session.tsx';
import { Empty, Field, Loading, NeedLogin, PageHeader, useProblemText } from '../shell/ui.tsx';
import { useUnsavedForm } from '../shell/unsaved.ts';
import { useResource } from '../shell/useResource.ts';
import { knowledgeApi } from './api.ts';
import { knowledgeDict } from './dict.ts';
import {
  type AssetValues,
  assetBody,
  assetTypes,
  blankAsset,
  blankProfile,
  blankProject,
  checkAsset,
  checkProfile,
  checkProject,
  formField,
  levels,
  type ProfileValues,
  type ProjectValues,
  type PublishIssues,
  type PublishKind,
  partnerRoles,
  profileBody,
  projectBody,
  projectStatuses,
  publishKinds,
  trls,
  visibilities,
} from './publish.ts';
import './publish.css';

type T = ReturnType<typeof useT<keyof typeof knowledgeDict.ru>>;
type Key = keyof typeof knowledgeDict.ru;

/** The fields each kind shows beside a box of their own (a row's fields by their index). */
const placed: Record<PublishKind, RegExp> = {
  asset: /^(type|titleRu|titleEn|textRu|textEn|authors|trl|licenceTerms|visibility|audience)$/,
  profile:
    /^(personName|personNameEn|position|positionEn|competences|competences\.\d+\.(competence|level)|aboutRu|aboutEn|visibility)$/,
  project:
    /^(titleRu|titleEn|goalRu|goalEn|participants|partners|partners\.\d+\.(organisationId|role)|budget|status|competences|visibility|audience)$/,
};

/** A field's name in the form's words, for a refusal the form shows above itself. */
const labelKey: Record<string, Key> = {
  type: 'fAssetType',
  titleRu: 'fTitleRu',
  titleEn: 'fTitleEn',
  trl: 'fTrl',
  authors: 'fAuthors',
  audience: 'fAudience',
  competences: 'fCompetences',
  participants: 'fPartners',
  partners: 'fPartners',
  budget: 'fBudget',
  personName: 'fPersonName',
  materialIds: 'materials',
  processIds: 'processes',
  organisationId: 'owner',
};

/** The server's field → the form's field: its own box, else the box of the list it is in. */
function placeField(kind: PublishKind, path: string): string {
  const f = formField(kind, path);
  if (placed[kind].test(f)) return f;
  const head = f.split('.')[0];
  return placed[kind].test(head) ? head : f;
}

export function PublishPage() {
  const t = useT(knowledgeDict);
  const { user } = useSession();
  if (user === undefined) return <Loading />;
  if (!user) return <NeedLogin />;
  if (isObserver(user))
    return (
      <>
        <Back />
        <Empty title={t('publishTitle')}>{t('publishNoRight')}</Empty>
      </>
    );
  return <PublishForm organisationId={user.organisationId} />;
}

function Back() {
  const t = useT(knowledgeDict);
  return (
    <a className="back-link" href={href('knowledge')}>
      {t('backToSearch')}
    </a>
  );
}

function PublishForm({ organisationId }: { organisationId: string }) {
  const t = useT(knowledgeDict);
  const { locale } = useLocale();
  const names = useOrgNames();
  const problemText = useProblemText();
  const vocabulary = useResource(() => knowledgeApi.competences(), []);
  const [kind, setKind] = useState<PublishKind>('asset');
  const [asset, setAsset] = useState(blankAsset);
  const [profile, setProfile] = useState(blankProfile);
  const [project, setProject] = useState(blankProject);
  const [issues, setIssues] = useState<Record<PublishKind, PublishIssues>>({
    asset: {},
    profile: {},
    project: {},
  });
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const form = useRef<HTMLFormElement>(null);
  const settle = useUnsavedForm(form);

  // after a refused submission, the first field in error takes the focus
  useEffect(() => {
    if (attempt > 0) form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [attempt]);

  const members = names.list
    .filter((o) => o.status === 'member')
    .sort((a, b) => names.name(a.id).localeCompare(names.name(b.id), locale));
  const competences = (vocabulary.data ?? []).map((c) => ({
    id: c.id,
    name: locale === 'en' ? c.en : c.ru,
  }));

  const own = issues[kind];
  const error = (field: string) => {
    const i = own[field];
    if (!i) return undefined;
    return 'key' in i ? t(i.key, i.params) : i.text;
  };
  /** A field was changed: its problem goes. */
  const clear = (field: string) =>
    setIssues((all) => {
      if (!all[kind][field]) return all;
      const { [field]: _, ...rest } = all[kind];
      return { ...all, [kind]: rest };
    });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setFailure(null);
    const found =
      kind === 'asset'
        ? checkAsset(asset)
        : kind === 'profile'
          ? checkProfile(profile)
          : checkProject(project, organisationId);
    setIssues((all) => ({ ...all, [kind]: found }));
    setAttempt((n) => n + 1);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      const created =
        kind === 'asset'
          ? await knowledgeApi.createAsset(assetBody(asset))
          : kind === 'profile'
            ? await knowledgeApi.createProfile(profileBody(profile))
            : await knowledgeApi.createProject(projectBody(project, organisationId));
      settle();
      navigate('knowledge', kind, created.id);
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      setFailure(err);
      const byField = problemIssues<Key>(err.problem.errors ?? [], (p) => placeField(kind, p));
      setIssues((all) => ({ ...all, [kind]: byField }));
      setAttempt((n) => n + 1);
    } finally {
      setBusy(false);
    }
  };

  // the refusal's problems no box of this form shows, by the names people see
  const unplaced = (failure?.problem.errors ?? []).filter(
    (p) => !p.field || !placed[kind].test(placeField(kind, p.field)),
  );
  const invalidCount = Object.keys(own).length;

  const props: SectionProps = { t, error, clear, members, competences, names, organisationId };
  return (
    <>
      <Back />
      <PageHeader
        title={t('publishTitle')}
        lead={names.ready && t('publishLead', { org: quoted(names.name(organisationId), locale) })}
      />
      <form
        ref={form}
        className="form card publish-form"
        onSubmit={submit}
        noValidate
        data-testid="publish-form"
      >
        <fieldset className="publish-kinds">
          <legend>{t('publishWhat')}</legend>
          {publishKinds.map((k) => (
            <label key={k} className={`publish-kind${kind === k ? ' chosen' : ''}`}>
              <input
                type="radio"
                name="kind"
                value={k}
                checked={kind === k}
                onChange={() => {
                  setKind(k);
                  setFailure(null);
                }}
              />
              <span>
                <strong>{t(`publish:${k}`)}</strong>
                <span className="muted small">{t(`publish:${k}Hint`)}</span>
              </span>
            </label>
          ))}
        </fieldset>
        {(failure || invalidCount > 0) && (
          <div className="alert alert-error" role="alert" data-testid="publish-error">
            {failure ? problemText(failure) : t('formInvalid')}
            {unplaced.length > 0 && (
              <ul className="problem-fields">
                {unplaced.map((p) => {
                  const k = p.field ? labelKey[p.field.split('.')[0]] : undefined;
                  return (
                    <li key={`${p.field ?? ''}${p.message}`}>
                      {k ? `${t(k)}: ` : ''}
                      {p.message}
                    </li>
                  );
                })}
              </ul>
            )}
          </div>
        )}
        {kind === 'asset' && <AssetSection {...props} v={asset} set={setAsset} />}
        {kind === 'profile' && <ProfileSection {...props} v={profile} set={setProfile} />}
        {kind === 'project' && <ProjectSection {...props} v={project} set={setProject} />}
        <div className="form-actions">
          <button
            type="submit"
            className="btn btn-primary"
            disabled={busy}
            data-testid="publish-submit"
          >
            {t('publishSubmit')}
          </button>
          <a className="btn" href={href('knowledge')}>
            {t('cancel')}
          </a>
        </div>
      </form>
    </>
  );
}

interface SectionProps {
  t: T;
  error: (field: string) => string | undefined;
  clear: (field: string) => void;
  members: ReadonlyArray<{ id: string }>;
  competences: ReadonlyArray<{ id: string; name: string }>;
  names: { name: (id: string) => string };
  organisationId: string;
}

/** A text box bound to a field of the values. */
function textOf<V>(v: V, set: (f: (v: V) => V) => void, clear: (f: string) => void) {
  return (field: keyof V & string) => ({
    name: field,
    value: v[field] as string,
    onChange: (e: { target: { value: string } }) => {
      const value = e.target.value;
      set((old) => ({ ...old, [field]: value }));
      clear(field);
    },
  });
}

function Text({
  label,
  hint,
  error,
  wide,
  rows,
  bind,
}: {
  label: string;
  hint?: string;
  error?: string;
  wide?: boolean;
  rows?: number;
  bind: { name: string; value: string; onChange: (e: { target: { value: string } }) => void };
}) {
  return (
    <Field label={label} hint={hint} error={error} className={wide ? 'span-2' : undefined}>
      {(p) => (rows ? <textarea {...p} {...bind} rows={rows} /> : <input {...p} {...bind} />)}
    </Field>
  );
}

/** A list of boxes to tick (organisations, competences). */
function Ticks({
  label,
  hint,
  error,
  name,
  options,
  chosen,
  onChange,
}: {
  label: string;
  hint?: string;
  error?: string;
  name: string;
  options: ReadonlyArray<{ id: string; name: string }>;
  chosen: readonly string[];
  onChange: (next: string[]) => void;
}) {
  return (
    <fieldset className={`field span-2 ticks${error ? ' field-invalid' : ''}`}>
      <legend className="label">{label}</legend>
      <div className="ticks-list">
        {options.map((o) => (
          <label key={o.id} className="tick">
            <input
              type="checkbox"
              name={name}
              value={o.id}
              checked={chosen.includes(o.id)}
              aria-invalid={Boolean(error)}
              onChange={(e) =>
                onChange(e.target.checked ? [...chosen, o.id] : chosen.filter((id) => id !== o.id))
              }
            />
            <span>{o.name}</span>
          </label>
        ))}
      </div>
      {error ? (
        <span className="field-error">{error}</span>
      ) : hint ? (
        <span className="field-hint">{hint}</span>
      ) : null}
    </fieldset>
  );
}

function Section({ legend, children }: { legend: string; children: ReactNode }) {
  return (
    <fieldset>
      <legend>{legend}</legend>
      <div className="form-grid">{children}</div>
    </fieldset>
  );
}

function Visibility({
  t,
  error,
  clear,
  members,
  names,
  organisationId,
  value,
  audience,
  onVisibility,
  onAudience,
}: SectionProps & {
  value: string;
  audience: string[];
  onVisibility: (v: (typeof visibilities)[number]) => void;
  onAudience: (a: string[]) => void;
}) {
  return (
    <Section legend={t('sectionAccess')}>
      <Field label={t('fVisibility')} error={error('visibility')}>
        {(p) => (
          <select
            {...p}
            name="visibility"
            value={value}
            onChange={(e) => {
              onVisibility(e.target.value as (typeof visibilities)[number]);
              clear('visibility');
              clear('audience');
            }}
          >
            {visibilities.map((v) => (
              <option key={v} value={v}>
                {t(`vis:${v}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      {value === 'organisations' && (
        <Ticks
          label={t('fAudience')}
          error={error('audience')}
          name="audience"
          options={members
            .filter((o) => o.id !== organisationId)
            .map((o) => ({ id: o.id, name: names.name(o.id) }))}
          chosen={audience}
          onChange={(a) => {
            onAudience(a);
            clear('audience');
          }}
        />
      )}
    </Section>
  );
}

function AssetSection(
  props: SectionProps & { v: AssetValues; set: (f: (v: AssetValues) => AssetValues) => void },
) {
  const { t, error, clear, v, set } = props;
  const text = textOf(v, set, clear);
  return (
    <>
      <Section legend={t('sectionAbout')}>
        <Field label={t('fAssetType')} error={error('type')}>
          {(p) => (
            <select {...p} {...text('type')}>
              <option value="">{t('choose')}</option>
              {assetTypes.map((a) => (
                <option key={a} value={a}>
                  {t(`assetType:${a}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('fTrl')} error={error('trl')} hint={t('trlHint')}>
          {(p) => (
            <select {...p} {...text('trl')}>
              <option value="">{t('choose')}</option>
              {trls.map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Text
          label={t('fTitleRu')}
          hint={t('titleHint')}
          error={error('titleRu')}
          bind={text('titleRu')}
        />
        <Text label={t('fTitleEn')} error={error('titleEn')} bind={text('titleEn')} />
        <Text label={t('fTextRu')} error={error('textRu')} rows={5} bind={text('textRu')} />
        <Text label={t('fTextEn')} error={error('textEn')} rows={5} bind={text('textEn')} />
        <Text
          label={t('fAuthors')}
          hint={t('authorsHint')}
          error={error('authors')}
          rows={3}
          bind={text('authors')}
        />
        <Text
          label={t('fLicence')}
          hint={t('licenceHint')}
          error={error('licenceTerms')}
          rows={3}
          bind={text('licenceTerms')}
        />
      </Section>
      <Visibility
        {...props}
        value={v.visibility}
        audience={v.audience}
        onVisibility={(visibility) => set((o) => ({ ...o, visibility }))}
        onAudience={(audience) => set((o) => ({ ...o, audience }))}
      />
    </>
  );
}

function ProfileSection(
  props: SectionProps & { v: ProfileValues; set: (f: (v: ProfileValues) => ProfileValues) => void },
) {
  const { t, error, clear, v, set, competences } = props;
  const text = textOf(v, set, clear);
  const row = (i: number, patch: Partial<ProfileValues['competences'][number]>) =>
    set((o) => ({
      ...o,
      competences: o.competences.map((r, j) => (j === i ? { ...r, ...patch } : r)),
    }));
  return (
    <>
      <Section legend={t('sectionAbout')}>
        <Text label={t('fPersonName')} error={error('personName')} bind={text('personName')} />
        <Text
          label={t('fPersonNameEn')}
          error={error('personNameEn')}
          bind={text('personNameEn')}
        />
        <Text label={t('fPosition')} error={error('position')} bind={text('position')} />
        <Text label={t('fPositionEn')} error={error('positionEn')} bind={text('positionEn')} />
        <fieldset className={`field span-2 rows${error('competences') ? ' field-invalid' : ''}`}>
          <legend className="label">{t('fCompetences')}</legend>
          {v.competences.map((r, i) => (
            // the rows have no identity but their place
            // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place
            <div className="publish-row" key={i}>
              <Field label={t('fCompetence')} error={error(`competences.${i}.competence`)}>
                {(p) => (
                  <select
                    {...p}
                    name={`competences.${i}.competence`}
                    value={r.competence}
                    onChange={(e) => {
                      row(i, { competence: e.target.value });
                      clear(`competences.${i}.competence`);
                      clear('competences');
                    }}
                  >
                    <option value="">{t('choose')}</option>
                    {competences.map((c) => (
                      <option key={c.id} value={c.id}>
                        {c.name}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <Field label={t('fLevel')} error={error(`competences.${i}.level`)}>
                {(p) => (
                  <select
                    {...p}
                    name={`competences.${i}.level`}
                    value={r.level}
                    onChange={(e) => row(i, { level: e.target.value })}
                  >
                    {levels.map((n) => (
                      <option key={n} value={n}>
                        {n}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <button
                type="button"
                className="btn btn-small"
                disabled={v.competences.length === 1}
                onClick={() =>
                  set((o) => ({ ...o, competences: o.competences.filter((_, j) => j !== i) }))
                }
              >
                {t('remove')}
              </button>
            </div>
          ))}
          {error('competences') && <span className="field-error">{error('competences')}</span>}
          <div>
            <button
              type="button"
              className="btn btn-small"
              disabled={v.competences.length >= 20}
              onClick={() => {
                set((o) => ({
                  ...o,
                  competences: [...o.competences, { competence: '', level: '3' }],
                }));
                clear('competences');
              }}
            >
              {t('addCompetence')}
            </button>
          </div>
        </fieldset>
        <Text label={t('fAboutRu')} error={error('aboutRu')} rows={4} bind={text('aboutRu')} />
        <Text label={t('fAboutEn')} error={error('aboutEn')} rows={4} bind={text('aboutEn')} />
      </Section>
      <Section legend={t('sectionAccess')}>
        <Field label={t('fVisibility')} error={error('visibility')}>
          {(p) => (
            <select {...p} {...text('visibility')}>
              {(['members', 'public'] as const).map((x) => (
                <option key={x} value={x}>
                  {t(`vis:${x}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </Section>
    </>
  );
}

function ProjectSection(
  props: SectionProps & { v: ProjectValues; set: (f: (v: ProjectValues) => ProjectValues) => void },
) {
  const { t, error, clear, v, set, members, names, organisationId, competences } = props;
  const text = textOf(v, set, clear);
  const partner = (i: number, patch: Partial<ProjectValues['partners'][number]>) =>
    set((o) => ({
      ...o,
      partners: o.partners.map((r, j) => (j === i ? { ...r, ...patch } : r)),
    }));
  const others = members.filter((o) => o.id !== organisationId);
  return (
    <>
      <Section legend={t('sectionAbout')}>
        <Text
          label={t('fTitleRu')}
          hint={t('titleHint')}
          error={error('titleRu')}
          bind={text('titleRu')}
        />
        <Text label={t('fTitleEn')} error={error('titleEn')} bind={text('titleEn')} />
        <Text label={t('fGoalRu')} error={error('goalRu')} rows={4} bind={text('goalRu')} />
        <Text label={t('fGoalEn')} error={error('goalEn')} rows={4} bind={text('goalEn')} />
        <Text
          label={t('fBudget')}
          hint={t('budgetHint')}
          error={error('budget')}
          bind={{ ...text('budget'), name: 'budget' }}
        />
        <Field label={t('fStatus')} error={error('status')}>
          {(p) => (
            <select {...p} {...text('status')}>
              {projectStatuses.map((s) => (
                <option key={s} value={s}>
                  {t(`status:${s}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <fieldset
          className={`field span-2 rows${error('partners') || error('participants') ? ' field-invalid' : ''}`}
        >
          <legend className="label">{t('participants')}</legend>
          <p className="publish-lead-org">
            {t('fLead')}: <strong>{names.name(organisationId)}</strong>
          </p>
          {v.partners.length === 0 && <p className="muted small">{t('partnersNone')}</p>}
          {v.partners.map((r, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place
            <div className="publish-row" key={i}>
              <Field label={t('fPartnerOrg')} error={error(`partners.${i}.organisationId`)}>
                {(p) => (
                  <select
                    {...p}
                    name={`partners.${i}.organisationId`}
                    value={r.organisationId}
                    onChange={(e) => {
                      partner(i, { organisationId: e.target.value });
                      clear(`partners.${i}.organisationId`);
                    }}
                  >
                    <option value="">{t('choose')}</option>
                    {others.map((o) => (
                      <option key={o.id} value={o.id}>
                        {names.name(o.id)}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <Field label={t('fPartnerRole')} error={error(`partners.${i}.role`)}>
                {(p) => (
                  <select
                    {...p}
                    name={`partners.${i}.role`}
                    value={r.role}
                    onChange={(e) =>
                      partner(i, { role: e.target.value as (typeof partnerRoles)[number] })
                    }
                  >
                    {partnerRoles.map((x) => (
                      <option key={x} value={x}>
                        {t(`role:${x}`)}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <button
                type="button"
                className="btn btn-small"
                onClick={() =>
                  set((o) => ({ ...o, partners: o.partners.filter((_, j) => j !== i) }))
                }
              >
                {t('remove')}
              </button>
            </div>
          ))}
          {(error('partners') ?? error('participants')) && (
            <span className="field-error">{error('partners') ?? error('participants')}</span>
          )}
          <div>
            <button
              type="button"
              className="btn btn-small"
              onClick={() =>
                set((o) => ({
                  ...o,
                  partners: [...o.partners, { organisationId: '', role: 'partner' }],
                }))
              }
            >
              {t('addPartner')}
            </button>
          </div>
        </fieldset>
        <Ticks
          label={t('fNeeded')}
          hint={t('neededHint')}
          error={error('competences')}
          name="competences"
          options={competences}
          chosen={v.competences}
          onChange={(c) => {
            set((o) => ({ ...o, competences: c }));
            clear('competences');
          }}
        />
      </Section>
      <Visibility
        {...props}
        value={v.visibility}
        audience={v.audience}
        onVisibility={(visibility) => set((o) => ({ ...o, visibility }))}
        onAudience={(audience) => set((o) => ({ ...o, audience }))}
      />
    </>
  );
}

import { type FormEvent, useEffect, useRef, useState } from 'react';
import { regionRecorded } from '../../../src/model/places.ts';
import { type Locale, useLocale, useT } from '../i18n/index.ts';
import { parseNumber } from '../shell/numbers.ts';
import type { Organisation } from '../shell/types.ts';
import { Field, FormError, SelectField, SubmitRow } from '../shell/ui.tsx';
import { useUnsavedForm } from '../shell/unsaved.ts';
import { useSubmission } from '../shell/useSubmission.ts';
import { vatRegimes } from '../shell/vocabulary.ts';
import { registryApi } from './api.ts';
import { regionBoxIn, useLabels } from './labels.ts';
import { memberDict } from './memberDict.ts';

type Box =
  | 'name'
  | 'nameEn'
  | 'region'
  | 'website'
  | 'description'
  | 'employees'
  | 'knowledgeWorkers'
  | 'okved'
  | 'vatRegime';
const boxes: readonly Box[] = [
  'name',
  'nameEn',
  'region',
  'website',
  'description',
  'employees',
  'knowledgeWorkers',
  'okved',
  'vatRegime',
];

/** The server's schema, in its own chunk (it brings zod). */
const loadCheck = () =>
  import('./schemas.ts').then(
    (m) => m.checkOrganisationPatch,
    () => null,
  );

/** The boxes' text; the region in the reader's language (it goes back to Russian on saving). */
const textOf = (o: Organisation, locale: Locale): Record<Box, string> => ({
  name: o.name,
  nameEn: o.nameEn ?? '',
  region: regionBoxIn(o.region, locale),
  website: o.website ?? '',
  description: o.description ?? '',
  employees: String(o.employees),
  knowledgeWorkers: String(o.knowledgeWorkers),
  okved: o.okved,
  vatRegime: o.vatRegime,
});

/**
 * The organisation's own profile, edited by its admin (or the operator). Only what changed is
 * sent; the server's rules decide, and its problems are shown at the boxes.
 */
export function OrganisationProfile({
  organisation,
  editable,
  onSaved,
}: {
  organisation: Organisation;
  editable: boolean;
  onSaved: (o: Organisation) => void;
}) {
  const m = useT(memberDict);
  const labels = useLabels();
  const { locale } = useLocale();
  const form = useRef<HTMLFormElement>(null);
  const settle = useUnsavedForm(form);
  const [value, setValue] = useState(() => textOf(organisation, locale));
  const [local, setLocal] = useState<Partial<Record<Box, string>>>({});
  // a switch of language: the region box follows it, as the other boxes' labels do
  useEffect(() => {
    setValue((v) => ({ ...v, region: regionBoxIn(v.region, locale) }));
  }, [locale]);
  const [saved, setSaved] = useState<'saved' | 'same' | null>(null);
  const { busy, error, run } = useSubmission();
  const fields: Record<string, string> = { ...(error?.fieldErrors() ?? {}), ...local };
  const set = (k: Box) => (e: { target: { value: string } }) => {
    setSaved(null);
    setValue((v) => ({ ...v, [k]: e.target.value }));
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaved(null);
    const before = textOf(organisation, locale);
    const problems: Partial<Record<Box, string>> = {};
    const patch: Record<string, string | number> = {};
    for (const k of boxes) {
      const text = value[k].trim();
      if (text === before[k].trim()) continue;
      if (k === 'employees' || k === 'knowledgeWorkers') {
        const n = parseNumber(text);
        if (n === undefined) problems[k] = m('errRequired');
        else if (!Number.isInteger(n)) problems[k] = m('errNumber');
        else patch[k] = n;
      } else patch[k] = k === 'region' ? regionRecorded(text) : text;
    }
    // the server's own rules on what parsed, so every box's problem shows at once, not one
    // submit after another (offline for a moment: the server checks the same on saving)
    const check = await loadCheck();
    for (const p of check?.(patch, locale) ?? [])
      if (p.field in value && !problems[p.field as Box]) problems[p.field as Box] = p.text;
    setLocal(problems);
    if (Object.keys(problems).length > 0) return;
    if (Object.keys(patch).length === 0) {
      setSaved('same');
      settle();
      return;
    }
    await run(async () => {
      const next = await registryApi.patchOrganisation(organisation.id, patch);
      setValue(textOf(next, locale));
      setSaved('saved');
      settle();
      onSaved(next);
    });
  };

  const box = (k: Box, label: string, hint?: string, multiline = false) => (
    <Field label={label} error={fields[k]} hint={hint} className={multiline ? 'span-2' : undefined}>
      {(p) =>
        multiline ? (
          <textarea
            {...p}
            name={k}
            rows={4}
            value={value[k]}
            onChange={set(k)}
            readOnly={!editable}
          />
        ) : (
          <input
            {...p}
            name={k}
            value={value[k]}
            onChange={set(k)}
            readOnly={!editable}
            inputMode={k === 'employees' || k === 'knowledgeWorkers' ? 'numeric' : undefined}
          />
        )
      }
    </Field>
  );

  return (
    <form
      ref={form}
      className="card form member-profile"
      onSubmit={submit}
      noValidate
      data-testid="profile-form"
      aria-labelledby="profile-title"
    >
      <h2 className="card-title" id="profile-title">
        {m('profileTitle')}
      </h2>
      <p className="muted small">
        {editable ? m('profileLead') : m('profileReadOnly')}{' '}
        {m('orgIdentifiers', { inn: organisation.inn, ogrn: organisation.ogrn })}.{' '}
        {m('orgIdentifiersNote')}
      </p>
      {saved && (
        <div className="alert alert-success" role="status" data-testid="profile-saved">
          {saved === 'saved' ? m('profileSaved') : m('nothingChanged')}
        </div>
      )}
      <FormError error={error} placed={(f) => (boxes as readonly string[]).includes(f)} />
      <div className="form-grid">
        {box('name', m('orgName'))}
        {box('nameEn', m('orgNameEn'))}
        {box('region', m('orgRegion'))}
        {box('website', m('orgWebsite'), m('orgWebsiteHint'))}
        {box('employees', m('orgEmployees'))}
        {box('knowledgeWorkers', m('orgKnowledge'), m('orgKnowledgeHint'))}
        {box('okved', m('orgOkved'))}
        {editable ? (
          <SelectField
            label={m('orgVatRegime')}
            name="vatRegime"
            value={value.vatRegime}
            onChange={set('vatRegime')}
            options={vatRegimes}
            optionLabel={labels.vatRegime}
            error={fields.vatRegime}
            hint={m('orgVatRegimeHint')}
          />
        ) : (
          <Field label={m('orgVatRegime')}>
            {(p) => (
              <input
                {...p}
                name="vatRegime"
                value={labels.vatRegime(organisation.vatRegime)}
                readOnly
              />
            )}
          </Field>
        )}
        {box('description', m('orgDescription'), undefined, true)}
      </div>
      {editable && <SubmitRow busy={busy}>{m('saveProfile')}</SubmitRow>}
    </form>
  );
}

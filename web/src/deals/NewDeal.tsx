// The form that opens a deal from scratch: the counterparty, which side we take, the material
// and the terms. A consumer opens it at requested, a provider at offered.
import { type FormEvent, useRef, useState } from 'react';
import { useTaxonomy } from '../exchange/taxonomy.ts';
import { useLocale, useT } from '../i18n/index.ts';
import { navigate } from '../shell/router.ts';
import { FormError } from '../shell/ui.tsx';
import { useUnsavedForm } from '../shell/unsaved.ts';
import { useSubmission } from '../shell/useSubmission.ts';
import { dealsApi } from './api.ts';
import { useOrgNames } from './bits.tsx';
import { dealsDict } from './dict.ts';
import { missingChoices, parseTerms, type TermsBad, type TermsText } from './parse.ts';
import { blankTerms, TermsFields } from './terms.tsx';

export function NewDeal({
  organisationId,
  onCreated,
}: {
  organisationId: string;
  onCreated: () => void;
}) {
  const t = useT(dealsDict);
  const { locale } = useLocale();
  const names = useOrgNames();
  const tax = useTaxonomy();
  const submission = useSubmission();
  const ref = useRef<HTMLFormElement>(null);
  const settle = useUnsavedForm(ref);
  const [role, setRole] = useState<'consumer' | 'provider'>('consumer');
  const [other, setOther] = useState('');
  const [material, setMaterial] = useState('');
  const [terms, setTerms] = useState<TermsText>(blankTerms);
  const [message, setMessage] = useState('');
  const [bad, setBad] = useState<TermsBad>(new Map());
  const [missing, setMissing] = useState<Set<'counterparty' | 'material'>>(new Set());
  const errors = submission.error?.fieldErrors() ?? {};
  // the form's own words first (nothing sent); the server's words for a field otherwise
  const counterpartyError = missing.has('counterparty')
    ? t('fChooseCounterparty')
    : (errors.providerId ?? errors.consumerId);
  const materialError = missing.has('material') ? t('fChooseMaterial') : errors.material;
  // the deal counts in its material's unit (tonnes of ash, never MWh of it)
  const materialUnit = tax.data?.material(material)?.unit;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = parseTerms(materialUnit ? { ...terms, unit: materialUnit } : terms);
    const unchosen = missingChoices({ counterparty: other, material });
    setBad(parsed.bad);
    setMissing(unchosen);
    if (parsed.bad.size || unchosen.size) return;
    void submission.run(async () => {
      const d = await dealsApi.create({
        providerId: role === 'provider' ? organisationId : other,
        consumerId: role === 'consumer' ? organisationId : other,
        material,
        ...parsed.terms,
        ...(message.trim() ? { message: message.trim() } : {}),
      });
      settle();
      onCreated();
      navigate('deals', d.id);
    });
  };
  const members = names.list
    .filter((o) => o.status === 'member' && o.id !== organisationId)
    .sort((a, b) => names.name(a.id).localeCompare(names.name(b.id), locale));
  return (
    <form ref={ref} className="card stack" onSubmit={submit} data-testid="new-deal" noValidate>
      <h2 className="card-title">{t('newDeal')}</h2>
      <FormError error={submission.error} />
      <div className="deal-form-grid">
        <label className="field field-wide">
          <span>{t('fRole')}</span>
          <select
            name="role"
            value={role}
            onChange={(e) => setRole(e.target.value === 'provider' ? 'provider' : 'consumer')}
          >
            <option value="consumer">{t('asConsumer')}</option>
            <option value="provider">{t('asProvider')}</option>
          </select>
        </label>
        <label className={`field${counterpartyError ? ' field-invalid' : ''}`}>
          <span>{t('fCounterparty')}</span>
          <select
            name="counterparty"
            value={other}
            onChange={(e) => setOther(e.target.value)}
            aria-invalid={Boolean(counterpartyError)}
          >
            <option value="">{t('choose')}</option>
            {members.map((o) => (
              <option key={o.id} value={o.id}>
                {names.name(o.id)}
              </option>
            ))}
          </select>
          {counterpartyError && <span className="field-error">{counterpartyError}</span>}
        </label>
        <label className={`field${materialError ? ' field-invalid' : ''}`}>
          <span>{t('fMaterial')}</span>
          <select
            name="material"
            value={material}
            onChange={(e) => setMaterial(e.target.value)}
            aria-invalid={Boolean(materialError)}
          >
            <option value="">{t('choose')}</option>
            {(tax.data?.materials ?? []).map((m) => (
              <option key={m.id} value={m.id}>
                {tax.data?.materialName(m.id)}
              </option>
            ))}
          </select>
          {materialError && <span className="field-error">{materialError}</span>}
        </label>
      </div>
      <TermsFields
        value={terms}
        onChange={setTerms}
        bad={bad}
        errors={errors}
        materialUnit={materialUnit}
      />
      <label className="field">
        <span>{t('fMessage')}</span>
        <textarea
          name="message"
          rows={2}
          maxLength={4000}
          value={message}
          onChange={(e) => setMessage(e.target.value)}
        />
      </label>
      <div className="form-actions">
        <button
          type="submit"
          className="btn btn-primary"
          disabled={submission.busy}
          data-testid="create-deal"
        >
          {t('create')}
        </button>
      </div>
    </form>
  );
}

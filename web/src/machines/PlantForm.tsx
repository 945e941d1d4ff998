// The plant's description (org admin, as PUT /api/v1/sites/{id}/plant demands): which of the
// site's instruments are the feed and concentrate belt scales, the ash analyser, the
// densimeter and the power meter, with the targets and the feed rate below which the plant is down. Checked
// here first (plant-form.ts), then by the server; a refusal keeps everything typed.
import { type FormEvent, useRef, useState } from 'react';
import { decimalMarkOf, useDecimalMarkSwitch, useLocale, useT } from '../i18n/index.ts';
import { withDecimalMarks } from '../shell/numbers.ts';
import { Field, FormError } from '../shell/ui.tsx';
import { useUnsavedForm } from '../shell/unsaved.ts';
import { useSubmission } from '../shell/useSubmission.ts';
import { type Device, machinesApi, type Plant } from './api.ts';
import { machinesDict } from './dict.ts';
import {
  checkDraft,
  type DraftField,
  type DraftProblem,
  draftOf,
  emptyDraft,
  type PlantDraft,
} from './plant-form.ts';

const fields: readonly DraftField[] = [
  'feedDeviceId',
  'productDeviceId',
  'ashDeviceId',
  'densityDeviceId',
  'powerDeviceId',
  'ashTargetPct',
  'densityTargetKgm3',
  'runningAboveTph',
];

export function PlantForm({
  site,
  plant,
  devices,
  onSaved,
  onCancel,
}: {
  site: { id: string; name: string };
  /** the description as it stands (editing), or none yet */
  plant: Plant | null;
  /** the organisation's devices: the site's of each profile are offered */
  devices: readonly Device[];
  onSaved: (plant: Plant) => void;
  onCancel?: () => void;
}) {
  const t = useT(machinesDict);
  const { locale } = useLocale();
  const form = useRef<HTMLFormElement>(null);
  const settle = useUnsavedForm(form);
  const [draft, setDraft] = useState<PlantDraft>(() =>
    plant ? draftOf(plant, decimalMarkOf(locale)) : emptyDraft,
  );
  useDecimalMarkSwitch((mark) =>
    setDraft((d) =>
      withDecimalMarks(d, ['ashTargetPct', 'densityTargetKgm3', 'runningAboveTph'], mark),
    ),
  );
  const [problems, setProblems] = useState<Partial<Record<DraftField, DraftProblem>>>({});
  const { busy, error, run } = useSubmission();
  const server = error?.fieldErrors() ?? {};
  const errorOf = (f: DraftField) => {
    const p = problems[f];
    return p ? t(p) : server[f];
  };
  const set = (f: DraftField) => (e: { target: { value: string } }) => {
    const value = e.target.value;
    setDraft((d) => ({ ...d, [f]: value }));
    // a corrected field loses its mark
    setProblems((p) => ({ ...p, [f]: undefined }));
  };
  const ofProfile = (profileId: string) =>
    devices.filter((d) => d.siteId === site.id && d.profileId === profileId);
  const belts = ofProfile('belt-scale');

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const checked = checkDraft(draft);
    if (!checked.ok) {
      setProblems(checked.problems);
      return;
    }
    setProblems({});
    await run(async () => {
      const saved = await machinesApi.describePlant(site.id, checked.body);
      settle();
      onSaved(saved);
    });
  };

  const deviceSelect = (f: DraftField, label: string, options: readonly Device[], none: string) => (
    <Field label={label} error={errorOf(f)}>
      {(p) => (
        <select {...p} name={f} value={draft[f]} onChange={set(f)}>
          <option value="">{none}</option>
          {options.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name ?? d.id}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
  const numberBox = (f: DraftField, label: string, hint?: string) => (
    <Field label={label} error={errorOf(f)} hint={hint}>
      {(p) => (
        <input
          {...p}
          name={f}
          inputMode="decimal"
          autoComplete="off"
          value={draft[f]}
          onChange={set(f)}
        />
      )}
    </Field>
  );

  return (
    <section className="card" data-testid="plant-form">
      <h2 className="card-title">{t('plantForm')}</h2>
      <p className="muted">{t('plantFormLead', { site: site.name })}</p>
      {belts.length < 2 && (
        <p className="alert alert-warning" data-testid="plant-no-belts">
          {t(belts.length === 0 ? 'noBelts' : 'oneBelt')}
        </p>
      )}
      {Object.values(problems).some(Boolean) && (
        <div className="alert alert-error" role="alert">
          {t('formInvalid')}
        </div>
      )}
      <FormError error={error} placed={(f) => (fields as readonly string[]).includes(f)} />
      <form ref={form} onSubmit={submit} noValidate>
        <div className="form-grid">
          {deviceSelect('feedDeviceId', t('feedDevice'), belts, t('chooseBelt'))}
          {deviceSelect('productDeviceId', t('productDevice'), belts, t('chooseBelt'))}
          {deviceSelect('ashDeviceId', t('ashDevice'), ofProfile('ash-analyser'), t('noDevice'))}
          {deviceSelect(
            'densityDeviceId',
            t('densityDevice'),
            ofProfile('dense-medium'),
            t('noDevice'),
          )}
          {deviceSelect('powerDeviceId', t('powerDevice'), ofProfile('power-meter'), t('noDevice'))}
          {numberBox('ashTargetPct', t('ashTargetField'), t('ashTargetHint'))}
          {numberBox('densityTargetKgm3', t('densityTargetField'), t('ashTargetHint'))}
          {numberBox('runningAboveTph', t('runningField'), t('runningHint'))}
        </div>
        <div className="form-actions">
          <button
            type="submit"
            className="btn btn-primary"
            disabled={busy}
            data-testid="plant-save"
          >
            {t('savePlant')}
          </button>
          {onCancel && (
            <button
              type="button"
              className="btn btn-ghost"
              onClick={() => {
                settle();
                onCancel();
              }}
            >
              {t('cancel')}
            </button>
          )}
        </div>
      </form>
    </section>
  );
}

import { lazy, Suspense, useId, useMemo } from 'react';
import { useLocale, useT } from '../../i18n/index.ts';
import { Field, Loading, SelectField } from '../../shell/ui.tsx';
import { useLabels } from '../labels.ts';
import { siteFormDict } from './dict.ts';
import {
  coordinateText,
  pointOf,
  type SiteKey,
  type SiteValue,
  siteKinds,
  specialTerritoryKinds,
} from './site.ts';
import './site-form.css';

// the map brings Leaflet and the region's outline: it loads when the fieldset is first shown
const SiteMap = lazy(() => import('./SiteMap.tsx'));

interface Props {
  value: SiteValue;
  onChange: (next: SiteValue) => void;
  /** a box's problem, in the user's language (the caller keeps the issues) */
  error?: (k: SiteKey) => string | undefined;
  /** the fieldset's title; «Площадка» / «Site» when absent */
  legend?: string;
  /** a line under the title: what the site is for, in the caller's words */
  lead?: string;
  /** a name prefix for the boxes (`site.` → `site.name`), so a form and a test can find them */
  namePrefix?: string;
  /** whether the site's name and coordinates are required (marks the boxes; the caller checks) */
  required?: boolean;
}

/**
 * A site's boxes: name, kind, address and coordinates, typed (a decimal comma is fine) or set
 * by a click on the offline region map, whose marker follows the typed coordinates. Holds no
 * state of its own: the caller keeps the value and the problems (see site.ts for the body and
 * the checks, and schema.ts for the server's SiteInput rules).
 */
export function SiteFieldset({
  value,
  onChange,
  error = () => undefined,
  legend,
  lead,
  namePrefix = '',
  required = true,
}: Props) {
  const t = useT(siteFormDict);
  const labels = useLabels();
  const { locale } = useLocale();
  const hintId = useId();
  const point = useMemo(() => pointOf(value), [value]);
  const set = (k: SiteKey) => (e: { target: { value: string } }) =>
    onChange({ ...value, [k]: e.target.value });

  return (
    <fieldset className="site-form" data-testid="site-fieldset">
      <legend>{legend ?? t('siteLegend')}</legend>
      {lead && <p className="muted small site-form-lead">{lead}</p>}
      <div className="form-grid">
        <Field label={t('siteName')} error={error('name')} hint={t('siteNameHint')}>
          {(p) => (
            <input
              {...p}
              name={`${namePrefix}name`}
              value={value.name}
              onChange={set('name')}
              required={required}
            />
          )}
        </Field>
        <Field label={t('siteNameEn')} error={error('nameEn')} hint={t('siteNameEnHint')}>
          {(p) => (
            <input
              {...p}
              name={`${namePrefix}nameEn`}
              value={value.nameEn}
              onChange={set('nameEn')}
              lang="en"
            />
          )}
        </Field>
        <SelectField
          label={t('siteKind')}
          name={`${namePrefix}kind`}
          value={value.kind}
          onChange={set('kind')}
          options={siteKinds}
          optionLabel={labels.siteKind}
          error={error('kind')}
        />
        <Field label={t('siteAddress')} error={error('address')} className="span-2">
          {(p) => (
            <input
              {...p}
              name={`${namePrefix}address`}
              value={value.address}
              onChange={set('address')}
              autoComplete="street-address"
            />
          )}
        </Field>
        <Field label={t('siteLat')} error={error('lat')} hint={t('siteCoordHint')}>
          {(p) => (
            <input
              {...p}
              name={`${namePrefix}lat`}
              value={value.lat}
              onChange={set('lat')}
              inputMode="decimal"
              required={required}
            />
          )}
        </Field>
        <Field label={t('siteLon')} error={error('lon')} hint={t('siteLonHint')}>
          {(p) => (
            <input
              {...p}
              name={`${namePrefix}lon`}
              value={value.lon}
              onChange={set('lon')}
              inputMode="decimal"
              required={required}
            />
          )}
        </Field>
        <div className="field span-2">
          <label className="check">
            <input
              type="checkbox"
              name={`${namePrefix}monotown`}
              checked={value.monotown}
              onChange={(e) => onChange({ ...value, monotown: e.target.checked })}
            />
            <span>{t('siteMonotown')}</span>
          </label>
          <span className="field-hint">{t('siteMonotownHint')}</span>
        </div>
        <SelectField
          label={t('siteSpecialKind')}
          name={`${namePrefix}specialKind`}
          value={value.specialKind}
          onChange={(e) => {
            const kind = specialTerritoryKinds.find((k) => k === e.target.value) ?? '';
            onChange({ ...value, specialKind: kind, ...(kind ? {} : { specialName: '' }) });
          }}
          options={specialTerritoryKinds}
          optionLabel={(k) => t(`special_${k}`)}
          any={t('siteSpecialNone')}
          error={error('specialKind')}
        />
        {value.specialKind && (
          <Field
            label={t('siteSpecialName')}
            error={error('specialName')}
            hint={t('siteSpecialNameHint')}
          >
            {(p) => (
              <input
                {...p}
                name={`${namePrefix}specialName`}
                value={value.specialName}
                onChange={set('specialName')}
                required
              />
            )}
          </Field>
        )}
        <div className="span-2 site-form-map-box">
          <p className="field-hint" id={hintId}>
            {t('siteMapHint')}
          </p>
          <Suspense fallback={<Loading />}>
            <SiteMap
              point={point}
              name={value.name}
              describedBy={hintId}
              onPlace={(p) =>
                onChange({
                  ...value,
                  lat: coordinateText(p.lat, locale),
                  lon: coordinateText(p.lon, locale),
                })
              }
            />
          </Suspense>
        </div>
      </div>
    </fieldset>
  );
}

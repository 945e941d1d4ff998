import { localised, useLocale, useT } from '../../i18n/index.ts';
import { orgName } from '../../registry/names.ts';
import type { Organisation, Site } from '../../shell/types.ts';
import { Field } from '../../shell/ui.tsx';
import { isOneOf, listingSides, materialUnits } from '../../shell/vocabulary.ts';
import { exchangeDict } from '../dict.ts';
import { useExchangeLabels } from '../labels.ts';
import type { Taxonomy } from '../taxonomy.ts';
import type { ListingFormState } from './useListingForm.ts';

/** What is listed: the side, the holder and its site, the material and use, how much and when. */
export function WhatSection({
  form,
  tx,
  editing,
  organisations,
  sites,
  sitesLoading,
}: {
  form: ListingFormState;
  tx: Taxonomy;
  editing: boolean;
  /** the operator lists for any member; others for their own organisation */
  organisations: Organisation[] | null;
  sites: Site[];
  sitesLoading: boolean;
}) {
  const t = useT(exchangeDict);
  const { locale } = useLocale();
  const x = useExchangeLabels();
  const { values: v, set, bind, numeric, error } = form;
  const offer = v.side === 'offer';
  const material = tx.material(v.materialId);
  const uses = material ? tx.uses.filter((u) => material.uses.includes(u.id)) : tx.uses;

  const chooseMaterial = (id: string) => {
    const m = tx.material(id);
    form.setValues((old) => ({
      ...old,
      materialId: id,
      unit: m?.unit ?? old.unit,
      useId: m && old.useId && !m.uses.includes(old.useId) ? '' : old.useId,
      // a material known under one FKKO code has it; another material's code goes
      fkko: m?.fkko.length === 1 ? m.fkko[0] : m?.fkko.includes(old.fkko) ? old.fkko : '',
      legalStatus: m?.waste && !old.legalStatus ? 'waste' : old.legalStatus,
    }));
    form.clear('materialId', 'useId', 'unit');
  };

  return (
    <fieldset>
      <legend>{t('secWhat')}</legend>
      <div className="form-grid">
        <fieldset className="choice span-2" disabled={editing}>
          <legend className="label">{t('fSide')}</legend>
          <div className="choice-row">
            {listingSides.map((s) => (
              <label key={s} className={v.side === s ? 'choice-card active' : 'choice-card'}>
                <input
                  type="radio"
                  name="side"
                  value={s}
                  checked={v.side === s}
                  onChange={() => set('side', s)}
                />
                <span>
                  <strong>{x.side(s)}</strong>
                  <span className="sub">{t(`sideHint:${s}`)}</span>
                </span>
              </label>
            ))}
          </div>
        </fieldset>
        {organisations && (
          <Field label={t('fOrganisation')} error={error('organisationId')}>
            {(p) => (
              <select
                {...p}
                {...bind('organisationId')}
                disabled={editing}
                onChange={(e) => {
                  set('organisationId', e.target.value);
                  set('siteId', '');
                }}
              >
                <option value="">{t('choose')}</option>
                {organisations.map((o) => (
                  <option key={o.id} value={o.id}>
                    {orgName(o, locale)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
        <Field label={t('fSite')} error={error('siteId')} hint={t('fSiteHint')}>
          {(p) => (
            <select {...p} {...bind('siteId')}>
              <option value="">{sitesLoading ? t('loadingShort') : t('choose')}</option>
              {sites.map((s) => (
                <option key={s.id} value={s.id}>
                  {localised(locale, s.name, s.nameEn)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={offer ? t('fMaterial') : t('fMaterialOptional')} error={error('materialId')}>
          {(p) => (
            <select {...p} {...bind('materialId')} onChange={(e) => chooseMaterial(e.target.value)}>
              <option value="">{offer ? t('choose') : t('anyMaterialForUse')}</option>
              {tx.materials.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.name[locale]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={offer ? t('fUseOffer') : t('fUseRequest')} error={error('useId')}>
          {(p) => (
            <select {...p} {...bind('useId')}>
              <option value="">{offer ? t('anyUse') : t('choose')}</option>
              {uses.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name[locale]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          label={t('fQuantityUnit', { unit: x.unit(v.unit) })}
          error={error('quantityPerYear')}
        >
          {(p) => <input {...p} {...numeric('quantityPerYear')} required />}
        </Field>
        <Field
          label={t('fUnit')}
          error={error('unit')}
          hint={material ? t('fUnitHint') : undefined}
        >
          {(p) => (
            <select
              {...p}
              name="unit"
              value={v.unit}
              disabled={Boolean(material)}
              onChange={(e) =>
                isOneOf(materialUnits, e.target.value) && set('unit', e.target.value)
              }
            >
              {materialUnits.map((u) => (
                <option key={u} value={u}>
                  {x.unit(u)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('fFrom')} error={error('availableFrom')}>
          {(p) => <input {...p} {...bind('availableFrom')} type="date" required />}
        </Field>
        <Field label={t('fTo')} error={error('availableTo')}>
          {(p) => <input {...p} {...bind('availableTo')} type="date" required />}
        </Field>
      </div>
    </fieldset>
  );
}

import { useCallback, useMemo, useState } from 'react';
import { useDecimalMarkSwitch, useT } from '../../i18n/index.ts';
import { withDecimalMarks } from '../../shell/numbers.ts';
import { exchangeDict } from '../dict.ts';
import type { Issue, Issues } from './validate.ts';
import { blankQuality, type QualityInput, type Values } from './values.ts';

/** The fields typed as free text (the enum fields have their own controls). */
export type TextKey = { [K in keyof Values]: string extends Values[K] ? K : never }[keyof Values];

/** The boxes that hold numbers (roubles included): re-marked on a switch of language. */
const numberBoxes = [
  'quantityPerYear',
  'disposalCostKopecksPerUnit',
  'priceKopecksPerUnit',
  'mustShipMin',
  'mustTakeMin',
  'supplierCostKopecksPerUnit',
  'salePriceKopecksPerUnit',
  'priceCalorificKcalPerKg',
  'maxDistanceKm',
] as const;

/**
 * The listing form's state: the values as typed and the problems by field. Sections read and
 * change it through this, so each section is a plain component of the form's parts.
 */
export function useListingForm(initial: Values) {
  const t = useT(exchangeDict);
  const [values, setValues] = useState<Values>(initial);
  const [issues, setIssues] = useState<Issues>({});
  // a switch of language re-marks the numbers typed («5000,5» → «5000.5»), the same values
  useDecimalMarkSwitch((mark) =>
    setValues((v) => ({
      ...withDecimalMarks(v, numberBoxes, mark),
      quality: Object.fromEntries(
        Object.entries(v.quality).map(([k, q]) => [
          k,
          withDecimalMarks(q, ['value', 'min', 'max'], mark),
        ]),
      ),
    })),
  );

  const clear = useCallback(
    (...keys: string[]) =>
      setIssues((e) => {
        if (!keys.some((k) => e[k])) return e;
        const next = { ...e };
        for (const k of keys) delete next[k];
        return next;
      }),
    [],
  );
  const set = useCallback(
    <K extends keyof Values>(key: K, value: Values[K]) => {
      setValues((old) => ({ ...old, [key]: value }));
      clear(key);
    },
    [clear],
  );
  const setQuality = useCallback(
    (k: string, part: keyof QualityInput, value: string) => {
      setValues((old) => ({
        ...old,
        quality: { ...old.quality, [k]: { ...(old.quality[k] ?? blankQuality), [part]: value } },
      }));
      clear(`quality.${k}`);
    },
    [clear],
  );

  return useMemo(() => {
    const word = (issue: Issue) => ('key' in issue ? t(issue.key, issue.params) : issue.text);
    return {
      values,
      setValues,
      issues,
      setIssues,
      set,
      setQuality,
      clear,
      /** a field's problem in words, if any */
      error: (field: string) => (issues[field] ? word(issues[field]) : undefined),
      hasErrors: Object.keys(issues).length > 0,
      /** a text box's name, value and change handler */
      bind: (key: TextKey) => ({
        name: key,
        value: values[key],
        onChange: (e: { target: { value: string } }) => set(key, e.target.value),
      }),
      /** a number box: typed freely (spaces, comma), parsed on submit */
      numeric: (key: TextKey) => ({
        name: key,
        value: values[key],
        onChange: (e: { target: { value: string } }) => set(key, e.target.value),
        inputMode: 'decimal' as const,
        autoComplete: 'off',
      }),
    };
  }, [values, issues, set, setQuality, clear, t]);
}

export type ListingFormState = ReturnType<typeof useListingForm>;

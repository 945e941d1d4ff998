import { type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import { dictionary, useT } from '../i18n/index.ts';
import { registryApi } from '../registry/api.ts';
import type { Listing } from '../shell/types.ts';
import { exchangeDict } from './dict.ts';
import { useExchangeLabels } from './labels.ts';

type FkkoEntry = NonNullable<Listing['fkkoEntry']>;

const pickerDict = dictionary(
  { foreign: 'не для этого материала' },
  { foreign: 'not for this material' },
);

/** The look-up matches codes by their leading digits, written without spaces. */
const query = (text: string) => (/^[\d\s]+$/.test(text) ? text.replace(/\s/g, '') : text);
const lookUp = (code: string) =>
  registryApi.fkko(query(code), 1).then((r) => r.find((e) => e.code === code) ?? null);

interface Props {
  id: string;
  value: string;
  onChange: (code: string) => void;
  /** codes the chosen material is known under, offered before anything is typed */
  suggested: readonly string[];
  invalid: boolean;
  describedBy?: string;
}

/**
 * An FKKO code looked up by name or code (GET /api/v1/fkko?q=…): a combobox whose list
 * shows the code, the name and the hazard class. Arrows move, Enter picks, Escape closes.
 */
export function FkkoPicker({ id, value, onChange, suggested, invalid, describedBy }: Props) {
  const t = useT(exchangeDict);
  const p = useT(pickerDict);
  const x = useExchangeLabels();
  const listId = useId();
  const [text, setText] = useState(value);
  const [open, setOpen] = useState(false);
  const [hits, setHits] = useState<FkkoEntry[]>([]);
  const [active, setActive] = useState(0);
  const [loading, setLoading] = useState(false);
  const [chosen, setChosen] = useState<FkkoEntry | null>(null);
  // the caller's latest handler and codes, without re-running the search on each render
  const latest = useRef({ onChange, suggested });
  latest.current = { onChange, suggested };
  const suggestedKey = suggested.join('|');

  useEffect(() => setText(value), [value]);

  // the entry of the current code (for its name and class under the box)
  useEffect(() => {
    if (!value) {
      setChosen(null);
      return;
    }
    let live = true;
    lookUp(value).then(
      (e) => live && setChosen(e),
      () => live && setChosen(null),
    );
    return () => {
      live = false;
    };
  }, [value]);

  // suggestions: the material's codes for an empty box, a search after a pause in typing
  // biome-ignore lint/correctness/useExhaustiveDependencies: suggestedKey stands for the codes
  useEffect(() => {
    if (!open) return;
    const q = text.trim();
    let live = true;
    const run = async () => {
      setLoading(true);
      try {
        if (q.length < 2 || q === value) {
          const found = await Promise.all(latest.current.suggested.map(lookUp));
          if (live) setHits(found.filter((e): e is FkkoEntry => e !== null));
        } else {
          const [r, ownEntries] = await Promise.all([
            registryApi.fkko(query(q), 12),
            Promise.all(latest.current.suggested.map(lookUp)),
          ]);
          if (!live) return;
          // the material's own codes that answer the search first (user walk M9), even when
          // the catalogue's first dozen hits miss them; the others stay, marked as foreign
          const needle = query(q).toLowerCase();
          const own = ownEntries.filter(
            (e): e is FkkoEntry =>
              e !== null &&
              (e.code.replace(/\s/g, '').startsWith(needle) ||
                e.name.toLowerCase().includes(needle)),
          );
          const ownCodes = new Set(own.map((e) => e.code));
          setHits([...own, ...r.filter((e) => !ownCodes.has(e.code))]);
          // a code typed in full is taken once the catalogue knows it
          const exact = r.find((e) => e.code === q);
          if (exact) {
            latest.current.onChange(exact.code);
            setChosen(exact);
          }
        }
      } catch {
        if (live) setHits([]);
      } finally {
        if (live) setLoading(false);
      }
      if (live) setActive(0);
    };
    const timer = setTimeout(run, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [text, open, suggestedKey, value]);

  /** a code the chosen material is not known under: never shown as a good choice */
  const foreign = (code: string) => suggested.length > 0 && !suggested.includes(code);

  const pick = (e: FkkoEntry) => {
    onChange(e.code);
    setText(e.code);
    setChosen(e);
    setOpen(false);
  };

  const onKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      if (!open) setOpen(true);
      else setActive((a) => Math.min(a + 1, hits.length - 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((a) => Math.max(a - 1, 0));
    } else if (e.key === 'Enter' && open && hits[active]) {
      e.preventDefault();
      pick(hits[active]);
    } else if (e.key === 'Escape' && open) {
      e.preventDefault();
      setOpen(false);
    }
  };

  return (
    <div className="combo">
      <input
        id={id}
        name="fkko"
        role="combobox"
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={open && hits[active] ? `${listId}-${active}` : undefined}
        aria-invalid={invalid}
        aria-describedby={describedBy}
        autoComplete="off"
        value={text}
        placeholder={t('fkkoPlaceholder')}
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
          // until the catalogue confirms a code (above), the field holds none
          if (value) onChange('');
        }}
        // a field focused because it is in error (after a refused submission) keeps its error
        // in view: the list opens on a click, typing or the down arrow, not over the message
        onFocus={() => !invalid && setOpen(true)}
        onClick={() => setOpen(true)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={onKey}
      />
      {open && (
        <div className="combo-list" id={listId} role="listbox" data-testid="fkko-options">
          {loading && hits.length === 0 ? (
            <div className="combo-note">{t('searching')}</div>
          ) : hits.length === 0 ? (
            <div className="combo-note">
              {text.trim().length < 2 ? t('fkkoTypeMore') : t('fkkoNone')}
            </div>
          ) : (
            hits.map((e, i) => (
              <div
                key={e.code}
                tabIndex={-1}
                id={`${listId}-${i}`}
                role="option"
                aria-selected={i === active}
                className={`combo-option${i === active ? ' active' : ''}${foreign(e.code) ? ' foreign' : ''}`}
                onMouseDown={(ev) => {
                  ev.preventDefault();
                  pick(e);
                }}
                onMouseEnter={() => setActive(i)}
              >
                <span className="mono">{e.code}</span>
                <span className="combo-name">
                  {e.name}
                  {foreign(e.code) && <span className="combo-foreign"> · {p('foreign')}</span>}
                </span>
                <span className={`hazard hazard-${e.hazardClass}`}>
                  {x.hazardShort(e.hazardClass)}
                </span>
              </div>
            ))
          )}
        </div>
      )}
      {chosen &&
        (foreign(chosen.code) ? (
          <span className="combo-chosen foreign">
            {p('foreign')}: {chosen.name}
          </span>
        ) : (
          <span className="combo-chosen">
            {chosen.name} · {x.hazard(chosen.hazardClass)} · {x.fkkoState(chosen)}
          </span>
        ))}
    </div>
  );
}

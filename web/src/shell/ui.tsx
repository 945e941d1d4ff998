import {
  type ChangeEvent,
  type ReactNode,
  useCallback,
  useEffect,
  useId,
  useRef,
  useState,
} from 'react';
import { useFormat, useT } from '../i18n/index.ts';
import type { ApiError } from './api.ts';
import { shellDict } from './dict.ts';
import { href } from './router.ts';
import { useSession } from './session.tsx';

export function Loading({ label }: { label?: string }) {
  const t = useT(shellDict);
  return (
    <div className="state state-loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      {label ?? t('loading')}
    </div>
  );
}

/**
 * A refusal in words: the server's detail (worded in the user's language), or ours when no
 * answer came back or the answer was not a problem.
 */
export function useProblemText() {
  const t = useT(shellDict);
  return (error: ApiError) =>
    error.problem.code === 'network'
      ? t('networkError')
      : (error.problem.detail ??
        (error.problem.title || t('httpError', { status: error.problem.status })));
}

export function ErrorState({
  error,
  onRetry,
  back,
}: {
  error: ApiError;
  onRetry?: () => void;
  /** where to go instead of a dead end: the list the missing thing belongs to */
  back?: { href: string; label: string };
}) {
  const t = useT(shellDict);
  const text = useProblemText();
  const { user } = useSession();
  const missing = error.problem.status === 404;
  return (
    <div className="state state-error" role="alert">
      <strong>{missing ? t('recordNotFoundTitle') : t('errorTitle')}</strong>
      <span>{text(error)}</span>
      {/* a visitor may be missing what only members may read */}
      {missing && user === null && (
        <span>
          {t('notFoundLogIn')} <a href={href('login')}>{t('login')}</a>
        </span>
      )}
      {/* asking again for what does not exist gives the same answer */}
      {onRetry && error.problem.status !== 404 && (
        <button type="button" className="btn btn-small" onClick={onRetry}>
          {t('retry')}
        </button>
      )}
      {back && (
        <a href={back.href} data-testid="error-back">
          {back.label}
        </a>
      )}
    </div>
  );
}

export function Empty({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="state state-empty">
      <strong>{title}</strong>
      {children && <span>{children}</span>}
    </div>
  );
}

/**
 * A refused submission, above the form: the problem's detail, and each bad field the form does
 * not show beside a box of its own, by the name people see (the server's `label`).
 */
export function FormError({
  error,
  placed,
}: {
  error: ApiError | null | undefined;
  /** fields the form shows next to their box */
  placed?: (field: string) => boolean;
}) {
  const text = useProblemText();
  if (!error) return null;
  const rest = (error.problem.errors ?? []).filter((e) => !placed?.(e.field ?? ''));
  return (
    <div className="alert alert-error" role="alert">
      {text(error)}
      {rest.length > 0 && (
        <ul className="problem-fields">
          {rest.map((e) => (
            <li key={`${e.section ?? ''}${e.line ?? ''}${e.field ?? ''}${e.message}`}>
              {(e.label ?? e.field) ? `${e.label ?? e.field}: ` : ''}
              {e.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

interface FieldProps {
  label: string;
  error?: string;
  hint?: string;
  children: (props: {
    id: string;
    'aria-invalid': boolean;
    'aria-describedby'?: string;
  }) => ReactNode;
  className?: string;
}

/** A labelled form field with its hint and its error message. */
export function Field({ label, error, hint, children, className }: FieldProps) {
  const id = useId();
  const msgId = `${id}-msg`;
  return (
    <div className={`field${error ? ' field-invalid' : ''}${className ? ` ${className}` : ''}`}>
      <label htmlFor={id}>{label}</label>
      {children({
        id,
        'aria-invalid': Boolean(error),
        'aria-describedby': error || hint ? msgId : undefined,
      })}
      {error ? (
        <span className="field-error" id={msgId}>
          {error}
        </span>
      ) : hint ? (
        <span className="field-hint" id={msgId}>
          {hint}
        </span>
      ) : null}
    </div>
  );
}

interface SelectFieldProps<T> {
  label: string;
  /** The select's form name, where a form or a test reads it. */
  name?: string;
  value: string;
  onChange: (e: ChangeEvent<HTMLSelectElement>) => void;
  options: readonly T[];
  /** An option's value; the option itself when it is a string. */
  optionValue?: (option: T) => string;
  optionLabel: (option: T) => ReactNode;
  /** A first option that chooses nothing (a filter's «any», an import's «auto»); absent where a choice is required. */
  any?: ReactNode;
  anyValue?: string;
  error?: string;
  hint?: string;
  className?: string;
}

/** A labelled choice among a list of known values, as filters and forms offer it. */
export function SelectField<T>({
  label,
  name,
  value,
  onChange,
  options,
  optionValue = String,
  optionLabel,
  any,
  anyValue = '',
  error,
  hint,
  className,
}: SelectFieldProps<T>) {
  return (
    <Field label={label} error={error} hint={hint} className={className}>
      {(p) => (
        <select {...p} name={name} value={value} onChange={onChange}>
          {any !== undefined && <option value={anyValue}>{any}</option>}
          {options.map((o) => (
            <option key={optionValue(o)} value={optionValue(o)}>
              {optionLabel(o)}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** A form's submit button in its row, disabled while the form is being sent so it goes once. */
export function SubmitRow({
  busy,
  inline,
  children,
}: {
  busy: boolean;
  /** in a one-line form, beside its fields */
  inline?: boolean;
  children: ReactNode;
}) {
  return (
    <div className={inline ? 'inline-actions' : 'form-actions'}>
      <button type="submit" className="btn btn-primary" disabled={busy}>
        {children}
      </button>
    </div>
  );
}

export function PageHeader({
  title,
  lead,
  actions,
}: {
  title: ReactNode;
  lead?: ReactNode;
  actions?: ReactNode;
}) {
  return (
    <div className="page-header">
      <div>
        <h1>{title}</h1>
        {lead && <p className="lead">{lead}</p>}
      </div>
      {actions && <div className="page-actions">{actions}</div>}
    </div>
  );
}

export function NeedLogin() {
  const t = useT(shellDict);
  return (
    <Empty title={t('needLogin')}>
      {t('needLoginText')} <a href={href('login')}>{t('login')}</a>
    </Empty>
  );
}

export function Forbidden() {
  const t = useT(shellDict);
  return <Empty title={t('forbiddenTitle')}>{t('forbiddenText')}</Empty>;
}

/** A secret shown once, with a copy button. */
export function CopyBox({ value, testId }: { value: string; testId?: string }) {
  const t = useT(shellDict);
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
      setTimeout(() => setCopied(false), 2000);
    } catch {
      setCopied(false);
    }
  };
  return (
    <div className="copybox">
      <code data-testid={testId}>{value}</code>
      <button type="button" className="btn btn-small" onClick={copy}>
        {copied ? t('copied') : t('copy')}
      </button>
    </div>
  );
}

/**
 * A wide table's horizontal scroller. When the table does not fit, a shadow marks the hidden
 * edge and a hint says the table scrolls sideways.
 */
export function TableScroll({ children }: { children: ReactNode }) {
  const t = useT(shellDict);
  const ref = useRef<HTMLDivElement>(null);
  const [edges, setEdges] = useState({ left: false, right: false });
  const measure = useCallback(() => {
    const el = ref.current;
    if (!el) return;
    const left = el.scrollLeft > 1;
    const right = el.scrollLeft + el.clientWidth < el.scrollWidth - 1;
    setEdges((e) => (e.left === left && e.right === right ? e : { left, right }));
  }, []);
  useEffect(() => {
    measure();
    const el = ref.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    if (el.firstElementChild) observer.observe(el.firstElementChild);
    return () => observer.disconnect();
  }, [measure]);
  const cls = `table-scroll-wrap${edges.left ? ' more-left' : ''}${edges.right ? ' more-right' : ''}`;
  return (
    <div className={cls}>
      {(edges.left || edges.right) && (
        <div className="scroll-hint" aria-hidden="true">
          {t('scrollHint')}
        </div>
      )}
      <div className="table-scroll" ref={ref} onScroll={measure}>
        {children}
      </div>
    </div>
  );
}

/**
 * A button for an irreversible action: the first press asks, in place, to confirm or cancel;
 * the focus moves to the confirming button.
 */
export function ConfirmButton({
  label,
  question,
  confirmLabel,
  onConfirm,
  disabled,
  className = 'btn btn-danger',
  testId,
  ready,
  onAsking,
}: {
  label: string;
  question: string;
  confirmLabel?: string;
  onConfirm: () => void;
  disabled?: boolean;
  className?: string;
  testId?: string;
  /** false when the step cannot be taken yet (the caller says why): nothing is asked */
  ready?: () => boolean;
  /** told when the question opens and closes, so the form can hold its other buttons */
  onAsking?: (asking: boolean) => void;
}) {
  const t = useT(shellDict);
  const [asking, setAskingState] = useState(false);
  const setAsking = (v: boolean) => {
    setAskingState(v);
    onAsking?.(v);
  };
  const yes = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (asking) yes.current?.focus();
  }, [asking]);
  if (!asking)
    return (
      <button
        type="button"
        className={className}
        disabled={disabled}
        onClick={() => (ready?.() ?? true) && setAsking(true)}
        data-testid={testId}
      >
        {label}
      </button>
    );
  return (
    <span className="confirm" role="alertdialog" aria-label={question}>
      <span className="confirm-question">{question}</span>
      <button
        ref={yes}
        type="button"
        className={className}
        disabled={disabled}
        onClick={() => {
          setAsking(false);
          onConfirm();
        }}
        data-testid={testId ? `${testId}-confirm` : undefined}
      >
        {confirmLabel ?? label}
      </button>
      <button
        type="button"
        className={className.includes('btn-small') ? 'btn btn-small' : 'btn'}
        onClick={() => setAsking(false)}
      >
        {t('cancel')}
      </button>
    </span>
  );
}

/**
 * A box's length against its limit, as the hint of a box that stops there (maxLength): a paste
 * cut short is seen. «19 из 2 000 знаков».
 */
export function useCharCount() {
  const t = useT(shellDict);
  const f = useFormat();
  return (text: string, max: number) =>
    t('charCount', { n: f.integer(text.length), max: f.integer(max) });
}

/**
 * A question asked in place about a step not started by a button of its own (a box changed, a
 * form sent): it waits above the form with the step's own confirm label and a cancel.
 */
export function AskInPlace({
  question,
  confirmLabel,
  onConfirm,
  onCancel,
  testId,
  danger = false,
}: {
  question: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  testId: string;
  danger?: boolean;
}) {
  const t = useT(shellDict);
  return (
    <div className="alert alert-warning" role="alertdialog" data-testid={testId}>
      <p>{question}</p>
      <span className="row-actions">
        <button
          type="button"
          className={danger ? 'btn btn-small btn-danger' : 'btn btn-small'}
          data-testid={`${testId}-confirm`}
          onClick={onConfirm}
        >
          {confirmLabel}
        </button>
        <button type="button" className="btn btn-small" onClick={onCancel}>
          {t('cancel')}
        </button>
      </span>
    </div>
  );
}

/**
 * A list's heading names the cluster's zone once, quietly: «(кемеровское время)»; its rows show the bare
 * time (`useFormat().clock`). A smaller word, so a heading stays one line on a phone.
 */
export function InClusterZone() {
  const f = useFormat();
  return <span className="in-zone">({f.zone})</span>;
}

/** Where a page's figures come from, for people: «Данные: … · открытый API». */
export function DataNote({ children }: { children: ReactNode }) {
  const t = useT(shellDict);
  return (
    <p className="source-note">
      {children} · <a href="/api/docs">{t('openApi')}</a>
    </p>
  );
}

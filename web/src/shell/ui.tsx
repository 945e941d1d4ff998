import { type ReactNode, useId, useState } from 'react';
import { useT } from '../i18n/index.ts';
import type { ApiError } from './api.ts';
import { shellDict } from './dict.ts';
import { href } from './router.ts';

export function Loading({ label }: { label?: string }) {
  const t = useT(shellDict);
  return (
    <div className="state state-loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      {label ?? t('loading')}
    </div>
  );
}

export function ErrorState({ error, onRetry }: { error: ApiError; onRetry?: () => void }) {
  const t = useT(shellDict);
  const detail = error.status === 0 ? t('networkError') : (error.problem.detail ?? error.message);
  return (
    <div className="state state-error" role="alert">
      <strong>{t('errorTitle')}</strong>
      <span>{detail}</span>
      {onRetry && (
        <button type="button" className="btn btn-small" onClick={onRetry}>
          {t('retry')}
        </button>
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

/** An error returned by a form's submission: the problem's detail, above the form. */
export function FormError({ error }: { error: ApiError | null | undefined }) {
  if (!error) return null;
  return (
    <div className="alert alert-error" role="alert">
      {error.problem.detail ?? error.message}
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

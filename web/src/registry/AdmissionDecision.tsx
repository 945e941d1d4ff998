import { useId, useRef, useState } from 'react';
import { DECISION_NOTE_MAX } from '../../../src/registry/limits.ts';
import { useLocale, useT, type Wording, wording } from '../i18n/index.ts';
import type { Application, MembershipRole } from '../shell/types.ts';
import { ConfirmButton, Field, FormError } from '../shell/ui.tsx';
import { useSubmission } from '../shell/useSubmission.ts';
import { isOneOf, membershipRoles } from '../shell/vocabulary.ts';
import { registryApi } from './api.ts';
import { applicantDict } from './applicantDict.ts';
import { registryDict } from './dict.ts';
import { useLabels } from './labels.ts';
import { quoted } from './names.ts';

/** The operator's decision on an application: admit in a role, or reject (asked to confirm first: it cannot be undone), with a note. */
export function Decide({
  application,
  name,
  onDone,
}: {
  application: Application;
  name: string;
  onDone: (message: Wording) => void;
}) {
  const t = useT(registryDict);
  const a = useT(applicantDict);
  const { locale } = useLocale();
  const labels = useLabels();
  const id = useId();
  const [role, setRole] = useState<MembershipRole>(application.requestedRole);
  const [note, setNote] = useState('');
  // a rejection says why (the applicant reads it); the API refuses one without
  const [noteMissing, setNoteMissing] = useState(false);
  const [askingReject, setAskingReject] = useState(false);
  const noteBox = useRef<HTMLInputElement>(null);
  const { busy, error, run } = useSubmission();

  const decide = (admit: boolean) =>
    run(async () => {
      if (admit) await registryApi.admit(application.id, { role, note: note.trim() || undefined });
      else await registryApi.reject(application.id, { note: note.trim() });
      onDone(
        wording(registryDict, admit ? 'admittedMsg' : 'rejectedMsg', (locale) => ({
          name: quoted(name, locale),
        })),
      );
    });

  return (
    <form
      className="decide"
      onSubmit={(e) => {
        e.preventDefault();
        decide(true);
      }}
    >
      <FormError error={error} placed={(f) => f === 'note'} />
      <div className="decide-row">
        <div className="field">
          <label htmlFor={`${id}-role`}>{t('admitAs')}</label>
          <select
            id={`${id}-role`}
            name="role"
            value={role}
            onChange={(e) => isOneOf(membershipRoles, e.target.value) && setRole(e.target.value)}
          >
            {membershipRoles.map((r) => (
              <option key={r} value={r}>
                {labels.role(r)}
              </option>
            ))}
          </select>
        </div>
        <Field
          className="grow"
          label={t('decisionNote')}
          error={noteMissing && !note.trim() ? a('rejectNoteNeeded') : error?.fieldErrors().note}
          hint={a('decisionNoteHint')}
        >
          {(props) => (
            <input
              {...props}
              ref={noteBox}
              name="note"
              maxLength={DECISION_NOTE_MAX}
              value={note}
              onChange={(e) => setNote(e.target.value)}
            />
          )}
        </Field>
        <div className="decide-actions">
          <button type="submit" className="btn btn-primary" disabled={busy || askingReject}>
            {t('admit')}
          </button>
          <ConfirmButton
            label={t('reject')}
            question={a('rejectQuestion', { name: quoted(name, locale) })}
            confirmLabel={a('rejectConfirm')}
            disabled={busy}
            ready={() => {
              if (note.trim()) return true;
              setNoteMissing(true);
              noteBox.current?.focus();
              return false;
            }}
            onAsking={setAskingReject}
            onConfirm={() => decide(false)}
            testId="reject"
          />
        </div>
      </div>
    </form>
  );
}

import { useState } from 'react';
import { clusterDay, useFormat, useT } from '../i18n/index.ts';
import type { Organisation } from '../shell/types.ts';
import { ConfirmButton, ErrorState, Field, FormError, Loading } from '../shell/ui.tsx';
import { useResource } from '../shell/useResource.ts';
import { useSubmission } from '../shell/useSubmission.ts';
import { registryApi } from './api.ts';
import { useLabels } from './labels.ts';
import { memberDict } from './memberDict.ts';

/**
 * The organisation's membership, and leaving the cluster (its admin). The confirmation says
 * what leaving does, as the server does it: API keys revoked, users read-only, listings kept
 * but out of plans (the exchange skips listings of non-members), matches no longer acceptable.
 */
export function LeaveCluster({
  organisation,
  admin,
  onLeft,
}: {
  organisation: Organisation;
  admin: boolean;
  onLeft: () => void;
}) {
  const m = useT(memberDict);
  const fmt = useFormat();
  const labels = useLabels();
  const memberships = useResource(
    () => registryApi.organisationMemberships(organisation.id),
    [organisation.id, organisation.status],
  );
  const [note, setNote] = useState('');
  const { busy, error, run } = useSubmission();

  if (memberships.error)
    return (
      <section className="card">
        <ErrorState error={memberships.error} onRetry={memberships.reload} />
      </section>
    );
  if (!memberships.data) return <Loading />;
  const open = memberships.data.find((x) => x.leftOn === null);
  const last = [...memberships.data].sort((a, b) => (a.leftOn ?? '').localeCompare(b.leftOn ?? ''))[
    memberships.data.length - 1
  ];

  const leave = () =>
    run(async () => {
      if (!open) return;
      const trimmed = note.trim();
      await registryApi.endMembership(open.id, {
        // today as the cluster counts it, the calendar every page shows
        leftOn: clusterDay(Date.now()),
        ...(trimmed ? { note: trimmed } : {}),
      });
      memberships.reload();
      onLeft();
    });

  return (
    <section
      className="card member-leave"
      aria-labelledby="membership-title"
      data-testid="membership-card"
    >
      <h2 className="card-title" id="membership-title">
        {m('membershipTitle')}
      </h2>
      {open && organisation.status === 'member' ? (
        <>
          <p data-testid="membership-state">
            {m('memberSince', { date: fmt.date(open.joinedOn), role: labels.role(open.role) })}
          </p>
          {admin ? (
            <>
              <p className="muted small">{m('leaveLead')}</p>
              <ul className="leave-consequences small">
                <li>{m('leaveKeys')}</li>
                <li>{m('leaveRead')}</li>
                <li>{m('leaveListings')}</li>
                <li>{m('leaveHistory')}</li>
              </ul>
              <FormError error={error} placed={(f) => f === 'note'} />
              <Field label={m('leaveNote')} error={error?.fieldErrors().note}>
                {(p) => (
                  <input
                    {...p}
                    name="leaveNote"
                    value={note}
                    maxLength={1000}
                    onChange={(e) => setNote(e.target.value)}
                  />
                )}
              </Field>
              <ConfirmButton
                label={m('leave')}
                question={m('leaveQuestion')}
                confirmLabel={m('leaveYes')}
                disabled={busy}
                testId="leave-cluster"
                onConfirm={leave}
              />
            </>
          ) : (
            <p className="muted small">{m('leaveAdminOnly')}</p>
          )}
        </>
      ) : organisation.status === 'former' && last?.leftOn ? (
        <div className="alert alert-warning" data-testid="membership-state">
          <strong>{m('formerSince', { date: fmt.date(last.leftOn) })}</strong>
          <p>{m('formerText')}</p>
        </div>
      ) : (
        <p data-testid="membership-state">{m('notMember')}</p>
      )}
    </section>
  );
}

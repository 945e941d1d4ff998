// The deal's waste-licence checks (89-ФЗ art. 9): for class I–IV waste, whether the receiver
// and the carrier side hold a licence, as the server worded them in the UI's language. A
// warning beside the deal, never a block.
import { dictionary, useT } from '../i18n/index.ts';
import { href } from '../shell/router.ts';
import { useSession } from '../shell/session.tsx';
import type { DealView } from './api.ts';

export const licencesDict = dictionary(
  {
    title: 'Лицензии на обращение с отходами',
    lead: 'Отходы I–IV класса опасности собирают, транспортируют, обрабатывают, утилизируют, обезвреживают и размещают только по лицензии (89-ФЗ, ст. 9).',
    warnings: 'Не хватает лицензий: {n}. Сделка не блокируется — проверьте их у контрагента.',
    warningsYours:
      'Не хватает лицензий: {n}. Сделка не блокируется. Лицензии вашей организации внесите на странице «Моя организация».',
    warningsBoth:
      'Не хватает лицензий: {n}. Сделка не блокируется. Лицензии контрагента проверьте у него, лицензии вашей организации внесите на странице «Моя организация».',
    toOrganisation: 'Перейти к лицензиям',
    allFound: 'Все нужные лицензии внесены на платформу.',
    'status:found': 'есть',
    'status:missing': 'нет',
    'status:expired': 'не действует',
  },
  {
    title: 'Waste licences',
    lead: 'Waste of hazard classes I–IV is collected, transported, processed, utilised, neutralised and placed only under a licence (Federal Law 89-FZ, art. 9).',
    warnings: 'Licences missing: {n}. The deal is not blocked: check them with the other party.',
    warningsYours:
      "Licences missing: {n}. The deal is not blocked. Record your organisation's licences on the My organisation page.",
    warningsBoth:
      "Licences missing: {n}. The deal is not blocked. Check the other party's with it, and record your organisation's on the My organisation page.",
    toOrganisation: 'Go to the licences',
    allFound: 'Every licence needed is recorded on the platform.',
    'status:found': 'held',
    'status:missing': 'missing',
    'status:expired': 'not valid',
  },
);

export function LicencesCard({ licences }: { licences: DealView['licences'] }) {
  const t = useT(licencesDict);
  const { user } = useSession();
  // whose licences are wanting: the reader's own are for it to record, not to ask about
  const wanting = licences.checks.filter((c) => c.status !== 'found');
  const yours = wanting.filter((c) => c.holderId === user?.organisationId).length;
  const warning =
    yours === 0 ? 'warnings' : yours === wanting.length ? 'warningsYours' : 'warningsBoth';
  if (!licences.required && licences.notes.length === 0) return null;
  return (
    <section className="card" aria-labelledby="licences-title" data-testid="deal-licences">
      <h2 className="card-title" id="licences-title">
        {t('title')}
      </h2>
      {licences.required && <p className="muted small">{t('lead')}</p>}
      {licences.required &&
        (licences.warnings > 0 ? (
          <div className="alert alert-warning" role="status" data-testid="licence-warning">
            {t(warning, { n: licences.warnings })}
            {yours > 0 && (
              <>
                {' '}
                <a href={href('organisation')} data-testid="licence-own-link">
                  {t('toOrganisation')}
                </a>
              </>
            )}
          </div>
        ) : (
          <div className="alert alert-success" role="status">
            {t('allFound')}
          </div>
        ))}
      {licences.checks.length > 0 && (
        <ul className="stack" data-testid="licence-checks">
          {licences.checks.map((c) => (
            <li key={`${c.role}:${c.holderId}`} data-status={c.status} data-role={c.role}>
              <span className={c.status === 'found' ? 'badge' : 'badge badge-estimate'}>
                {t(`status:${c.status}`)}
              </span>{' '}
              {c.message}
            </li>
          ))}
        </ul>
      )}
      {licences.notes.map((n) => (
        <p key={n} className="muted small">
          {n}
        </p>
      ))}
    </section>
  );
}

import { useEffect, useRef, useState } from 'react';
import { locales, useLocale, useT } from '../i18n/index.ts';
import { AlarmIndicator } from './AlarmIndicator.tsx';
import { answer, client } from './api.ts';
import { shellDict } from './dict.ts';
import { loginDict } from './loginDict.ts';
import { href, mayLeave, navigate } from './router.ts';
import { isOperator, useSession } from './session.tsx';

const roleKey = {
  operator_admin: 'roleOperatorAdmin',
  org_admin: 'roleOrgAdmin',
  member: 'roleMember',
  observer: 'roleObserver',
} as const;

/** Sent when a decision changes what waits for the user, so that the badge follows at once. */
export const INBOX_CHANGED = 'digicluster:inbox-changed';

/** How many match proposals wait for the user's decision: read again on every navigation. */
function useInbox(loggedIn: boolean, section: string): number {
  const [count, setCount] = useState(0);
  const [bump, setBump] = useState(0);
  useEffect(() => {
    const again = () => setBump((n) => n + 1);
    window.addEventListener(INBOX_CHANGED, again);
    return () => window.removeEventListener(INBOX_CHANGED, again);
  }, []);
  useEffect(() => {
    if (!loggedIn) {
      setCount(0);
      return;
    }
    let live = true;
    // read again on every navigation (section) and decision (bump)
    void bump;
    void section;
    answer(client.GET('/api/v1/matches/inbox'))
      .then((inbox) => live && setCount(inbox.awaitingYou))
      // a badge is a hint: a failed read leaves it as it was
      .catch(() => {});
    return () => {
      live = false;
    };
  }, [loggedIn, section, bump]);
  return count;
}

/** The count of matches awaiting the user's answer, read aloud in words. */
function InboxBadge({ n, testId }: { n: number; testId: string }) {
  const t = useT(shellDict);
  return (
    <span className="nav-badge" data-testid={testId} title={t('inboxBadge', { n })}>
      <span aria-hidden="true">{n}</span>
      <span className="visually-hidden">{t('inboxBadge', { n })}</span>
    </span>
  );
}

/**
 * The header's height as `--topbar-height` on the page: the page scrolls a focused box below the
 * sticky header (styles.css), however many lines the header takes on a narrow screen.
 */
function useTopbarHeight() {
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    const bar = ref.current;
    if (!bar) return;
    const root = document.documentElement;
    const measure = () => root.style.setProperty('--topbar-height', `${bar.offsetHeight}px`);
    measure();
    const watch = new ResizeObserver(measure);
    watch.observe(bar);
    return () => watch.disconnect();
  }, []);
  return ref;
}

export function Header({ section }: { section: string }) {
  const bar = useTopbarHeight();
  const t = useT(shellDict);
  const lt = useT(loginDict);
  const { locale, setLocale } = useLocale();
  const { user, logout } = useSession();
  const [open, setOpen] = useState(false);
  const inbox = useInbox(Boolean(user), section);

  const links: Array<{ key: string; to: string; label: string; show: boolean; narrow?: boolean }> =
    [
      { key: '', to: '#/', label: t('navOverview'), show: true },
      { key: 'participants', to: href('participants'), label: t('navParticipants'), show: true },
      { key: 'marketplace', to: href('marketplace'), label: t('navMarketplace'), show: true },
      { key: 'knowledge', to: href('knowledge'), label: t('navKnowledge'), show: true },
      { key: 'plan', to: href('plan'), label: t('navPlan'), show: Boolean(user) },
      { key: 'matches', to: href('matches'), label: t('navMatches'), show: Boolean(user) },
      { key: 'deals', to: href('deals'), label: t('navDeals'), show: Boolean(user) },
      { key: 'flows', to: href('flows'), label: t('navFlows'), show: Boolean(user) },
      { key: 'impact', to: href('impact'), label: t('navImpact'), show: Boolean(user) },
      {
        key: 'governance',
        to: href('governance'),
        label: t('navGovernance'),
        show: Boolean(user),
      },
      {
        key: 'assessment',
        to: href('assessment'),
        label: t('navAssessment'),
        show: Boolean(user),
      },
      { key: 'plant', to: href('plant'), label: t('navPlant'), show: Boolean(user) },
      { key: 'apply', to: href('apply'), label: t('navApply'), show: !user },
      {
        key: 'admin',
        to: href('admin', 'applications'),
        label: t('navAdmission'),
        show: isOperator(user),
      },
      {
        key: 'organisation',
        to: href('organisation'),
        label: t('navOrganisation'),
        show: Boolean(user),
      },
      { key: 'data', to: href('data'), label: t('navData'), show: true },
      // where the user's name (the way to the account) is hidden, the menu has the account
      {
        key: 'account',
        to: href('account'),
        label: lt('account'),
        show: Boolean(user),
        narrow: true,
      },
    ];

  return (
    <header className="topbar" ref={bar}>
      <div className="topbar-inner">
        <a className="brand" href="#/">
          <svg className="brand-mark" viewBox="0 0 32 32" aria-hidden="true">
            <rect width="32" height="32" rx="7" fill="#f2b134" />
            <circle cx="10" cy="11" r="4" fill="#1f3a5f" />
            <circle cx="22" cy="11" r="4" fill="#1f3a5f" />
            <circle cx="16" cy="22" r="4" fill="#1f3a5f" />
            <path d="M10 11 22 11 16 22Z" fill="none" stroke="#1f3a5f" strokeWidth="1.5" />
          </svg>
          <span className="brand-text">
            <span className="brand-name">{t('brand')}</span>
            <span className="brand-sub">{t('brandSub')}</span>
          </span>
        </a>
        <button
          type="button"
          className="menu-toggle"
          aria-expanded={open}
          aria-controls="main-nav"
          onClick={() => setOpen((o) => !o)}
        >
          {t('menu')}
          {/* on a phone the menu hides the matches awaiting an answer: the button counts them */}
          {inbox > 0 && !open && <InboxBadge n={inbox} testId="menu-inbox-badge" />}
        </button>
        <nav id="main-nav" className={open ? 'nav open' : 'nav'} aria-label={t('menu')}>
          {links
            .filter((l) => l.show)
            .map((l) => (
              <a
                key={l.key}
                href={l.to}
                className={`nav-link${section === l.key ? ' active' : ''}${l.narrow ? ' nav-narrow-only' : ''}`}
                aria-current={section === l.key ? 'page' : undefined}
                onClick={() => setOpen(false)}
              >
                {l.label}
                {l.key === 'matches' && inbox > 0 && <InboxBadge n={inbox} testId="inbox-badge" />}
              </a>
            ))}
        </nav>
        <div className="topbar-tools">
          {/* alarms are an organisation's: the operator has none */}
          <AlarmIndicator enabled={Boolean(user) && !isOperator(user)} section={section} />
          <fieldset className="lang" aria-label={t('language')}>
            {locales.map((l) => (
              <button
                key={l}
                type="button"
                className={locale === l ? 'lang-btn active' : 'lang-btn'}
                aria-pressed={locale === l}
                lang={l}
                onClick={() => setLocale(l)}
              >
                {l.toUpperCase()}
              </button>
            ))}
          </fieldset>
          {user ? (
            <div className="user">
              {/* the user's menu: the name opens the account page (password, sessions) */}
              <a
                className="user-name"
                href={href('account')}
                title={`${t('loggedInAs', { name: user.email })} · ${lt('account')}`}
                aria-current={section === 'account' ? 'page' : undefined}
                data-testid="account-link"
              >
                {user.name}
                <span className="user-role">{t(roleKey[user.role])}</span>
              </a>
              <button
                type="button"
                className="btn btn-small btn-on-dark"
                onClick={async () => {
                  // unsaved work is lost with the session: ask before, not after
                  if (!mayLeave()) return;
                  await logout();
                  navigate();
                }}
              >
                {t('logout')}
              </button>
            </div>
          ) : user === null ? (
            <a className="btn btn-small btn-on-dark" href={href('login')}>
              {t('login')}
            </a>
          ) : null}
        </div>
      </div>
    </header>
  );
}

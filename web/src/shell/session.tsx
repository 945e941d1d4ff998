import { createContext, type ReactNode, useCallback, useContext, useEffect, useState } from 'react';
import { decimalMarkOf, type Locale, LocaleContext } from '../i18n/index.ts';
import { setApiLanguage } from './api.ts';
import { authApi } from './auth.ts';
import { shellDict } from './dict.ts';
import {
  type ChoiceStorage,
  confirmPending,
  dropPending,
  localeAtStart,
  markPending,
} from './localeChoice.ts';
import { setPageDecimalMark } from './numbers.ts';
import type { User } from './types.ts';

const LOCALE_KEY = 'digicluster.locale';
/** Set when somebody picks a language on this device while logged out: it wins at the next login. */
const CHOSEN_KEY = 'digicluster.locale.chosen';

interface Session {
  /** undefined while the session is being checked, null when nobody is logged in */
  user: User | null | undefined;
  login: (email: string, password: string) => Promise<User>;
  logout: () => Promise<void>;
  /** asks the server again who is logged in (after a call that opened a session itself) */
  refresh: () => Promise<void>;
}

const SessionContext = createContext<Session>({
  user: undefined,
  login: () => Promise.reject(new Error('no session provider')),
  logout: () => Promise.resolve(),
  refresh: () => Promise.resolve(),
});

/**
 * Pages that are no place to come back to after logging in: the login itself, the one-time
 * links, and the applicant's pages (a member has left them behind).
 */
const noReturn = /^#\/?(login|invitation|reset|apply|application)(\/|\?|$)/;
let returnTo = '';

/** Remembers the page being left for the login page (user walk L6). */
function rememberPage(from: string) {
  if (from && !noReturn.test(from)) returnTo = from;
}

/**
 * Where to go after logging in: the login page's `?next=`, else the page the user was on
 * before opening the login page, else the overview.
 */
export function pageAfterLogin(): string {
  const i = window.location.hash.indexOf('?');
  const next = new URLSearchParams(i >= 0 ? window.location.hash.slice(i + 1) : '').get('next');
  // only a page of this app: a hash route, never another origin
  if (next?.startsWith('#/') && !noReturn.test(next)) return next;
  return returnTo || '#/';
}

export const useSession = () => useContext(SessionContext);

function storedLocale(): Locale {
  try {
    return localStorage.getItem(LOCALE_KEY) === 'en' ? 'en' : 'ru';
  } catch {
    return 'ru';
  }
}

function store(key: string, value: string | null) {
  try {
    if (value === null) localStorage.removeItem(key);
    else localStorage.setItem(key, value);
  } catch {
    // private mode: the choice lasts for this page only
  }
}

/** This device's storage; a refusal (private mode) is caught by localeChoice's functions. */
const device: ChoiceStorage = {
  getItem: (k) => localStorage.getItem(k),
  setItem: (k, v) => localStorage.setItem(k, v),
  removeItem: (k) => localStorage.removeItem(k),
};

function chosenBeforeLogin(): boolean {
  try {
    return localStorage.getItem(CHOSEN_KEY) === '1';
  } catch {
    return false;
  }
}

/**
 * The logged-in user and the language. Before login the language lives in localStorage;
 * a logged-in user's choice is saved on their account (PATCH /api/v1/auth/me). A language
 * chosen on this device before logging in is the latest intent: at login it replaces the
 * account's one; without such a choice the account's language wins. A signed-in user's choice
 * stays pending on this device until the server confirms it, so a reload at once keeps it
 * (localeChoice.ts); on other devices the account's language applies.
 */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<User | null | undefined>(undefined);
  const [locale, setLocaleState] = useState<Locale>(() => {
    const l = storedLocale();
    setApiLanguage(l); // before the first request
    return l;
  });

  const applyLocale = useCallback((l: Locale) => {
    setApiLanguage(l);
    setLocaleState(l);
    store(LOCALE_KEY, l);
  }, []);

  useEffect(() => {
    const left = (e: HashChangeEvent) => rememberPage(new URL(e.oldURL).hash);
    window.addEventListener('hashchange', left);
    return () => window.removeEventListener('hashchange', left);
  }, []);

  /** Saves a signed-in user's language on the account; pending on this device until confirmed. */
  const saveLocale = useCallback((userId: string, l: Locale) => {
    markPending(device, userId, l, Date.now());
    authApi.updateMe({ locale: l }).then(
      (u) => {
        confirmPending(device, userId, l);
        setUser(u);
      },
      () => {}, // stays pending: the next page start on this device saves it again
    );
  }, []);

  useEffect(() => {
    authApi.me().then(
      (me) => {
        if (!me.user) {
          dropPending(device);
          setUser(null);
          return;
        }
        // a choice clicked just before a reload may not have reached the account yet
        const start = localeAtStart(device, me.user, Date.now());
        setUser({ ...me.user, locale: start.locale });
        applyLocale(start.locale);
        if (start.resend) saveLocale(me.user.id, start.locale);
      },
      () => setUser(null),
    );
  }, [applyLocale, saveLocale]);

  useEffect(() => {
    document.documentElement.lang = locale;
    // the tab's title too: a Russian one stayed on English pages (user walk)
    document.title = shellDict[locale].documentTitle;
    setApiLanguage(locale);
  }, [locale]);

  const setLocale = useCallback(
    (l: Locale) => {
      applyLocale(l);
      if (user) {
        saveLocale(user.id, l);
      } else {
        store(CHOSEN_KEY, '1');
      }
    },
    [user, applyLocale, saveLocale],
  );

  const login = useCallback(
    async (email: string, password: string) => {
      const u = await authApi.login(email, password);
      dropPending(device); // a previous session's choice is not this login's
      if (chosenBeforeLogin() && u.locale !== locale) {
        // the language picked on this device before logging in is the latest intent
        store(CHOSEN_KEY, null);
        setUser({ ...u, locale });
        saveLocale(u.id, locale);
        return { ...u, locale };
      }
      store(CHOSEN_KEY, null);
      setUser(u);
      applyLocale(u.locale);
      return u;
    },
    [applyLocale, saveLocale, locale],
  );

  const logout = useCallback(async () => {
    await authApi.logout().catch(() => {});
    dropPending(device);
    setUser(null);
  }, []);

  const refresh = useCallback(async () => {
    const me = await authApi.me();
    setUser(me.user);
  }, []);

  // set while rendering, so the forms below read numbers by the language they are shown in
  setPageDecimalMark(decimalMarkOf(locale));
  return (
    <SessionContext.Provider value={{ user, login, logout, refresh }}>
      <LocaleContext.Provider value={{ locale, setLocale }}>{children}</LocaleContext.Provider>
    </SessionContext.Provider>
  );
}

export const isOperator = (user: User | null | undefined) => user?.role === 'operator_admin';
/** An observer (a regional ministry's analyst, say): reads, never trades or decides. */
export const isObserver = (user: User | null | undefined) => user?.role === 'observer';
export const isOrgAdmin = (user: User | null | undefined) =>
  user?.role === 'org_admin' || user?.role === 'operator_admin';

import { createContext, type ReactNode, useCallback, useContext, useEffect, useState } from 'react';
import { type Locale, LocaleContext } from '../i18n/index.ts';
import { api } from './api.ts';
import type { User } from './types.ts';

const LOCALE_KEY = 'digicluster.locale';

interface Session {
  /** undefined while the session is being checked, null when nobody is logged in */
  user: User | null | undefined;
  login: (email: string, password: string) => Promise<User>;
  logout: () => Promise<void>;
}

const SessionContext = createContext<Session>({
  user: undefined,
  login: () => Promise.reject(new Error('no session provider')),
  logout: () => Promise.resolve(),
});

export const useSession = () => useContext(SessionContext);

function storedLocale(): Locale {
  try {
    return localStorage.getItem(LOCALE_KEY) === 'en' ? 'en' : 'ru';
  } catch {
    return 'ru';
  }
}

/**
 * The logged-in user and the language. Before login the language lives in localStorage;
 * a logged-in user's choice is saved on their account (PATCH /api/v1/auth/me).
 */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<User | null | undefined>(undefined);
  const [locale, setLocaleState] = useState<Locale>(storedLocale);

  const applyLocale = useCallback((l: Locale) => {
    setLocaleState(l);
    try {
      localStorage.setItem(LOCALE_KEY, l);
    } catch {
      // private mode: the choice lasts for this page only
    }
  }, []);

  useEffect(() => {
    api.get<{ user: User | null }>('/api/v1/auth/me').then(
      (me) => {
        setUser(me.user);
        if (me.user) applyLocale(me.user.locale);
      },
      () => setUser(null),
    );
  }, [applyLocale]);

  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  const setLocale = useCallback(
    (l: Locale) => {
      applyLocale(l);
      if (user) {
        api.patch<User>('/api/v1/auth/me', { locale: l }).then(setUser, () => {});
      }
    },
    [user, applyLocale],
  );

  const login = useCallback(
    async (email: string, password: string) => {
      const u = await api.post<User>('/api/v1/auth/login', { email, password });
      setUser(u);
      applyLocale(u.locale);
      return u;
    },
    [applyLocale],
  );

  const logout = useCallback(async () => {
    await api.post('/api/v1/auth/logout').catch(() => {});
    setUser(null);
  }, []);

  return (
    <SessionContext.Provider value={{ user, login, logout }}>
      <LocaleContext.Provider value={{ locale, setLocale }}>{children}</LocaleContext.Provider>
    </SessionContext.Provider>
  );
}

export const isOperator = (user: User | null | undefined) => user?.role === 'operator_admin';
export const isOrgAdmin = (user: User | null | undefined) =>
  user?.role === 'org_admin' || user?.role === 'operator_admin';

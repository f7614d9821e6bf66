import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { translate, type Locale, type MessageKey } from '../i18n/messages';
import { api, ApiFailure } from './api';
import { defaultTimeZone } from './format';

export type UserRole =
  | 'system_admin'
  | 'tpps_chair'
  | 'tpps_secretary'
  | 'opd_officer'
  | 'opd_head'
  | 'aks_technical'
  | 'aks_expert'
  | 'province_viewer';

export interface CurrentUser {
  id: string;
  username: string;
  displayName: string;
  email: string;
  roles: UserRole[];
  regencyCode: string | null;
  provinceCode: string | null;
  unit: { id: string; code: string; name: string } | null;
}

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

interface AppState {
  locale: Locale;
  setLocale: (locale: Locale) => void;
  t: Translate;
  /** undefined while the silent refresh at start-up is still running. */
  user: CurrentUser | null | undefined;
  reloadUser: () => Promise<void>;
  timeZone: string;
  /** The regency's holidays (YYYY-MM-DD), so "N hari kerja lagi" skips them like the deadlines do. */
  holidays: ReadonlySet<string>;
}

/** The local day `offset` days from now, YYYY-MM-DD in UTC terms (a range bound, not a due day). */
function dayFromNow(offset: number): string {
  return new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
}

const AppContext = createContext<AppState | null>(null);

const localeKey = 'konvergensi.locale';

function initialLocale(): Locale {
  try {
    return window.localStorage.getItem(localeKey) === 'en' ? 'en' : 'id';
  } catch {
    return 'id';
  }
}

export function AppProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(initialLocale);
  const [user, setUser] = useState<CurrentUser | null | undefined>(undefined);
  const [timeZone, setTimeZone] = useState(defaultTimeZone);
  const [holidays, setHolidays] = useState<ReadonlySet<string>>(new Set());

  const setLocale = useCallback((next: Locale) => {
    setLocaleState(next);
    try {
      window.localStorage.setItem(localeKey, next);
    } catch {
      // Private browsing: the choice lasts for this page only.
    }
  }, []);

  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  const reloadUser = useCallback(async () => {
    if (!api.signedIn) {
      setUser(null);
      return;
    }
    try {
      const me = await api.get<CurrentUser>('/api/v1/me');
      setUser(me);
      if (me.regencyCode) {
        const region = await api
          .get<{ timeZone?: string | null }>(`/api/v1/regions/${me.regencyCode}`)
          .catch(() => undefined);
        setTimeZone(region?.timeZone ?? defaultTimeZone);
        const calendar = await api
          .get<{ days: { date: string }[] }>(
            `/api/v1/regencies/${me.regencyCode}/holidays?from=${dayFromNow(-30)}&to=${dayFromNow(365)}`,
          )
          .catch(() => undefined);
        setHolidays(new Set(calendar?.days.map((d) => d.date) ?? []));
      }
    } catch (error) {
      if (error instanceof ApiFailure && error.status === 401) setUser(null);
      else throw error;
    }
  }, []);

  useEffect(() => {
    // A reload keeps the session: the refresh cookie gives a new access token silently.
    void api.refresh().then(() => reloadUser());
    return api.onSessionChange((signedIn) => {
      if (!signedIn) setUser(null);
    });
  }, [reloadUser]);

  const value = useMemo<AppState>(
    () => ({
      locale,
      setLocale,
      t: (key, params) => translate(locale, key, params),
      user,
      reloadUser,
      timeZone,
      holidays,
    }),
    [locale, setLocale, user, reloadUser, timeZone, holidays],
  );
  return <AppContext.Provider value={value}>{children}</AppContext.Provider>;
}

export function useApp(): AppState {
  const state = useContext(AppContext);
  if (!state) throw new Error('useApp outside AppProvider');
  return state;
}

export function hasRole(user: CurrentUser | null | undefined, ...roles: UserRole[]): boolean {
  return !!user && user.roles.some((role) => roles.includes(role));
}

export function isLeadership(user: CurrentUser | null | undefined): boolean {
  return hasRole(user, 'tpps_chair', 'tpps_secretary');
}

/** Where a user lands after logging in: the screen that answers their question. */
export function homePathFor(user: CurrentUser): string {
  if (hasRole(user, 'tpps_chair', 'tpps_secretary')) return '/dasbor';
  if (hasRole(user, 'opd_officer', 'opd_head')) return '/tugas';
  if (hasRole(user, 'aks_technical', 'aks_expert')) return '/aks';
  if (hasRole(user, 'province_viewer')) return '/provinsi';
  if (hasRole(user, 'system_admin')) return '/admin';
  return '/tugas';
}

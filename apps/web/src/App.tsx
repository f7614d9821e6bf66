import { lazy, Suspense, useEffect } from 'react';
import { PageHeading } from './components/ui';
import type { Locale } from './i18n/messages';
import { api } from './lib/api';
import { AppProvider, hasRole, homePathFor, isLeadership, useApp } from './lib/app-context';
import { Link, matchPath, navigate, useLocation } from './lib/router';
import { AccountPage } from './pages/AccountPage';
import { ActionPage } from './pages/ActionPage';
import { AksPage } from './pages/AksPage';
import { DashboardPage } from './pages/DashboardPage';
import { InboxPage } from './pages/InboxPage';
import { ForgotPasswordPage, LoginPage, ResetPasswordPage } from './pages/LoginPage';
import { ProvincePage } from './pages/ProvincePage';
import { ReportPage } from './pages/ReportPage';
import { SystemStatusPage } from './pages/SystemStatusPage';
import { TaskPage } from './pages/TaskPage';

// Administration is used by few people: its own chunk keeps the officers' first load small.
const AdminPage = lazy(() => import('./admin/AdminPage'));

const publicPaths = ['/masuk', '/lupa-kata-sandi', '/atur-ulang-kata-sandi', '/status'];

export function App() {
  return (
    <AppProvider>
      <Shell />
    </AppProvider>
  );
}

function Shell() {
  const { t, user, locale, setLocale } = useApp();
  const location = useLocation();
  const isPublic = publicPaths.includes(location.path);

  useEffect(() => {
    if (user === null && !isPublic) {
      const next = location.path === '/' ? '' : `?lanjut=${encodeURIComponent(location.path + window.location.search)}`;
      navigate(`/masuk${next}`, { replace: true });
    }
    if (user && location.path === '/') navigate(homePathFor(user), { replace: true });
  }, [user, isPublic, location.path]);

  const links = user
    ? [
        ...(isLeadership(user) || hasRole(user, 'province_viewer')
          ? [{ href: '/dasbor', label: t('navDashboard') }]
          : []),
        ...(hasRole(user, 'province_viewer') ? [{ href: '/provinsi', label: t('navProvince') }] : []),
        ...(hasRole(user, 'opd_officer', 'opd_head', 'tpps_chair', 'tpps_secretary')
          ? [{ href: '/tugas', label: t('navInbox') }]
          : []),
        // Stage owners (OPD staff) review the other units' submissions of their stages too.
        ...(isLeadership(user) || hasRole(user, 'opd_officer', 'opd_head')
          ? [{ href: '/persetujuan', label: t('navApprovals') }]
          : []),
        ...(hasRole(user, 'aks_technical', 'aks_expert', 'tpps_secretary')
          ? [{ href: '/aks', label: t('navAks') }]
          : []),
        ...(isLeadership(user) ? [{ href: '/laporan', label: t('navReport') }] : []),
        ...(hasRole(user, 'system_admin', 'tpps_secretary') ? [{ href: '/admin', label: t('navAdmin') }] : []),
      ]
    : [];

  return (
    <>
      <a href="#main" className="skip-link">
        {t('skipToContent')}
      </a>
      <header className="topbar">
        <Link href="/" className="brand">
          {t('appShortTitle')}
        </Link>
        {links.length > 0 && (
          <nav aria-label={t('mainNavigation')} className="nav">
            <ul>
              {links.map((link) => (
                <li key={link.href}>
                  <Link
                    href={link.href}
                    aria-current={
                      location.path === link.href || location.path.startsWith(`${link.href}/`) ? 'page' : undefined
                    }
                  >
                    {link.label}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
        )}
        <div className="topbar-tools">
          <label>
            <span className="sr-only">{t('language')}</span>
            <select
              value={locale}
              onChange={(event) => setLocale(event.target.value as Locale)}
              aria-label={t('language')}
            >
              <option value="id">Bahasa Indonesia</option>
              <option value="en">English</option>
            </select>
          </label>
          {user && (
            <>
              <Link href="/akun" className="who" data-testid="current-user" aria-label={t('accountTitle')}>
                {user.displayName}
                {user.unit ? ` · ${user.unit.name}` : ''}
              </Link>
              <button
                type="button"
                className="button link"
                onClick={() => void api.logout().then(() => navigate('/masuk', { replace: true }))}
              >
                {t('signOut')}
              </button>
            </>
          )}
        </div>
      </header>
      <main id="main" className="page">
        {user === undefined && !isPublic ? (
          <p role="status">{t('loading')}</p>
        ) : (
          <Routes path={location.path} query={location.query} />
        )}
      </main>
    </>
  );
}

function Routes({ path, query }: { path: string; query: URLSearchParams }) {
  const { t, user } = useApp();
  const thisYear = new Date().getFullYear();
  const thisSemester = new Date().getMonth() < 6 ? 1 : 2;
  if (path === '/masuk') return <LoginPage />;
  if (path === '/lupa-kata-sandi') return <ForgotPasswordPage />;
  if (path === '/atur-ulang-kata-sandi') return <ResetPasswordPage token={query.get('token') ?? ''} />;
  if (path === '/status') return <SystemStatusPage />;
  if (!user) return null;
  if (path === '/akun') return <AccountPage />;
  if (path === '/tugas') return <InboxPage />;
  if (path === '/persetujuan') return <InboxPage approvals />;
  if (path === '/provinsi') return <ProvincePage />;
  if (path === '/dasbor') {
    const year = Number(query.get('tahun')) || undefined;
    if (user.regencyCode) return <DashboardPage key={year} regencyCode={user.regencyCode} year={year} />;
    return <ProvincePage />;
  }
  if (path === '/aks') return <AksPage key={`${thisYear}-${thisSemester}`} year={thisYear} semester={thisSemester} />;
  if (path === '/laporan') return <ReportPage year={thisYear} semester={thisSemester} />;
  if (path === '/admin')
    return (
      <Suspense fallback={<p role="status">{t('loading')}</p>}>
        <AdminPage />
      </Suspense>
    );
  let params = matchPath('/tugas/:id', path);
  if (params) return <TaskPage key={params.id} id={params.id} />;
  params = matchPath('/dasbor/:code', path);
  if (params) {
    const year = Number(query.get('tahun')) || undefined;
    return <DashboardPage key={`${params.code}-${year}`} regencyCode={params.code} year={year} />;
  }
  params = matchPath('/aksi/:code/:year/:action', path);
  if (params) return <ActionPage regencyCode={params.code} year={params.year} actionCode={params.action} />;
  params = matchPath('/aks/:year/:semester', path);
  if (params) return <AksPage key={path} year={Number(params.year)} semester={Number(params.semester) === 2 ? 2 : 1} />;
  params = matchPath('/laporan/:year/:semester', path);
  if (params)
    return <ReportPage key={path} year={Number(params.year)} semester={Number(params.semester) === 2 ? 2 : 1} />;
  return (
    <>
      <PageHeading>{t('notFoundTitle')}</PageHeading>
      <p>
        <Link href="/">{t('goHome')}</Link>
      </p>
    </>
  );
}

import { useEffect, useState } from 'react';
import { formatDateTime, translate, type Locale, type MessageKey } from './i18n/messages';

interface HealthReport {
  status: 'ok' | 'degraded';
  services: Record<'postgres' | 'temporal' | 'smtp', 'up' | 'down'>;
  checkedAt: string;
}

export function App() {
  const [locale, setLocale] = useState<Locale>('id');
  const [health, setHealth] = useState<HealthReport | null>(null);
  const [failed, setFailed] = useState(false);
  const t = (key: MessageKey) => translate(locale, key);

  useEffect(() => {
    fetch('/api/health')
      .then((response) => response.json() as Promise<HealthReport>)
      .then(setHealth)
      .catch(() => setFailed(true));
  }, []);

  return (
    <main className="page">
      <header className="header">
        <h1>{t('appTitle')}</h1>
        <label>
          {t('language')}{' '}
          <select value={locale} onChange={(event) => setLocale(event.target.value as Locale)}>
            <option value="id">Bahasa Indonesia</option>
            <option value="en">English</option>
          </select>
        </label>
      </header>
      <section aria-labelledby="status-heading">
        <h2 id="status-heading">{t('systemStatus')}</h2>
        {failed && <p role="alert">{t('loadFailed')}</p>}
        {!health && !failed && <p>{t('loading')}</p>}
        {health && (
          <>
            <ul className="services">
              {(['postgres', 'temporal', 'smtp'] as const).map((service) => (
                <li key={service} data-state={health.services[service]}>
                  <span>{t(service)}</span>{' '}
                  <strong>{health.services[service] === 'up' ? t('serviceUp') : t('serviceDown')}</strong>
                </li>
              ))}
            </ul>
            <p className="muted">
              {t('checkedAt')} {formatDateTime(locale, new Date(health.checkedAt))}
            </p>
          </>
        )}
      </section>
      <p>
        <a href="/api/docs">{t('apiDocs')}</a>
      </p>
    </main>
  );
}

import { useEffect, useState } from 'react';
import { PageHeading } from '../components/ui';
import { useApp } from '../lib/app-context';
import { formatDateTimeShort } from '../lib/format';

interface HealthReport {
  status: 'ok' | 'degraded';
  services: Record<'postgres' | 'temporal' | 'smtp', 'up' | 'down'>;
  checkedAt: string;
}

/** /status: whether the database, the workflow engine and the mail server answer (no login). */
export function SystemStatusPage() {
  const { t, locale, timeZone } = useApp();
  const [health, setHealth] = useState<HealthReport | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    fetch('/api/health')
      .then((response) => response.json() as Promise<HealthReport>)
      .then(setHealth)
      .catch(() => setFailed(true));
  }, []);

  return (
    <>
      <PageHeading>{t('systemStatus')}</PageHeading>
      <p className="muted">{t('appTitle')}</p>
      {failed && (
        <p role="alert" className="note note-error">
          {t('loadFailed')}
        </p>
      )}
      {!health && !failed && <p role="status">{t('loading')}</p>}
      {health && (
        <>
          <ul className="plain">
            {(['postgres', 'temporal', 'smtp'] as const).map((service) => (
              <li key={service} data-state={health.services[service]}>
                <span>{t(service)}</span>:{' '}
                <strong className={health.services[service] === 'up' ? undefined : 'text-late'}>
                  {health.services[service] === 'up' ? t('serviceUp') : t('serviceDown')}
                </strong>
              </li>
            ))}
          </ul>
          <p className="muted">
            {t('checkedAt')} {formatDateTimeShort(locale, health.checkedAt, timeZone)}
          </p>
        </>
      )}
      <p>
        <a href="/api/docs">{t('apiDocs')}</a>
      </p>
    </>
  );
}

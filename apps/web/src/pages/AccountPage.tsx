import { useState, type FormEvent } from 'react';
import { NewPasswordFields, newPasswordProblems } from '../components/NewPasswordFields';
import { ErrorNote, PageHeading, ResourceView } from '../components/ui';
import { api } from '../lib/api';
import { useApp } from '../lib/app-context';
import { deviceLabel } from '../lib/device-label';
import { formatDateTimeShort } from '../lib/format';
import { useResource } from '../lib/use-resource';

interface SessionView {
  id: string;
  startedAt: string;
  lastSeenAt: string;
  userAgent: string | null;
  current: boolean;
}

/** The signed-in person's own account: change the password, see and end sessions on other devices. */
export function AccountPage() {
  const { t } = useApp();
  return (
    <div className="narrow">
      <PageHeading>{t('accountTitle')}</PageHeading>
      <PasswordChange />
      <Sessions />
    </div>
  );
}

function PasswordChange() {
  const { t } = useApp();
  const [current, setCurrent] = useState('');
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const [error, setError] = useState<unknown>();
  const { tooShort, mismatch } = newPasswordProblems(password, repeat);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!current || !password || tooShort || mismatch) return;
    setBusy(true);
    setError(undefined);
    setDone(false);
    try {
      await api.post('/api/v1/me/password', { currentPassword: current, newPassword: password });
      setDone(true);
      setCurrent('');
      setPassword('');
      setRepeat('');
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="password-change">
      <h2 id="password-change">{t('changePasswordTitle')}</h2>
      <form onSubmit={submit} className="form" noValidate>
        {error !== undefined && <ErrorNote error={error} />}
        {done && (
          <p role="status" className="note note-ok">
            {t('passwordChanged')}
          </p>
        )}
        <div className="field">
          <label className="field-label">
            <span>{t('currentPassword')}</span>
            <input
              type="password"
              autoComplete="current-password"
              value={current}
              onChange={(e) => setCurrent(e.target.value)}
            />
          </label>
        </div>
        <NewPasswordFields
          password={password}
          repeat={repeat}
          onPassword={setPassword}
          onRepeat={setRepeat}
          hint={t('passwordHintCommon')}
          idPrefix="account-password"
        />
        <button
          type="submit"
          className="button primary"
          disabled={busy || !current || !password || tooShort || mismatch}
        >
          {t('savePassword')}
        </button>
      </form>
    </section>
  );
}

function Sessions() {
  const { t, locale } = useApp();
  const sessions = useResource<SessionView[]>('/api/v1/me/sessions');
  const [error, setError] = useState<unknown>();

  const end = async (id: string) => {
    setError(undefined);
    try {
      await api.delete(`/api/v1/me/sessions/${id}`);
      sessions.reload();
    } catch (failure) {
      setError(failure);
    }
  };

  return (
    <section aria-labelledby="sessions">
      <h2 id="sessions">{t('sessionsTitle')}</h2>
      <p className="muted">{t('sessionsIntro')}</p>
      {error !== undefined && <ErrorNote error={error} />}
      <ResourceView resource={sessions} what={t('sessionsTitle')}>
        {(list) => (
          <ul className="plain-list" data-testid="sessions">
            {list.map((session) => (
              <li key={session.id}>
                <strong title={session.userAgent ?? undefined}>
                  {deviceLabel(session.userAgent) ?? t('unknownDevice')}
                </strong>
                {session.current && <span className="badge">{t('thisDevice')}</span>}
                <br />
                <small className="muted">
                  {t('sessionStarted')} {formatDateTimeShort(locale, session.startedAt)} · {t('sessionLastSeen')}{' '}
                  {formatDateTimeShort(locale, session.lastSeenAt)}
                </small>
                {!session.current && (
                  <div>
                    <button type="button" className="button" onClick={() => void end(session.id)}>
                      {t('endSession')}
                    </button>
                  </div>
                )}
              </li>
            ))}
          </ul>
        )}
      </ResourceView>
    </section>
  );
}

import { useCallback, useState, type FormEvent } from 'react';
import { NewPasswordFields, newPasswordProblems } from '../components/NewPasswordFields';
import { EnrolmentForm, ProofForm, RecoveryCodes } from '../components/SecondFactor';
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

interface MfaStatus {
  enabled: boolean;
  enabledAt: string | null;
  required: boolean;
  recoveryCodesLeft: number;
}

/**
 * The signed-in person's own account: change the password, verifikasi dua langkah, see and end
 * sessions on other devices.
 */
export function AccountPage() {
  const { t } = useApp();
  return (
    <div className="narrow">
      <PageHeading>{t('accountTitle')}</PageHeading>
      <PasswordChange />
      <SecondFactorSettings />
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

type MfaAction = 'none' | 'enrol' | 'renew' | 'disable';

function SecondFactorSettings() {
  const { t, locale } = useApp();
  const status = useResource<MfaStatus>('/api/v1/me/mfa');
  const [action, setAction] = useState<MfaAction>('none');
  const [codes, setCodes] = useState<string[] | null>(null);
  const [turnedOff, setTurnedOff] = useState(false);
  const start = useCallback(
    () => api.post<{ secret: string; otpauthUri: string; qrSvg: string }>('/api/v1/me/mfa/enrolment'),
    [],
  );
  const confirm = useCallback(
    async (code: string) =>
      (await api.post<{ recoveryCodes: string[] }>('/api/v1/me/mfa/enrolment/confirm', { code })).recoveryCodes,
    [],
  );
  const done = () => {
    setAction('none');
    status.reload();
  };

  return (
    <section aria-labelledby="mfa-settings" data-testid="mfa-settings">
      <h2 id="mfa-settings">{t('mfaAccountTitle')}</h2>
      <ResourceView resource={status} what={t('mfaAccountTitle')}>
        {(mfa) =>
          codes ? (
            <RecoveryCodes
              codes={codes}
              onSaved={() => {
                setCodes(null);
                done();
              }}
            />
          ) : (
            <>
              {turnedOff && (
                <p role="status" className="note note-ok">
                  {t('mfaTurnedOff')}
                </p>
              )}
              <p>
                {mfa.enabled && mfa.enabledAt
                  ? t('mfaOn', { when: formatDateTimeShort(locale, new Date(mfa.enabledAt)), n: mfa.recoveryCodesLeft })
                  : t('mfaOff')}
              </p>
              {mfa.required && <p className="muted small">{t('mfaRequiredNote')}</p>}
              {action === 'enrol' && (
                <EnrolmentForm start={start} confirm={confirm} onEnrolled={(fresh) => setCodes(fresh)} />
              )}
              {action === 'renew' && (
                <ProofForm
                  submitLabel={t('mfaNewRecoveryCodes')}
                  onCancel={() => setAction('none')}
                  onProof={async (password, code) => {
                    const renewed = await api.post<{ recoveryCodes: string[] }>('/api/v1/me/mfa/recovery-codes', {
                      password,
                      code,
                    });
                    setCodes(renewed.recoveryCodes);
                  }}
                />
              )}
              {action === 'disable' && (
                <ProofForm
                  submitLabel={t('mfaTurnOff')}
                  onCancel={() => setAction('none')}
                  onProof={async (password, code) => {
                    await api.post('/api/v1/me/mfa/disable', { password, code });
                    setTurnedOff(true);
                    done();
                  }}
                />
              )}
              {action === 'none' && (
                <div className="actions">
                  {!mfa.enabled && (
                    <button
                      type="button"
                      className="button primary"
                      onClick={() => {
                        setTurnedOff(false);
                        setAction('enrol');
                      }}
                    >
                      {t('mfaTurnOn')}
                    </button>
                  )}
                  {mfa.enabled && (
                    <button type="button" className="button" onClick={() => setAction('renew')}>
                      {t('mfaNewRecoveryCodes')}
                    </button>
                  )}
                  {mfa.enabled && !mfa.required && (
                    <button type="button" className="button" onClick={() => setAction('disable')}>
                      {t('mfaTurnOff')}
                    </button>
                  )}
                </div>
              )}
            </>
          )
        }
      </ResourceView>
    </section>
  );
}

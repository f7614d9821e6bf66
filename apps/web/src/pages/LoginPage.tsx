import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { CodeField, EnrolmentForm, RecoveryCodes } from '../components/SecondFactor';
import { ErrorNote, PageHeading } from '../components/ui';
import { api, ApiFailure } from '../lib/api';
import { homePathFor, useApp } from '../lib/app-context';
import { Link, navigate } from '../lib/router';
import { NewPasswordFields, newPasswordProblems } from '../components/NewPasswordFields';

/** Where a login stands: the password, a code, a first enrolment, or the recovery codes to keep. */
type Step =
  | { kind: 'password' }
  | { kind: 'code'; challengeToken: string }
  | { kind: 'enrol'; challengeToken: string }
  | { kind: 'recoveryCodes'; codes: string[] };

export function LoginPage() {
  const { t, reloadUser, user } = useApp();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [step, setStep] = useState<Step>({ kind: 'password' });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();

  // The one place that leaves the login page once someone is signed in (already, or just now):
  // back to where they were sent from, if that is a path of this app, else their home screen.
  useEffect(() => {
    if (!user) return;
    const next = new URLSearchParams(window.location.search).get('lanjut');
    navigate(next && next.startsWith('/') && !next.startsWith('//') ? next : homePathFor(user), { replace: true });
  }, [user]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const next = await api.login(username, password);
      setPassword('');
      if (next.kind === 'signedIn') await reloadUser();
      else setStep(next);
    } catch (failure) {
      setError(failure instanceof ApiFailure ? failure : new ApiFailure(0, 'NETWORK_ERROR', ''));
    } finally {
      setBusy(false);
    }
  };

  const submitCode = async (event: FormEvent) => {
    event.preventDefault();
    if (step.kind !== 'code') return;
    setBusy(true);
    setError(undefined);
    try {
      await api.loginWithCode(step.challengeToken, code.trim());
      await reloadUser();
    } catch (failure) {
      setCode('');
      setError(failure instanceof ApiFailure ? failure : new ApiFailure(0, 'NETWORK_ERROR', ''));
      // A dead challenge (expired, too many wrong codes) needs the password again.
      if (failure instanceof ApiFailure && ['MFA_CHALLENGE_INVALID', 'ACCOUNT_LOCKED'].includes(failure.code))
        setStep({ kind: 'password' });
    } finally {
      setBusy(false);
    }
  };

  const challengeToken = step.kind === 'enrol' ? step.challengeToken : '';
  const startEnrolment = useCallback(() => api.startEnrolmentAtLogin(challengeToken), [challengeToken]);
  const confirmEnrolment = useCallback(
    (first: string) => api.confirmEnrolmentAtLogin(challengeToken, first),
    [challengeToken],
  );

  const backToPassword = (
    <p>
      <button type="button" className="button link" onClick={() => setStep({ kind: 'password' })}>
        {t('mfaBackToPassword')}
      </button>
    </p>
  );

  if (step.kind === 'code')
    return (
      <div className="narrow">
        <PageHeading>{t('mfaCodeTitle')}</PageHeading>
        <form onSubmit={submitCode} className="form" aria-describedby="code-intro">
          <p id="code-intro" className="muted">
            {t('mfaCodeIntro')}
          </p>
          <ErrorNote error={error} />
          <CodeField value={code} onChange={setCode} allowRecovery />
          <button type="submit" className="button primary" disabled={busy || !code.trim()}>
            {busy ? t('signingIn') : t('mfaVerify')}
          </button>
        </form>
        {backToPassword}
      </div>
    );

  if (step.kind === 'enrol')
    return (
      <div className="narrow">
        <PageHeading>{t('mfaEnrolTitle')}</PageHeading>
        <p className="note">{t('mfaEnrolRequired')}</p>
        <EnrolmentForm
          start={startEnrolment}
          confirm={confirmEnrolment}
          onEnrolled={(codes) => setStep({ kind: 'recoveryCodes', codes })}
        />
        {backToPassword}
      </div>
    );

  if (step.kind === 'recoveryCodes')
    return (
      <div className="narrow">
        <PageHeading>{t('mfaEnrolTitle')}</PageHeading>
        <RecoveryCodes codes={step.codes} onSaved={() => void reloadUser()} />
      </div>
    );

  return (
    <div className="narrow">
      <PageHeading>{t('loginTitle')}</PageHeading>
      <form onSubmit={submit} className="form" aria-describedby="login-intro">
        <p id="login-intro" className="muted">
          {t('loginIntro')}
        </p>
        <ErrorNote error={error} />
        <label className="field">
          <span>{t('username')}</span>
          <input
            name="username"
            autoComplete="username"
            required
            value={username}
            onChange={(e) => setUsername(e.target.value)}
          />
        </label>
        <label className="field">
          <span>{t('password')}</span>
          <input
            name="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </label>
        <button type="submit" className="button primary" disabled={busy}>
          {busy ? t('signingIn') : t('signIn')}
        </button>
        <p>
          <Link href="/lupa-kata-sandi">{t('forgotPassword')}</Link>
        </p>
        <p className="small">
          <Link href="/status">{t('systemStatus')}</Link>
        </p>
      </form>
    </div>
  );
}

export function ForgotPasswordPage() {
  const { t } = useApp();
  const [identifier, setIdentifier] = useState('');
  const [sent, setSent] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await api.post('/api/v1/auth/password-reset', { identifier });
      setSent(true);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="narrow">
      <PageHeading>{t('forgotTitle')}</PageHeading>
      {sent ? (
        <p role="status" className="note note-ok">
          {t('forgotSent')}
        </p>
      ) : (
        <form onSubmit={submit} className="form">
          <p className="muted">{t('forgotIntro')}</p>
          <ErrorNote error={error} />
          <label className="field">
            <span>{t('usernameOrEmail')}</span>
            <input
              name="identifier"
              autoComplete="username"
              required
              value={identifier}
              onChange={(e) => setIdentifier(e.target.value)}
            />
          </label>
          <button type="submit" className="button primary" disabled={busy}>
            {t('sendResetLink')}
          </button>
        </form>
      )}
      <p>
        <Link href="/masuk">{t('backToLogin')}</Link>
      </p>
    </div>
  );
}

export function ResetPasswordPage({ token }: { token: string }) {
  const { t } = useApp();
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const { tooShort, mismatch } = newPasswordProblems(password, repeat);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (tooShort || mismatch || !password) return;
    setBusy(true);
    setError(undefined);
    try {
      await api.post('/api/v1/auth/password-reset/confirm', { token, newPassword: password });
      setDone(true);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="narrow">
      <PageHeading>{t('resetTitle')}</PageHeading>
      {!token ? (
        <p role="alert" className="note note-error">
          {t('resetMissingToken')} <Link href="/lupa-kata-sandi">{t('forgotTitle')}</Link>
        </p>
      ) : done ? (
        <p role="status" className="note note-ok">
          {t('resetDone')} <Link href="/masuk">{t('signIn')}</Link>
        </p>
      ) : (
        <form onSubmit={submit} className="form" noValidate>
          <ErrorNote error={error} />
          <NewPasswordFields
            password={password}
            repeat={repeat}
            onPassword={setPassword}
            onRepeat={setRepeat}
            hint={t('passwordHint')}
            idPrefix="password"
          />
          <button type="submit" className="button primary" disabled={busy || tooShort || mismatch || !password}>
            {t('savePassword')}
          </button>
        </form>
      )}
    </div>
  );
}

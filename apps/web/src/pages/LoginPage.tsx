import { useEffect, useState, type FormEvent } from 'react';
import { ErrorNote, PageHeading } from '../components/ui';
import { api, ApiFailure } from '../lib/api';
import { homePathFor, useApp } from '../lib/app-context';
import { Link, navigate } from '../lib/router';
import { NewPasswordFields, newPasswordProblems } from '../components/NewPasswordFields';

export function LoginPage() {
  const { t, reloadUser, user } = useApp();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
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
      await api.login(username, password);
      await reloadUser();
    } catch (failure) {
      setError(failure instanceof ApiFailure ? failure : new ApiFailure(0, 'NETWORK_ERROR', ''));
    } finally {
      setBusy(false);
    }
  };

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

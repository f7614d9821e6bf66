import { useEffect, useRef, useState, type FormEvent } from 'react';
import { api, ApiFailure, type MfaEnrolment } from '../lib/api';
import { useApp } from '../lib/app-context';
import { ErrorNote } from './ui';

/**
 * The pieces of verifikasi dua langkah the login page, the account page and the step-up share:
 * the QR code and first code of an enrolment, the recovery codes shown once, a six-digit code
 * field, and the password-and-code proof.
 */

/** The QR code as an image: an SVG document in a data address (no markup is injected). */
function QrCode({ svg }: { svg: string }) {
  const { t } = useApp();
  return (
    <img
      className="mfa-qr"
      src={`data:image/svg+xml;base64,${btoa(svg)}`}
      alt={t('mfaQrAlt')}
      width={220}
      height={220}
      data-testid="mfa-qr"
    />
  );
}

export function CodeField({
  value,
  onChange,
  allowRecovery,
}: {
  value: string;
  onChange: (value: string) => void;
  allowRecovery: boolean;
}) {
  const { t } = useApp();
  return (
    <label className="field">
      <span>{allowRecovery ? t('mfaCode') : t('mfaCodeOnly')}</span>
      <input
        name="code"
        autoComplete="one-time-code"
        inputMode={allowRecovery ? 'text' : 'numeric'}
        required
        maxLength={20}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
    </label>
  );
}

/**
 * Enrolment: starts once (a second start would replace the secret already on screen), shows the
 * QR code and the key, and turns the authenticator on with the first code.
 */
export function EnrolmentForm({
  start,
  confirm,
  onEnrolled,
}: {
  start: () => Promise<MfaEnrolment>;
  confirm: (code: string) => Promise<string[]>;
  onEnrolled: (recoveryCodes: string[]) => void;
}) {
  const { t } = useApp();
  const [enrolment, setEnrolment] = useState<MfaEnrolment>();
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const started = useRef(false);

  useEffect(() => {
    if (started.current) return;
    started.current = true;
    start().then(setEnrolment, setError);
  }, [start]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      onEnrolled(await confirm(code.trim()));
    } catch (failure) {
      setError(failure);
      setCode('');
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} className="form" data-testid="mfa-enrolment">
      <p className="muted">{t('mfaEnrolSteps')}</p>
      <ErrorNote error={error} />
      {enrolment && (
        <>
          <QrCode svg={enrolment.qrSvg} />
          <p className="small">
            {t('mfaSecretManual')} <code data-testid="mfa-secret">{enrolment.secret}</code>
          </p>
          <CodeField value={code} onChange={setCode} allowRecovery={false} />
          <button type="submit" className="button primary" disabled={busy || !code.trim()}>
            {t('mfaEnrolConfirm')}
          </button>
        </>
      )}
    </form>
  );
}

export function RecoveryCodes({ codes, onSaved }: { codes: string[]; onSaved: () => void }) {
  const { t } = useApp();
  return (
    <section aria-labelledby="recovery-codes" className="note" data-testid="recovery-codes">
      <h2 id="recovery-codes">{t('mfaRecoveryTitle')}</h2>
      <p>{t('mfaRecoveryIntro')}</p>
      <ol className="recovery-codes">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ol>
      <button type="button" className="button primary" onClick={onSaved}>
        {t('mfaRecoverySaved')}
      </button>
    </section>
  );
}

/** Password and a code again (recovery codes, switching off, step-up): the caller sends them. */
export function ProofForm({
  submitLabel,
  onProof,
  onCancel,
  intro,
}: {
  submitLabel: string;
  onProof: (password: string, code: string) => Promise<void>;
  onCancel?: () => void;
  intro?: string;
}) {
  const { t } = useApp();
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await onProof(password, code.trim());
      setPassword('');
      setCode('');
    } catch (failure) {
      setError(failure instanceof ApiFailure ? failure : new ApiFailure(0, 'NETWORK_ERROR', ''));
      setCode('');
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} className="form">
      <p className="muted small">{intro ?? t('mfaProofHint')}</p>
      <ErrorNote error={error} />
      <label className="field">
        <span>{t('password')}</span>
        <input
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
      </label>
      <CodeField value={code} onChange={setCode} allowRecovery />
      <div className="actions">
        <button type="submit" className="button primary" disabled={busy || !password || !code.trim()}>
          {submitLabel}
        </button>
        {onCancel && (
          <button type="button" className="button" onClick={onCancel}>
            {t('cancel')}
          </button>
        )}
      </div>
    </form>
  );
}

/**
 * Step-up (verifikasi ulang) before identities leave in full: password and code again, good for
 * a few minutes of this session. `onConfirmed` then repeats what the API refused.
 */
export function StepUpForm({ onConfirmed, onCancel }: { onConfirmed: () => void; onCancel: () => void }) {
  const { t } = useApp();
  return (
    <section role="dialog" aria-labelledby="step-up-title" className="note" data-testid="step-up">
      <h3 id="step-up-title">{t('stepUpTitle')}</h3>
      <ProofForm
        intro={t('stepUpIntro')}
        submitLabel={t('stepUpConfirm')}
        onCancel={onCancel}
        onProof={async (password, code) => {
          await api.post('/api/v1/me/step-up', { password, code });
          onConfirmed();
        }}
      />
    </section>
  );
}

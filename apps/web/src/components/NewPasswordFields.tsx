import { useApp } from '../lib/app-context';

/** Whether the new password and its repetition can be sent: long enough and the same. */
export function newPasswordProblems(password: string, repeat: string) {
  return { tooShort: password.length > 0 && password.length < 12, mismatch: repeat.length > 0 && repeat !== password };
}

/** The new password and its repetition, with the hint and the mismatch message (reset and account pages). */
export function NewPasswordFields({
  password,
  repeat,
  onPassword,
  onRepeat,
  hint,
  idPrefix,
}: {
  password: string;
  repeat: string;
  onPassword: (value: string) => void;
  onRepeat: (value: string) => void;
  hint: string;
  idPrefix: string;
}) {
  const { t } = useApp();
  const { tooShort, mismatch } = newPasswordProblems(password, repeat);
  return (
    <>
      <div className="field">
        <label className="field-label">
          <span>{t('newPassword')}</span>
          <input
            type="password"
            autoComplete="new-password"
            value={password}
            aria-invalid={tooShort}
            aria-describedby={`${idPrefix}-hint`}
            onChange={(e) => onPassword(e.target.value)}
          />
        </label>
        <small id={`${idPrefix}-hint`} className={tooShort ? 'field-error' : 'muted'}>
          {hint}
        </small>
      </div>
      <div className="field">
        <label className="field-label">
          <span>{t('repeatPassword')}</span>
          <input
            type="password"
            autoComplete="new-password"
            value={repeat}
            aria-invalid={mismatch}
            aria-describedby={mismatch ? `${idPrefix}-repeat-error` : undefined}
            onChange={(e) => onRepeat(e.target.value)}
          />
        </label>
        {mismatch && (
          <small id={`${idPrefix}-repeat-error`} className="field-error">
            {t('passwordMismatch')}
          </small>
        )}
      </div>
    </>
  );
}

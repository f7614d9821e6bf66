import { useState, type FormEvent } from 'react';
import { StepUpForm } from '../components/SecondFactor';
import { ErrorNote } from '../components/ui';
import { api, ApiFailure } from '../lib/api';
import { useApp } from '../lib/app-context';

interface FullIdentity {
  nama: string;
  nik: string;
  tanggalLahir: string;
  alamat: string;
}

const fields = ['nama', 'nik', 'tanggalLahir', 'alamat'] as const;

/**
 * A data subject's requests about one case (UU PDP: see in full, correct, erase), for the AKS
 * lead of the audit. The full reveal and the erasure need a step-up; the API refuses members who
 * are not the lead with AKS_LEAD_ONLY, shown as its message. The full identity lives in this
 * component's state only while it is shown.
 */
export function DataSubjectRequests({ caseId, onChanged }: { caseId: string; onChanged: () => void }) {
  const { t } = useApp();
  const [pending, setPending] = useState<(() => Promise<void>) | null>(null);
  const [identity, setIdentity] = useState<FullIdentity | null>(null);
  const [correction, setCorrection] = useState<Record<(typeof fields)[number], string>>({
    nama: '',
    nik: '',
    tanggalLahir: '',
    alamat: '',
  });
  const [reason, setReason] = useState('');
  const [confirmErase, setConfirmErase] = useState(false);
  const [status, setStatus] = useState<string>();
  const [error, setError] = useState<unknown>();

  /** Runs an action; when the API asks for a step-up, asks for it and runs the action again after. */
  const withStepUp = async (action: () => Promise<void>) => {
    setError(undefined);
    setStatus(undefined);
    try {
      await action();
      setPending(null);
    } catch (failure) {
      if (failure instanceof ApiFailure && failure.code === 'STEP_UP_REQUIRED') setPending(() => action);
      else setError(failure);
    }
  };

  const reveal = () =>
    withStepUp(async () => {
      setIdentity(await api.get<FullIdentity>(`/api/v1/aks/cases/${caseId}/identity`));
    });

  const correct = async (event: FormEvent) => {
    event.preventDefault();
    const changes = Object.fromEntries(fields.map((f) => [f, correction[f].trim()]).filter(([, v]) => v !== ''));
    await withStepUp(async () => {
      await api.patch(`/api/v1/aks/cases/${caseId}/identity`, { ...changes, alasan: reason.trim() });
      setStatus(t('aksSubjectCorrected'));
      setIdentity(null);
      onChanged();
    });
  };

  const erase = () =>
    withStepUp(async () => {
      await api.post(`/api/v1/aks/cases/${caseId}/identity/erasure`, { alasan: reason.trim() });
      setStatus(t('aksSubjectErased'));
      setIdentity(null);
      onChanged();
    });

  const labels: Record<(typeof fields)[number], string> = {
    nama: t('aksSubjectName'),
    nik: 'NIK',
    tanggalLahir: t('aksSubjectBirthDate'),
    alamat: t('aksSubjectAddress'),
  };

  return (
    <section className="panel" aria-labelledby="aks-subject" data-testid="aks-data-subject">
      <h4 id="aks-subject">{t('aksSubjectTitle')}</h4>
      <p className="muted small">{t('aksSubjectHint')}</p>
      <ErrorNote error={error} />
      {error instanceof ApiFailure && error.code === 'MFA_NOT_ENROLLED' && <p className="note">{t('stepUpNoMfa')}</p>}
      {status && (
        <p role="status" className="note note-ok">
          {status}
        </p>
      )}
      {pending && <StepUpForm onConfirmed={() => void withStepUp(pending)} onCancel={() => setPending(null)} />}
      {identity ? (
        <dl className="unit-figures" data-testid="aks-full-identity">
          {fields.map((f) => (
            <div key={f}>
              <dt>{labels[f]}</dt>
              <dd>{identity[f]}</dd>
            </div>
          ))}
        </dl>
      ) : (
        <button type="button" className="button" onClick={() => void reveal()}>
          {t('aksSubjectReveal')}
        </button>
      )}
      <form className="form" onSubmit={(e) => void correct(e)} noValidate>
        <label className="field">
          <span>{t('aksSubjectReason')}</span>
          <input value={reason} maxLength={500} onChange={(e) => setReason(e.target.value)} />
        </label>
        <fieldset className="panel">
          <legend>{t('aksSubjectCorrectTitle')}</legend>
          {fields.map((f) => (
            <label key={f} className="field">
              <span>{labels[f]}</span>
              <input
                value={correction[f]}
                autoComplete="off"
                inputMode={f === 'nik' ? 'numeric' : undefined}
                placeholder={f === 'tanggalLahir' ? 'YYYY-MM-DD' : undefined}
                onChange={(e) => setCorrection({ ...correction, [f]: e.target.value })}
              />
            </label>
          ))}
          <button type="submit" className="button">
            {t('aksSubjectCorrect')}
          </button>
        </fieldset>
        <fieldset className="panel">
          <legend>{t('aksSubjectEraseTitle')}</legend>
          <label className="check">
            <input type="checkbox" checked={confirmErase} onChange={(e) => setConfirmErase(e.target.checked)} />
            <span>{t('aksSubjectEraseConfirm')}</span>
          </label>
          <button type="button" className="button danger" disabled={!confirmErase} onClick={() => void erase()}>
            {t('aksSubjectErase')}
          </button>
        </fieldset>
      </form>
    </section>
  );
}

import type { RefObject } from 'react';
import { useApp } from '../lib/app-context';
import { ErrorNote, ProgressBar } from './ui';

/**
 * The file field of an upload form with its hint, the upload's progress, its error and its
 * confirmation: the same for task evidence and AKS documents.
 */
export function FileUploadFields({
  input,
  hintId,
  progress,
  error,
  message,
}: {
  input: RefObject<HTMLInputElement | null>;
  hintId: string;
  progress: number | undefined;
  error: unknown;
  message: string | undefined | null;
}) {
  const { t } = useApp();
  return (
    <>
      <div className="field">
        <label className="field-label">
          <span>{t('chooseFile')}</span>
          <input
            ref={input}
            type="file"
            name="file"
            accept=".pdf,.docx,.xlsx,.jpg,.jpeg,.png"
            aria-describedby={hintId}
          />
        </label>
        <small id={hintId} className="muted">
          {t('uploadHint')}
        </small>
      </div>
      {progress !== undefined && <ProgressBar value={progress} label={t('uploadProgress')} />}
      <ErrorNote error={error} />
      {message && (
        <p role="status" className="note note-ok">
          {message}
        </p>
      )}
    </>
  );
}

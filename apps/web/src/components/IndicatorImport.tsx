import { useRef, useState, type FormEvent } from 'react';
import { api } from '../lib/api';
import { useApp } from '../lib/app-context';
import type { MessageKey } from '../i18n/messages';
import { ErrorNote } from './ui';

/** One row of the preview of POST …/indicators/{year}/{semester}/import. */
interface ImportLine {
  sheet: string;
  row: number;
  code: string;
  name: string | null;
  status: 'new' | 'changed' | 'unchanged' | 'skipped' | 'invalid';
  before: string | null;
  after: string | null;
  issues: { code: string; message: string }[];
  warnings: { code: string; message: string }[];
}

interface ImportPreview {
  token: string;
  summary: { new: number; changed: number; unchanged: number; skipped: number; invalid: number; warnings: number };
  lines: ImportLine[];
  stored?: number;
}

const statusLabel: Record<ImportLine['status'], MessageKey> = {
  new: 'importStatusNew',
  changed: 'importStatusChanged',
  unchanged: 'importStatusUnchanged',
  skipped: 'importStatusSkipped',
  invalid: 'importStatusInvalid',
};

/**
 * The national form imported from a file: a preview first (what each row says, what would change,
 * what cannot be read), and only on "simpan" the new and changed values, all or nothing.
 */
export function IndicatorImport({ path, onStored }: { path: string; onStored: () => void }) {
  const { t } = useApp();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File>();
  const [preview, setPreview] = useState<ImportPreview>();
  const [stored, setStored] = useState<number>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  const send = async (token?: string) => {
    if (!file) return;
    setBusy(true);
    setError(undefined);
    try {
      const result = await api.upload<ImportPreview>(`${path}/import${token ? `?token=${token}` : ''}`, file, () => {});
      if (token) {
        setStored(result.stored ?? 0);
        setPreview(undefined);
        onStored();
      } else {
        setPreview(result);
        setStored(undefined);
      }
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void send();
  };
  const changes = preview ? preview.summary.new + preview.summary.changed : 0;
  const shown = preview?.lines.filter((l) => l.status !== 'skipped') ?? [];

  return (
    <section className="panel indicator-import" aria-labelledby="indicator-import-title">
      <h3 id="indicator-import-title">{t('importTitle')}</h3>
      <form onSubmit={submit} noValidate className="form">
        <div className="field">
          <label className="field-label">
            <span>{t('importFile')}</span>
            <input
              ref={input}
              type="file"
              accept=".xlsx,.csv"
              aria-describedby="indicator-import-hint"
              onChange={(e) => {
                setFile(e.target.files?.[0]);
                setPreview(undefined);
                setStored(undefined);
              }}
            />
          </label>
          <small id="indicator-import-hint" className="muted">
            {t('importHint')}
          </small>
        </div>
        <button type="submit" className="button" disabled={!file || busy}>
          {t('importPreview')}
        </button>
      </form>
      <ErrorNote error={error} />
      {stored !== undefined && (
        <p role="status" className="note note-ok">
          {t('importStored', { n: stored })}
        </p>
      )}
      {preview && (
        <>
          <p role="status" className={preview.summary.invalid > 0 ? 'note note-error' : 'note note-muted'}>
            {t('importSummary', { ...preview.summary })}
          </p>
          {shown.length > 0 && (
            <div className="table-wrap">
              <table className="table stacked">
                <caption>{t('importPreviewCaption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('importRow')}</th>
                    <th scope="col">{t('indicatorCode')}</th>
                    <th scope="col">{t('importStatus')}</th>
                    <th scope="col">{t('importBefore')}</th>
                    <th scope="col">{t('importAfter')}</th>
                    <th scope="col">{t('importRemarks')}</th>
                  </tr>
                </thead>
                <tbody>
                  {shown.map((line) => (
                    <tr key={`${line.sheet}:${line.row}`} data-import-row={line.code} data-status={line.status}>
                      <td data-label={t('importRow')}>
                        {line.sheet} {line.row}
                      </td>
                      <td data-label={t('indicatorCode')}>{line.code}</td>
                      <td data-label={t('importStatus')}>{t(statusLabel[line.status])}</td>
                      <td data-label={t('importBefore')}>{line.before ?? '-'}</td>
                      <td data-label={t('importAfter')}>{line.after ?? '-'}</td>
                      <td data-label={t('importRemarks')}>
                        {[...line.issues, ...line.warnings].map((note) => (
                          <small key={note.message} className="block">
                            {note.message}
                          </small>
                        ))}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {preview.summary.invalid > 0 ? (
            <p className="note note-error">{t('importInvalidBlocks')}</p>
          ) : changes > 0 ? (
            <button type="button" className="button primary" disabled={busy} onClick={() => void send(preview.token)}>
              {t('importStore', { n: changes })}
            </button>
          ) : (
            <p className="note note-muted">{t('importNothing')}</p>
          )}
        </>
      )}
    </section>
  );
}

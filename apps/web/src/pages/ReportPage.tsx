import { useState } from 'react';
import { ErrorNote, PageHeading, ProgressBar, ResourceView } from '../components/ui';
import { api } from '../lib/api';
import { hasRole, useApp } from '../lib/app-context';
import { formatBytes, formatDateTimeShort, formatNumber } from '../lib/format';
import { Link } from '../lib/router';
import { useResource } from '../lib/use-resource';

interface ReportRow {
  code: string;
  name: string;
  display: string;
  target: string | null;
  met: boolean | null;
  unitName: string | null;
}

/** GET /api/v1/regencies/{code}/reports/{year}/{semester}: the compiled semester report. */
export interface SemesterReportView {
  regency: { code: string; name: string };
  year: number;
  semester: number;
  generatedAt: string;
  summary: {
    indicators: number;
    filled: number;
    met: number;
    notMet: number;
    notComputable: number;
    gaps: number;
    text: string[];
  };
  blocks: { number: number; title: string; sections: { block: string; title: string; rows: ReportRow[] }[] }[];
  gaps: { code: string; name: string; unitName: string | null; message: string }[];
  gapsByUnit: { unitCode: string | null; unitName: string; codes: string[] }[];
  lifecycle: { status: string; statusLabel: string; compiledAt: string } | null;
}

/**
 * The semester report: /laporan/:year/:semester — a preview of the compiled report with its
 * gaps, its review steps, and XLSX/PDF exports that show progress while the file arrives.
 */
export function ReportPage({ year, semester }: { year: number; semester: number }) {
  const { t, user, locale, timeZone } = useApp();
  const regency = user?.regencyCode ?? '';
  const path = `/api/v1/regencies/${encodeURIComponent(regency)}/reports/${year}/${semester}`;
  const report = useResource<SemesterReportView>(regency ? path : null);
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  const step = async (name: 'compile' | 'review' | 'approve' | 'send') => {
    setBusy(true);
    setError(undefined);
    try {
      await api.post(`${path}/${name}`);
      report.reload();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageHeading>
        {t('reportTitle')} · {t('semesterN', { n: semester })} {year}
      </PageHeading>
      <nav className="row" aria-label={t('period')}>
        {[1, 2].map((n) => (
          <Link key={n} href={`/laporan/${year}/${n}`} aria-current={semester === n ? 'page' : undefined}>
            {t('semesterN', { n })} {year}
          </Link>
        ))}
      </nav>
      <ResourceView resource={report} what={t('reportTitle')}>
        {(data) => (
          <>
            <p className="muted">
              {data.regency.name} · {t('generatedAt')} {formatDateTimeShort(locale, data.generatedAt, timeZone)}
            </p>
            <p data-testid="report-lifecycle">
              {t('reportLifecycle')}: <strong>{data.lifecycle?.statusLabel ?? t('reportNotCompiled')}</strong>
            </p>
            <div className="actions">
              <ExportButton
                path={`${path}.xlsx`}
                fileName={`laporan-semester-${semester}-${year}-${regency}.xlsx`}
                label={t('exportXlsx')}
              />
              <ExportButton
                path={`${path}.pdf`}
                fileName={`laporan-semester-${semester}-${year}-${regency}.pdf`}
                label={t('exportPdf')}
              />
            </div>
            {hasRole(user, 'tpps_secretary', 'tpps_chair') && (
              <div className="actions">
                {hasRole(user, 'tpps_secretary') && (
                  <button type="button" className="button" disabled={busy} onClick={() => void step('compile')}>
                    {t('reportCompile')}
                  </button>
                )}
                {hasRole(user, 'tpps_secretary') && (
                  <button type="button" className="button" disabled={busy} onClick={() => void step('review')}>
                    {t('reportReview')}
                  </button>
                )}
                {hasRole(user, 'tpps_chair') && (
                  <button type="button" className="button" disabled={busy} onClick={() => void step('approve')}>
                    {t('reportApprove')}
                  </button>
                )}
                <button type="button" className="button" disabled={busy} onClick={() => void step('send')}>
                  {t('reportSend')}
                </button>
              </div>
            )}
            <ErrorNote error={error} />

            <section aria-labelledby="summary-heading">
              <h2 id="summary-heading">{t('reportSummary')}</h2>
              <p>
                {t('reportFigures', {
                  filled: formatNumber(locale, data.summary.filled),
                  total: formatNumber(locale, data.summary.indicators),
                  met: formatNumber(locale, data.summary.met),
                  notMet: formatNumber(locale, data.summary.notMet),
                })}
              </p>
              {data.summary.text.map((line, index) => (
                <p key={index} className="prose">
                  {line}
                </p>
              ))}
            </section>

            <section aria-labelledby="gaps-heading">
              <h2 id="gaps-heading">{t('reportGaps')}</h2>
              {data.gapsByUnit.length === 0 ? (
                <p className="note note-ok">{t('reportNoGaps')}</p>
              ) : (
                <ul className="cards" data-testid="report-gaps">
                  {data.gapsByUnit.map((gap) => (
                    <li key={gap.unitCode ?? gap.unitName} className="card card-overdue">
                      <strong className="unit-name">{gap.unitName}</strong>
                      <p className="small">{t('gapCodes', { n: gap.codes.length, codes: gap.codes.join(', ') })}</p>
                    </li>
                  ))}
                </ul>
              )}
            </section>

            {data.blocks.map((block) => (
              <section key={block.number} aria-labelledby={`block-${block.number}`}>
                <h2 id={`block-${block.number}`}>{block.title}</h2>
                {block.sections.map((section) => (
                  <details key={section.block} className="panel">
                    <summary>
                      {section.title} ({section.rows.length})
                    </summary>
                    <div className="table-wrap">
                      <table className="table">
                        <thead>
                          <tr>
                            <th scope="col">{t('indicatorName')}</th>
                            <th scope="col">{t('achievement')}</th>
                            <th scope="col">{t('target')}</th>
                          </tr>
                        </thead>
                        <tbody>
                          {section.rows.map((row) => (
                            <tr key={row.code} className={row.display === '-' ? 'row-gap' : undefined}>
                              <th scope="row" className="chart-label">
                                <span className="muted">{row.code}</span> {row.name}
                                {row.unitName && <span className="muted small unit-name"> · {row.unitName}</span>}
                              </th>
                              <td>
                                {row.display === '-' ? (
                                  <span className="text-late">{t('missingValue')}</span>
                                ) : (
                                  row.display
                                )}
                                {row.met === false && <span className="text-late"> ({t('belowTarget')})</span>}
                              </td>
                              <td>{row.target ?? '—'}</td>
                            </tr>
                          ))}
                        </tbody>
                      </table>
                    </div>
                  </details>
                ))}
              </section>
            ))}
          </>
        )}
      </ResourceView>
    </>
  );
}

function ExportButton({ path, fileName, label }: { path: string; fileName: string; label: string }) {
  const { t, locale } = useApp();
  const [state, setState] = useState<{ received: number; fraction: number | undefined } | null>(null);
  const [error, setError] = useState<unknown>();
  const [done, setDone] = useState('');

  const run = async () => {
    setError(undefined);
    setDone('');
    setState({ received: 0, fraction: undefined });
    try {
      const blob = await api.download(path, (received, fraction) => setState({ received, fraction }));
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = fileName;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      setDone(t('exportDone', { name: fileName, size: formatBytes(locale, blob.size) }));
    } catch (failure) {
      setError(failure);
    } finally {
      setState(null);
    }
  };

  return (
    <div className="export">
      <button type="button" className="button" disabled={state !== null} onClick={() => void run()}>
        {label}
      </button>
      <div role="status" aria-live="polite">
        {state && (
          <>
            <ProgressBar value={state.fraction} label={t('exportProgress', { label })} />{' '}
            {state.received > 0 ? formatBytes(locale, state.received) : t('exportPreparing')}
          </>
        )}
        {done && <span className="small">{done}</span>}
      </div>
      <ErrorNote error={error} />
    </div>
  );
}

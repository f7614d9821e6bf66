import { useRef, useState, type FormEvent } from 'react';
import { FileUploadFields } from '../components/FileUploadFields';
import { StepUpForm } from '../components/SecondFactor';
import { DataSubjectRequests } from './AksDataSubject';
import { ErrorNote, ResourceView } from '../components/ui';
import type { MessageKey } from '../i18n/messages';
import { api, ApiFailure } from '../lib/api';
import { hasRole, useApp } from '../lib/app-context';
import { formatBytes, formatNumber } from '../lib/format';
import { useResource } from '../lib/use-resource';

/**
 * The work of an audit beyond its stages: the roster and stage documents (stage 1), and the
 * cases — CSV import with its row-by-row report, hand entry, re-measurement, findings, causes and
 * recommendations, the experts' sign-off and the SOP variant's monthly monitoring.
 *
 * Identities reach this code only from the AKS-only endpoints and are shown masked as the API
 * gives them; they are kept out of URLs, titles and the console (a case is opened by its id in
 * component state, never in the address).
 */

export const groupKeys: Record<string, MessageKey> = {
  catin: 'aksGroupCatin',
  ibu_hamil: 'aksGroupPregnant',
  ibu_nifas_menyusui: 'aksGroupPostpartum',
  baduta: 'aksGroupBaduta',
  balita: 'aksGroupBalita',
};

/** The documents each template's stages ask to be uploaded (libs/domain's AKS templates). */
const documentCodes: Record<string, { code: string; label: MessageKey }[]> = {
  AKS: [
    { code: 'AKS_SK', label: 'aksDocSk' },
    { code: 'AKS_DISEMINASI', label: 'aksDocDissemination' },
  ],
  AKS_SOP: [
    { code: 'AKS_SOP_PERSETUJUAN', label: 'aksDocSopApproval' },
    { code: 'AKS_SOP_DISEMINASI_1', label: 'aksDocSopDissemination1' },
    { code: 'AKS_SOP_DISEMINASI_2', label: 'aksDocSopDissemination2' },
  ],
};

interface AuditRef {
  id: string;
  templateCode: string;
  status: string;
}

interface TeamMember {
  username: string;
  displayName?: string;
  team: 'technical' | 'expert';
  lead: boolean;
  specialty: string | null;
}

interface AksDocument {
  id: string;
  deliverableCode: string;
  originalName: string;
  sizeBytes: number;
}

export interface AksCase {
  id: string;
  kelompokSasaran: string;
  kecamatan: string | null;
  kelurahan: string | null;
  disetujuiPakar: boolean;
  pengukuranUlang?: Record<string, unknown> | null;
  identitas?: { nama: string; nik: string } | null;
  identitasDihapusPada?: string | null;
}

interface CaseDetail extends AksCase {
  temuan: { id: string; teks: string }[];
  penyebab: { id: string; teks: string }[];
  rekomendasi: { id: string; teks: string; diterima: boolean }[];
  pemantauan: { bulan: number; pengukuran: Record<string, unknown> }[];
}

interface ImportReport {
  received: number;
  imported: number;
  alreadyPresent: number;
  rejected: number;
  errors: { row: number; column: string | null; message: string }[];
}

/** Stage 1's outputs: the roster of both teams (one technical lead) and the SK Tim AKS. */
export function TeamAndDocuments({ audit, onChanged }: { audit: AuditRef; onChanged: () => void }) {
  const { t, user } = useApp();
  const canRun = hasRole(user, 'tpps_secretary', 'aks_technical') && audit.status !== 'completed';
  return (
    <>
      <Roster audit={audit} canEdit={canRun} onChanged={onChanged} />
      <Documents audit={audit} canUpload={canRun} onChanged={onChanged} />
      {!canRun && <p className="muted small">{t('aksTeamReadOnly')}</p>}
    </>
  );
}

const blankMember = (team: 'technical' | 'expert'): TeamMember => ({
  username: '',
  team,
  lead: false,
  specialty: null,
});

function Roster({ audit, canEdit, onChanged }: { audit: AuditRef; canEdit: boolean; onChanged: () => void }) {
  const { t } = useApp();
  const team = useResource<TeamMember[]>(`/api/v1/aks/audits/${audit.id}/team`);
  const [draft, setDraft] = useState<TeamMember[] | null>(null);
  const [error, setError] = useState<unknown>();
  const [saved, setSaved] = useState(false);
  const members = draft ?? team.data ?? [];
  const editing = draft !== null;

  const startEditing = () => {
    const current = team.data ?? [];
    setSaved(false);
    setDraft(current.length > 0 ? current.map((m) => ({ ...m })) : [blankMember('technical'), blankMember('expert')]);
  };
  const change = (index: number, patch: Partial<TeamMember>) =>
    setDraft((list) =>
      (list ?? []).map((m, i) => (i === index ? { ...m, ...patch } : patch.lead ? { ...m, lead: false } : m)),
    );
  const problem: MessageKey | undefined = !editing
    ? undefined
    : members.some((m) => m.username.trim() === '')
      ? 'aksTeamUsernameMissing'
      : !members.some((m) => m.team === 'technical') || !members.some((m) => m.team === 'expert')
        ? 'aksTeamBothTeams'
        : members.filter((m) => m.lead && m.team === 'technical').length !== 1 ||
            members.some((m) => m.lead && m.team !== 'technical')
          ? 'aksTeamOneLead'
          : undefined;

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (problem) return;
    setError(undefined);
    try {
      await api.put(`/api/v1/aks/audits/${audit.id}/team`, {
        members: members.map((m) => ({
          username: m.username.trim().toLowerCase(),
          team: m.team,
          lead: m.lead,
          ...(m.specialty && m.specialty.trim() ? { specialty: m.specialty.trim() } : {}),
        })),
      });
      setDraft(null);
      setSaved(true);
      team.reload();
      onChanged();
    } catch (failure) {
      setError(failure);
    }
  };

  return (
    <section aria-labelledby="aks-team-heading">
      <h3 id="aks-team-heading">{t('aksTeamTitle')}</h3>
      <ResourceView resource={team} what={t('aksTeamTitle')}>
        {() =>
          editing ? (
            <form className="form" onSubmit={save} noValidate>
              {members.map((member, index) => (
                <fieldset key={index} className="panel" data-member={index}>
                  <legend>{t('aksTeamMember', { n: index + 1 })}</legend>
                  <label className="field">
                    <span>{t('aksTeamUsername')}</span>
                    <input
                      value={member.username}
                      autoComplete="off"
                      onChange={(e) => change(index, { username: e.target.value })}
                    />
                  </label>
                  <label className="field">
                    <span>{t('aksTeamWhich')}</span>
                    <select
                      value={member.team}
                      onChange={(e) =>
                        change(index, {
                          team: e.target.value === 'expert' ? 'expert' : 'technical',
                          ...(e.target.value === 'expert' ? { lead: false } : {}),
                        })
                      }
                    >
                      <option value="technical">{t('aksTeamTechnical')}</option>
                      <option value="expert">{t('aksTeamExpert')}</option>
                    </select>
                  </label>
                  <label className="field">
                    <span>{t('aksTeamSpecialty')}</span>
                    <input
                      value={member.specialty ?? ''}
                      maxLength={100}
                      onChange={(e) => change(index, { specialty: e.target.value })}
                    />
                  </label>
                  {member.team === 'technical' && (
                    <label className="check">
                      <input
                        type="radio"
                        name="aks-lead"
                        checked={member.lead}
                        onChange={() => change(index, { lead: true })}
                      />
                      <span>{t('aksTeamLead')}</span>
                    </label>
                  )}
                  {members.length > 2 && (
                    <button
                      type="button"
                      className="button link"
                      onClick={() => setDraft((list) => (list ?? []).filter((_, i) => i !== index))}
                    >
                      {t('aksTeamRemove')}
                    </button>
                  )}
                </fieldset>
              ))}
              <div className="actions">
                <button
                  type="button"
                  className="button"
                  onClick={() => setDraft((list) => [...(list ?? []), blankMember('technical')])}
                >
                  {t('aksTeamAdd')}
                </button>
              </div>
              {problem && (
                <p className="field-error" role="alert" id="aks-team-problem">
                  {t(problem)}
                </p>
              )}
              <ErrorNote error={error} />
              <div className="actions">
                <button type="submit" className="button primary" disabled={!!problem}>
                  {t('aksTeamSave')}
                </button>
                <button type="button" className="button" onClick={() => setDraft(null)}>
                  {t('cancel')}
                </button>
              </div>
            </form>
          ) : (
            <>
              {members.length === 0 ? (
                <p className="muted">{t('aksTeamEmpty')}</p>
              ) : (
                <ul className="plain" data-testid="aks-team">
                  {members.map((m) => (
                    <li key={`${m.team}:${m.username}`}>
                      {m.displayName ?? m.username} <span className="muted">({m.username})</span> ·{' '}
                      {m.team === 'technical' ? t('aksTeamTechnical') : t('aksTeamExpert')}
                      {m.lead ? ` · ${t('aksTeamLead')}` : ''}
                      {m.specialty ? ` · ${m.specialty}` : ''}
                    </li>
                  ))}
                </ul>
              )}
              {saved && (
                <p role="status" className="note note-ok">
                  {t('aksTeamSaved')}
                </p>
              )}
              {canEdit && (
                <button type="button" className="button" onClick={startEditing}>
                  {t('aksTeamEdit')}
                </button>
              )}
            </>
          )
        }
      </ResourceView>
    </section>
  );
}

function Documents({ audit, canUpload, onChanged }: { audit: AuditRef; canUpload: boolean; onChanged: () => void }) {
  const { t, locale } = useApp();
  const documents = useResource<AksDocument[]>(`/api/v1/aks/audits/${audit.id}/documents`);
  const codes = documentCodes[audit.templateCode] ?? documentCodes.AKS;
  const [code, setCode] = useState(codes[0]?.code ?? 'AKS_SK');
  const input = useRef<HTMLInputElement>(null);
  const [progress, setProgress] = useState<number | undefined>();
  const [error, setError] = useState<unknown>();
  const [message, setMessage] = useState('');
  const labelOf = (c: string) => {
    const known = codes.find((d) => d.code === c);
    return known ? t(known.label) : c;
  };

  const upload = async (event: FormEvent) => {
    event.preventDefault();
    const file = input.current?.files?.[0];
    if (!file) return;
    setError(undefined);
    setMessage('');
    setProgress(0);
    try {
      await api.upload(`/api/v1/aks/audits/${audit.id}/documents/${encodeURIComponent(code)}`, file, setProgress);
      setMessage(t('uploadDone', { name: file.name }));
      if (input.current) input.current.value = '';
      documents.reload();
      onChanged();
    } catch (failure) {
      setError(failure);
    } finally {
      setProgress(undefined);
    }
  };

  return (
    <section aria-labelledby="aks-docs-heading">
      <h3 id="aks-docs-heading">{t('aksDocuments')}</h3>
      <ResourceView resource={documents} what={t('aksDocuments')}>
        {(list) =>
          list.length === 0 ? (
            <p className="muted">{t('aksNoDocuments')}</p>
          ) : (
            <ul className="plain" data-testid="aks-documents">
              {list.map((d) => (
                <li key={d.id}>
                  {labelOf(d.deliverableCode)}: <span className="file-name">{d.originalName}</span>{' '}
                  <span className="muted">{formatBytes(locale, d.sizeBytes)}</span>
                </li>
              ))}
            </ul>
          )
        }
      </ResourceView>
      {canUpload && (
        <form className="form" onSubmit={upload}>
          <label className="field">
            <span>{t('aksDocumentKind')}</span>
            <select value={code} onChange={(e) => setCode(e.target.value)}>
              {codes.map((d) => (
                <option key={d.code} value={d.code}>
                  {t(d.label)}
                </option>
              ))}
            </select>
          </label>
          <FileUploadFields input={input} hintId="aks-doc-hint" progress={progress} error={error} message={message} />
          <button type="submit" className="button" disabled={progress !== undefined}>
            {t('aksDocumentUpload')}
          </button>
        </form>
      )}
    </section>
  );
}

/** The cases for the AKS teams: import, hand entry, the list, and one case's work. */
export function CaseWork({ audit, onChanged }: { audit: AuditRef; onChanged: () => void }) {
  const { t, user } = useApp();
  const cases = useResource<AksCase[]>(`/api/v1/aks/audits/${audit.id}/cases`);
  const [openCase, setOpenCase] = useState<string | null>(null);
  const open = audit.status !== 'completed';
  const canRecord = open && hasRole(user, 'aks_technical');
  const changed = () => {
    cases.reload();
    onChanged();
  };
  return (
    <>
      {hasRole(user, 'aks_technical') && <IdentityExport audit={audit} />}
      {canRecord && <CsvImport auditId={audit.id} onImported={changed} />}
      {canRecord && <CaseEntry auditId={audit.id} onEntered={changed} />}
      <ResourceView resource={cases} what={t('aksCases')}>
        {(list) =>
          list.length === 0 ? (
            <p className="muted">{t('aksNoCases')}</p>
          ) : (
            <div className="table-wrap">
              <table className="table" data-testid="aks-case-list">
                <thead>
                  <tr>
                    <th scope="col">{t('aksCaseIdentity')}</th>
                    <th scope="col">{t('aksCaseGroup')}</th>
                    <th scope="col">{t('aksCaseArea')}</th>
                    <th scope="col">{t('aksSignedOff')}</th>
                    {/* Visible text: an absolutely placed screen-reader-only label would escape the
                        scrolling table and widen a 360 px page. */}
                    <th scope="col">{t('aksCaseOpen')}</th>
                  </tr>
                </thead>
                <tbody>
                  {list.map((c, index) => (
                    <tr key={c.id} data-case={index + 1}>
                      <td>
                        {c.identitas
                          ? `${c.identitas.nama} · ${c.identitas.nik}`
                          : t(c.identitasDihapusPada ? 'aksIdentityErased' : 'aksIdentityHidden')}
                      </td>
                      <td>{groupKeys[c.kelompokSasaran] ? t(groupKeys[c.kelompokSasaran]) : c.kelompokSasaran}</td>
                      <td>{[c.kecamatan, c.kelurahan].filter(Boolean).join(' / ') || '—'}</td>
                      <td>{c.disetujuiPakar ? t('yes') : t('no')}</td>
                      <td>
                        <button
                          type="button"
                          className="button link"
                          aria-expanded={openCase === c.id}
                          onClick={() => setOpenCase(openCase === c.id ? null : c.id)}
                        >
                          {t('aksCaseOpenN', { n: index + 1 })}
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </ResourceView>
      {openCase && (
        <CaseDetailView
          key={openCase}
          caseId={openCase}
          number={(cases.data ?? []).findIndex((c) => c.id === openCase) + 1}
          audit={audit}
          onChanged={changed}
        />
      )}
    </>
  );
}

/**
 * The lead's export of full identities: after a step-up of the last minutes (the API answers
 * STEP_UP_REQUIRED otherwise, and the form asks for password and code, then downloads). Shown to
 * the technical team; the API tells a member who is not the lead (the roster may change on the
 * same page meanwhile).
 */
function IdentityExport({ audit }: { audit: AuditRef }) {
  const { t } = useApp();
  const [stepUp, setStepUp] = useState(false);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const [error, setError] = useState<unknown>();

  const download = async () => {
    setBusy(true);
    setError(undefined);
    setDone(false);
    try {
      const csv = await api.get<string>(`/api/v1/aks/audits/${audit.id}/cases/export`);
      const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
      const link = document.createElement('a');
      link.href = url;
      link.download = `kasus-aks-${audit.id.slice(0, 8)}.csv`;
      link.click();
      URL.revokeObjectURL(url);
      setStepUp(false);
      setDone(true);
    } catch (failure) {
      if (failure instanceof ApiFailure && failure.code === 'STEP_UP_REQUIRED') setStepUp(true);
      else setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="aks-export" data-testid="aks-export">
      <h3 id="aks-export">{t('aksExportTitle')}</h3>
      <p className="muted small">{t('aksExportHint')}</p>
      <ErrorNote error={error} />
      {error instanceof ApiFailure && error.code === 'MFA_NOT_ENROLLED' && <p className="note">{t('stepUpNoMfa')}</p>}
      {done && (
        <p role="status" className="note note-ok">
          {t('aksExportDone')}
        </p>
      )}
      {stepUp ? (
        <StepUpForm onConfirmed={() => void download()} onCancel={() => setStepUp(false)} />
      ) : (
        <button type="button" className="button" disabled={busy} onClick={() => void download()}>
          {t('aksExportButton')}
        </button>
      )}
    </section>
  );
}

function CsvImport({ auditId, onImported }: { auditId: string; onImported: () => void }) {
  const { t, locale } = useApp();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [report, setReport] = useState<ImportReport | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const file = input.current?.files?.[0];
    if (!file) return;
    setBusy(true);
    setError(undefined);
    setReport(null);
    try {
      const result = await api.upload<ImportReport>(`/api/v1/aks/audits/${auditId}/cases/import`, file, () => {});
      setReport(result);
      if (input.current) input.current.value = '';
      onImported();
    } catch (failure) {
      setError(failure);
      // A file without any good row still answers its row-by-row report.
      const details = failure instanceof ApiFailure ? (failure.details as ImportReport | undefined) : undefined;
      if (details && Array.isArray(details.errors)) setReport(details);
    } finally {
      setBusy(false);
    }
  };

  return (
    <details className="panel">
      <summary>{t('aksImportTitle')}</summary>
      <form className="form" onSubmit={submit}>
        <div className="field">
          <label className="field-label">
            <span>{t('aksImportFile')}</span>
            <input ref={input} type="file" name="file" accept=".csv,text/csv" aria-describedby="aks-import-hint" />
          </label>
          <small id="aks-import-hint" className="muted">
            {t('aksImportHint')}
          </small>
        </div>
        <ErrorNote error={error} />
        <button type="submit" className="button primary" disabled={busy}>
          {t('aksImport')}
        </button>
      </form>
      {report && (
        <div data-testid="aks-import-report">
          <p role="status" className={report.imported > 0 ? 'note note-ok' : 'note note-muted'}>
            {t('aksImportSummary', {
              received: formatNumber(locale, report.received),
              imported: formatNumber(locale, report.imported),
              present: formatNumber(locale, report.alreadyPresent),
              rejected: formatNumber(locale, report.rejected),
            })}
          </p>
          {report.errors.length > 0 && (
            <div className="table-wrap">
              <table className="table" data-testid="aks-import-errors">
                <caption>{t('aksImportErrors')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('aksImportRow')}</th>
                    <th scope="col">{t('aksImportColumn')}</th>
                    <th scope="col">{t('aksImportMessage')}</th>
                  </tr>
                </thead>
                <tbody>
                  {report.errors.map((e, index) => (
                    <tr key={index} data-row={e.row}>
                      <td>{e.row}</td>
                      <td>{e.column ?? '—'}</td>
                      <td>{e.message}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </div>
      )}
    </details>
  );
}

const caseFields = [
  ['nik', 'aksFieldNik', 'text'],
  ['nama', 'aksFieldName', 'text'],
  ['tanggal_lahir', 'aksFieldBirthDate', 'date'],
  ['alamat', 'aksFieldAddress', 'text'],
  ['kecamatan', 'aksFieldKecamatan', 'text'],
  ['kelurahan', 'aksFieldKelurahan', 'text'],
] as const;

const measurementFields = [
  ['berat_badan', 'aksFieldWeight', 'decimal'],
  ['tinggi_badan', 'aksFieldHeight', 'decimal'],
  ['lingkar_lengan', 'aksFieldArm', 'decimal'],
  ['tanggal_ukur', 'aksFieldMeasuredOn', 'date'],
] as const;

function CaseEntry({ auditId, onEntered }: { auditId: string; onEntered: () => void }) {
  const { t } = useApp();
  const empty = () => ({ kelompok_sasaran: 'baduta' }) as Record<string, string>;
  const [values, setValues] = useState<Record<string, string>>(empty);
  const [error, setError] = useState<unknown>();
  const [saved, setSaved] = useState(false);
  const nikProblem = values.nik && !/^\d{16}$/.test(values.nik.trim());

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    setSaved(false);
    const body = Object.fromEntries(
      Object.entries(values).filter(([key, value]) => key !== 'lingkar_lengan' || value.trim() !== ''),
    );
    try {
      await api.post(`/api/v1/aks/audits/${auditId}/cases`, body);
      // The identity leaves the page's memory once recorded.
      setValues(empty());
      setSaved(true);
      onEntered();
    } catch (failure) {
      setError(failure);
    }
  };

  return (
    <details className="panel">
      <summary>{t('aksEntryTitle')}</summary>
      <form className="form" onSubmit={submit} autoComplete="off">
        {caseFields.map(([name, label, type]) => (
          <div className="field" key={name}>
            <label className="field-label">
              <span>{t(label)}</span>
              <input
                type={type}
                inputMode={name === 'nik' ? 'numeric' : undefined}
                required
                value={values[name] ?? ''}
                aria-invalid={name === 'nik' ? !!nikProblem : undefined}
                aria-describedby={name === 'nik' && nikProblem ? 'aks-nik-error' : undefined}
                onChange={(e) => setValues({ ...values, [name]: e.target.value })}
              />
            </label>
            {name === 'nik' && nikProblem && (
              <small id="aks-nik-error" className="field-error">
                {t('aksNikFormat')}
              </small>
            )}
          </div>
        ))}
        <label className="field">
          <span>{t('aksCaseGroup')}</span>
          <select
            value={values.kelompok_sasaran}
            onChange={(e) => setValues({ ...values, kelompok_sasaran: e.target.value })}
          >
            {Object.entries(groupKeys).map(([code, key]) => (
              <option key={code} value={code}>
                {t(key)}
              </option>
            ))}
          </select>
        </label>
        <MeasurementFields values={values} onChange={setValues} prefix="entry" />
        <ErrorNote error={error} />
        {saved && (
          <p role="status" className="note note-ok">
            {t('aksEntrySaved')}
          </p>
        )}
        <button type="submit" className="button primary" disabled={!!nikProblem}>
          {t('aksEntrySave')}
        </button>
      </form>
    </details>
  );
}

function MeasurementFields({
  values,
  onChange,
  prefix,
}: {
  values: Record<string, string>;
  onChange: (values: Record<string, string>) => void;
  prefix: string;
}) {
  const { t } = useApp();
  return (
    <div className="row">
      {measurementFields.map(([name, label, type]) => (
        <label className="field" key={`${prefix}-${name}`}>
          <span>{t(label)}</span>
          <input
            type={type === 'date' ? 'date' : 'text'}
            inputMode={type === 'decimal' ? 'decimal' : undefined}
            required={name !== 'lingkar_lengan'}
            value={values[name] ?? ''}
            onChange={(e) => onChange({ ...values, [name]: e.target.value })}
          />
        </label>
      ))}
    </div>
  );
}

function measurementBody(values: Record<string, string>) {
  return Object.fromEntries(
    measurementFields
      .map(([name]) => [name, (values[name] ?? '').trim()] as const)
      .filter(([name, value]) => name !== 'lingkar_lengan' || value !== ''),
  );
}

function CaseDetailView({
  caseId,
  number,
  audit,
  onChanged,
}: {
  caseId: string;
  number: number;
  audit: AuditRef;
  onChanged: () => void;
}) {
  const { t, user } = useApp();
  const detail = useResource<CaseDetail>(`/api/v1/aks/cases/${caseId}`);
  const open = audit.status !== 'completed';
  const canRecord = open && hasRole(user, 'aks_technical');
  const canAnalyse = open && hasRole(user, 'aks_technical', 'aks_expert');
  const canSignOff = open && hasRole(user, 'aks_expert');
  const changed = () => {
    detail.reload();
    onChanged();
  };

  return (
    <section className="panel" aria-labelledby="aks-case-heading" data-testid="aks-case-detail">
      <h3 id="aks-case-heading">{t('aksCaseN', { n: number })}</h3>
      <ResourceView resource={detail} what={t('aksCaseN', { n: number })}>
        {(c) => (
          <>
            <p className="muted small">
              {c.identitas
                ? `${c.identitas.nama} · ${c.identitas.nik}`
                : t(c.identitasDihapusPada ? 'aksIdentityErased' : 'aksIdentityHidden')}{' '}
              · {groupKeys[c.kelompokSasaran] ? t(groupKeys[c.kelompokSasaran]) : c.kelompokSasaran}
            </p>
            <dl className="unit-figures">
              <div>
                <dt>{t('aksRemeasured')}</dt>
                <dd>{c.pengukuranUlang ? t('yes') : t('no')}</dd>
              </div>
              <div>
                <dt>{t('aksSignedOff')}</dt>
                <dd>{c.disetujuiPakar ? t('yes') : t('no')}</dd>
              </div>
              <div>
                <dt>{t('aksMonitoringMonths')}</dt>
                <dd>{c.pemantauan.map((m) => m.bulan).join(', ') || '—'}</dd>
              </div>
            </dl>
            <AnalysisList title={t('aksFindings')} items={c.temuan} testId="aks-findings" />
            <AnalysisList title={t('aksCauses')} items={c.penyebab} testId="aks-causes" />
            <AnalysisList title={t('aksRecommendations')} items={c.rekomendasi} testId="aks-recommendations" />
            {canRecord && (
              <MeasurementForm
                title={t('aksRemeasureTitle')}
                path={`/api/v1/aks/cases/${caseId}/remeasurement`}
                onSaved={changed}
              />
            )}
            {canRecord && audit.templateCode === 'AKS_SOP' && (
              <MeasurementForm
                title={t('aksMonitoringTitle')}
                path={`/api/v1/aks/cases/${caseId}/monitoring`}
                withMonth
                onSaved={changed}
              />
            )}
            {canAnalyse && <AnalysisForm caseId={caseId} onSaved={changed} />}
            {canSignOff && !c.disetujuiPakar && <SignOff caseId={caseId} onSaved={changed} />}
            {hasRole(user, 'aks_technical') && c.identitas && (
              <DataSubjectRequests caseId={caseId} onChanged={changed} />
            )}
          </>
        )}
      </ResourceView>
    </section>
  );
}

function AnalysisList({
  title,
  items,
  testId,
}: {
  title: string;
  items: { id: string; teks: string }[];
  testId: string;
}) {
  const { t } = useApp();
  return (
    <div>
      <h4>{title}</h4>
      {items.length === 0 ? (
        <p className="muted small">{t('aksNothingYet')}</p>
      ) : (
        <ul className="plain" data-testid={testId}>
          {items.map((item) => (
            <li key={item.id} className="prose">
              {item.teks}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function MeasurementForm({
  title,
  path,
  withMonth = false,
  onSaved,
}: {
  title: string;
  path: string;
  withMonth?: boolean;
  onSaved: () => void;
}) {
  const { t } = useApp();
  const [values, setValues] = useState<Record<string, string>>({});
  const [month, setMonth] = useState(1);
  const [error, setError] = useState<unknown>();
  const [saved, setSaved] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    setSaved(false);
    try {
      await api.post(path, { ...measurementBody(values), ...(withMonth ? { bulan: month } : {}) });
      setValues({});
      setSaved(true);
      onSaved();
    } catch (failure) {
      setError(failure);
    }
  };

  return (
    <details className="panel">
      <summary>{title}</summary>
      <form className="form" onSubmit={submit}>
        {withMonth && (
          <label className="field">
            <span>{t('aksMonitoringMonth')}</span>
            <select value={month} onChange={(e) => setMonth(Number(e.target.value))}>
              {[1, 2, 3].map((m) => (
                <option key={m} value={m}>
                  {t('aksMonthN', { n: m })}
                </option>
              ))}
            </select>
          </label>
        )}
        <MeasurementFields values={values} onChange={setValues} prefix={withMonth ? 'monitoring' : 'remeasure'} />
        <ErrorNote error={error} />
        {saved && (
          <p role="status" className="note note-ok">
            {t('aksMeasurementSaved')}
          </p>
        )}
        <button type="submit" className="button primary">
          {t('aksMeasurementSave')}
        </button>
      </form>
    </details>
  );
}

/** One text per line; each 3–2000 characters as the API asks. */
function linesOf(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

function AnalysisForm({ caseId, onSaved }: { caseId: string; onSaved: () => void }) {
  const { t } = useApp();
  const [texts, setTexts] = useState({ findings: '', causes: '', recommendations: '' });
  const [error, setError] = useState<unknown>();
  const [saved, setSaved] = useState(false);
  const fields = [
    ['findings', 'aksFindings'],
    ['causes', 'aksCauses'],
    ['recommendations', 'aksRecommendations'],
  ] as const;
  const problemOf = (field: keyof typeof texts): MessageKey | undefined => {
    const lines = linesOf(texts[field]);
    if (texts[field] === '') return undefined;
    if (lines.length === 0) return 'validationRequired';
    if (lines.length > 20) return 'aksAnalysisTooMany';
    if (lines.some((line) => line.length < 3 || line.length > 2000)) return 'aksAnalysisLineLength';
    return undefined;
  };
  const complete = fields.every(([field]) => linesOf(texts[field]).length > 0 && !problemOf(field));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!complete) return;
    setError(undefined);
    setSaved(false);
    try {
      await api.post(`/api/v1/aks/cases/${caseId}/analysis`, {
        findings: linesOf(texts.findings),
        causes: linesOf(texts.causes),
        recommendations: linesOf(texts.recommendations),
      });
      setTexts({ findings: '', causes: '', recommendations: '' });
      setSaved(true);
      onSaved();
    } catch (failure) {
      setError(failure);
    }
  };

  return (
    <details className="panel" open>
      <summary>{t('aksAnalysisTitle')}</summary>
      <form className="form" onSubmit={submit} noValidate>
        <p className="muted small">{t('aksAnalysisHint')}</p>
        {fields.map(([field, label]) => {
          const problem = problemOf(field);
          return (
            <div className="field" key={field}>
              <label className="field-label">
                <span>{t(label)}</span>
                <textarea
                  value={texts[field]}
                  rows={3}
                  aria-invalid={!!problem}
                  aria-describedby={problem ? `aks-${field}-error` : undefined}
                  onChange={(e) => setTexts({ ...texts, [field]: e.target.value })}
                />
              </label>
              {problem && (
                <small id={`aks-${field}-error`} className="field-error">
                  {t(problem)}
                </small>
              )}
            </div>
          );
        })}
        <ErrorNote error={error} />
        {saved && (
          <p role="status" className="note note-ok">
            {t('aksAnalysisSaved')}
          </p>
        )}
        <button type="submit" className="button primary" disabled={!complete}>
          {t('aksAnalysisSave')}
        </button>
      </form>
    </details>
  );
}

function SignOff({ caseId, onSaved }: { caseId: string; onSaved: () => void }) {
  const { t } = useApp();
  const [error, setError] = useState<unknown>();
  const sign = async () => {
    setError(undefined);
    try {
      await api.post(`/api/v1/aks/cases/${caseId}/sign-off`);
      onSaved();
    } catch (failure) {
      setError(failure);
    }
  };
  return (
    <div className="actions">
      <ErrorNote error={error} />
      <button type="button" className="button primary" onClick={() => void sign()}>
        {t('aksSignOff')}
      </button>
    </div>
  );
}

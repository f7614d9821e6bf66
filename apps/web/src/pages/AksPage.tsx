import { useEffect, useState, type FormEvent } from 'react';
import { ErrorNote, PageHeading, ResourceView } from '../components/ui';
import type { MessageKey } from '../i18n/messages';
import { api, newIdempotencyKey } from '../lib/api';
import { hasRole, useApp } from '../lib/app-context';
import { formatDateTimeShort, formatNumber } from '../lib/format';
import { Link } from '../lib/router';
import { useResource } from '../lib/use-resource';
import { CaseWork, groupKeys, TeamAndDocuments } from './AksWork';

interface AksStage {
  code: string;
  order: number;
  title: string;
  ownerRole: string;
  status: 'open' | 'done';
  dueAt: string;
  completedAt: string | null;
}

export interface AksAudit {
  id: string;
  year: number;
  semester: number;
  templateCode: string;
  status: string;
  currentStage: string | null;
  reportStatus: string;
  stages: AksStage[];
  counts: Record<string, number>;
  recap: {
    groups: string[];
    rows: { kecamatan: string; counts: Record<string, number>; total: number }[];
    total: { counts: Record<string, number>; total: number };
  };
}

interface Recommendation {
  id: string;
  caseId: string;
  text: string;
  accepted: boolean;
  followUpTaskId: string | null;
}

const auditStatusKeys: Record<string, MessageKey> = {
  running: 'statusInProgress',
  completed: 'statusDone',
  none: 'aksReportNone',
  compiled: 'aksReportCompiled',
  approved: 'taskApproved',
  submitted: 'aksReportSubmitted',
};

/**
 * The AKS stepper: /aks/:year/:semester — the audit's stages (from its template), the case list
 * (identities only reach AKS roles: the API answers others without them), the recap by kecamatan
 * and group, and the follow-up plan that turns accepted recommendations into unit tasks.
 */
export function AksPage({ year, semester }: { year: number; semester: number }) {
  const { t, user } = useApp();
  const regency = user?.regencyCode ?? '';
  const audits = useResource<AksAudit[]>(
    regency ? `/api/v1/regencies/${encodeURIComponent(regency)}/aks/audits` : null,
  );
  const shown = audits.data?.find((a) => a.year === year && a.semester === semester);
  // The workflow opens each stage a moment after the start or the previous stage's close:
  // look again until the running audit has its open stage (at most a minute).
  const opening =
    shown?.status === 'running' && !shown.stages.some((s) => s.code === shown.currentStage && s.status === 'open');
  const [polls, setPolls] = useState(0);
  const { reload: reloadAudits } = audits;
  useEffect(() => {
    if (!opening || polls >= 60) return;
    const timer = setTimeout(() => {
      setPolls((n) => n + 1);
      reloadAudits();
    }, 1000);
    return () => clearTimeout(timer);
  }, [opening, polls, audits.data, reloadAudits]);

  return (
    <>
      <PageHeading>{t('aksTitle')}</PageHeading>
      <nav className="row" aria-label={t('period')}>
        {[
          [year - 1, 2],
          [year, 1],
          [year, 2],
        ].map(([y, s]) => (
          <Link
            key={`${y}-${s}`}
            href={`/aks/${y}/${s}`}
            aria-current={y === year && s === semester ? 'page' : undefined}
          >
            {t('semesterN', { n: s })} {y}
          </Link>
        ))}
      </nav>
      {!regency ? (
        <p className="note note-muted">{t('aksNoRegency')}</p>
      ) : (
        <ResourceView resource={audits} what={t('aksTitle')}>
          {(list) => {
            const audit = list.find((a) => a.year === year && a.semester === semester);
            return audit ? (
              <AuditView
                audit={audit}
                reload={() => {
                  setPolls(0);
                  audits.reload();
                }}
              />
            ) : (
              <StartAudit
                regency={regency}
                year={year}
                semester={semester}
                onStarted={() => {
                  setPolls(0);
                  audits.reload();
                }}
              />
            );
          }}
        </ResourceView>
      )}
      {hasRole(user, 'tpps_chair') && <p className="muted small">{t('aksChairNote')}</p>}
    </>
  );
}

function StartAudit({
  regency,
  year,
  semester,
  onStarted,
}: {
  regency: string;
  year: number;
  semester: number;
  onStarted: () => void;
}) {
  const { t, user } = useApp();
  const [template, setTemplate] = useState('AKS');
  const [error, setError] = useState<unknown>();
  const canStart = hasRole(user, 'tpps_secretary', 'aks_technical');
  const start = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    try {
      await api.post(`/api/v1/regencies/${encodeURIComponent(regency)}/aks/audits`, {
        year,
        semester,
        templateCode: template,
      });
      onStarted();
    } catch (failure) {
      setError(failure);
    }
  };
  return (
    <>
      <p className="note note-muted">{t('aksNoAudit', { semester, year })}</p>
      {canStart && (
        <form className="form" onSubmit={start}>
          <label className="field">
            <span>{t('aksTemplate')}</span>
            <select value={template} onChange={(e) => setTemplate(e.target.value)}>
              <option value="AKS">{t('aksTemplateDefault')}</option>
              <option value="AKS_SOP">{t('aksTemplateSop')}</option>
            </select>
          </label>
          <ErrorNote error={error} />
          <button type="submit" className="button primary">
            {t('aksStart')}
          </button>
        </form>
      )}
    </>
  );
}

function AuditView({ audit, reload }: { audit: AksAudit; reload: () => void }) {
  const { t, locale, timeZone, user } = useApp();
  const currentIndex = Math.max(
    0,
    audit.stages.findIndex((s) => s.code === audit.currentStage),
  );
  const [active, setActive] = useState(currentIndex);
  const [error, setError] = useState<unknown>();
  const [key] = useState(newIdempotencyKey);
  const stage = audit.stages[active];
  const identityRole = hasRole(user, 'aks_technical', 'aks_expert');

  const complete = async () => {
    setError(undefined);
    try {
      await api.post(`/api/v1/aks/audits/${audit.id}/stages/${stage.code}/complete`, undefined, {
        'idempotency-key': `${key}:${stage.code}`,
      });
      reload();
    } catch (failure) {
      setError(failure);
    }
  };

  return (
    <>
      <p className="muted">
        {t('aksStatus')}:{' '}
        <strong>{auditStatusKeys[audit.status] ? t(auditStatusKeys[audit.status]) : audit.status}</strong> ·{' '}
        {t('aksReportStatus')}:{' '}
        <strong>
          {auditStatusKeys[audit.reportStatus] ? t(auditStatusKeys[audit.reportStatus]) : audit.reportStatus}
        </strong>
      </p>
      <ol className="stepper" aria-label={t('aksStages')}>
        {audit.stages.map((s, index) => (
          <li key={s.code} className={index === active ? 'step step-active' : 'step'} data-stage={s.code}>
            <button
              type="button"
              className="step-button"
              aria-current={index === active ? 'step' : undefined}
              onClick={() => setActive(index)}
            >
              <span className="step-number">{s.order}</span> <span>{s.title}</span>{' '}
              <span className={`badge ${s.status === 'done' ? 'badge-done' : 'badge-in_progress'}`}>
                {s.status === 'done' ? t('statusDone') : t('statusInProgress')}
              </span>
            </button>
          </li>
        ))}
      </ol>
      {stage && (
        <section aria-labelledby="aks-stage-heading" className="panel">
          <h2 id="aks-stage-heading">{stage.title}</h2>
          <p className="muted small">
            {stage.completedAt
              ? `${t('closedOn')} ${formatDateTimeShort(locale, stage.completedAt, timeZone)}`
              : `${t('dueLabel')} ${formatDateTimeShort(locale, stage.dueAt, timeZone)}`}
          </p>
          <dl className="unit-figures">
            {Object.entries(audit.counts).map(([name, value]) => (
              <div key={name}>
                <dt>{t(countLabel(name))}</dt>
                <dd>{formatNumber(locale, value)}</dd>
              </div>
            ))}
          </dl>
          {stage.order === 1 && <TeamAndDocuments audit={audit} onChanged={reload} />}
          {stage.status === 'open' && stage.code === audit.currentStage && (
            <>
              <ErrorNote error={error} />
              <button type="button" className="button primary" onClick={() => void complete()}>
                {t('aksCompleteStage')}
              </button>
            </>
          )}
        </section>
      )}

      <section aria-labelledby="recap-heading">
        <h2 id="recap-heading">{t('aksRecap')}</h2>
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('aksCaseArea')}</th>
                {audit.recap.groups.map((g) => (
                  <th key={g} scope="col">
                    {groupKeys[g] ? t(groupKeys[g]) : g}
                  </th>
                ))}
                <th scope="col">{t('total')}</th>
              </tr>
            </thead>
            <tbody>
              {audit.recap.rows.map((row) => (
                <tr key={row.kecamatan}>
                  <th scope="row">{row.kecamatan}</th>
                  {audit.recap.groups.map((g) => (
                    <td key={g}>{row.counts[g] ?? 0}</td>
                  ))}
                  <td>{row.total}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="cases-heading">
        <h2 id="cases-heading">{t('aksCases')}</h2>
        {identityRole ? (
          <CaseWork audit={audit} onChanged={reload} />
        ) : (
          <p className="muted">{t('aksIdentityAksOnly')}</p>
        )}
      </section>

      <FollowUpPlan auditId={audit.id} canPlan={hasRole(user, 'tpps_secretary', 'aks_technical')} />
    </>
  );
}

function countLabel(name: string) {
  const labels = {
    cases: 'aksCountCases',
    casesRemeasured: 'aksCountRemeasured',
    casesAnalysed: 'aksCountAnalysed',
    casesSignedOff: 'aksCountSignedOff',
    acceptedRecommendations: 'aksCountAccepted',
    followUpTasks: 'aksCountFollowUp',
    technicalMembers: 'aksCountTechnical',
    expertMembers: 'aksCountExperts',
    documents: 'aksCountDocuments',
  } as const;
  return labels[name as keyof typeof labels] ?? 'aksCountOther';
}

function FollowUpPlan({ auditId, canPlan }: { auditId: string; canPlan: boolean }) {
  const { t, user } = useApp();
  const recommendations = useResource<Recommendation[]>(`/api/v1/aks/audits/${auditId}/recommendations`);
  const units = useResource<{ code: string; name: string; active: boolean }[]>(
    user?.regencyCode ? `/api/v1/regencies/${user.regencyCode}/units` : null,
  );
  const [plan, setPlan] = useState<Record<string, { unitCode: string; dueDate: string }>>({});
  const [error, setError] = useState<unknown>();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    const items = Object.entries(plan)
      .filter(([, p]) => p.unitCode && p.dueDate)
      .map(([recommendationId, p]) => ({ recommendationId, ...p }));
    if (items.length === 0) return;
    try {
      await api.post(`/api/v1/aks/audits/${auditId}/follow-up-plan`, { items });
      setPlan({});
      recommendations.reload();
    } catch (failure) {
      setError(failure);
    }
  };

  return (
    <section aria-labelledby="rtl-heading">
      <h2 id="rtl-heading">{t('aksFollowUp')}</h2>
      <ResourceView resource={recommendations} what={t('aksFollowUp')}>
        {(list) =>
          list.length === 0 ? (
            <p className="muted">{t('aksNoRecommendations')}</p>
          ) : (
            <form onSubmit={submit} className="form">
              <ul className="cards">
                {list.map((r) => (
                  <li key={r.id} className="card">
                    <p className="prose">{r.text}</p>
                    {r.followUpTaskId ? (
                      <Link href={`/tugas/${r.followUpTaskId}`}>{t('aksFollowUpTask')}</Link>
                    ) : r.accepted && canPlan ? (
                      <div className="row">
                        <label className="field">
                          <span>{t('unit')}</span>
                          <select
                            value={plan[r.id]?.unitCode ?? ''}
                            onChange={(e) =>
                              setPlan({
                                ...plan,
                                [r.id]: { unitCode: e.target.value, dueDate: plan[r.id]?.dueDate ?? '' },
                              })
                            }
                          >
                            <option value="">—</option>
                            {(units.data ?? [])
                              .filter((u) => u.active)
                              .map((u) => (
                                <option key={u.code} value={u.code}>
                                  {u.name}
                                </option>
                              ))}
                          </select>
                        </label>
                        <label className="field">
                          <span>{t('dueLabel')}</span>
                          <input
                            type="date"
                            value={plan[r.id]?.dueDate ?? ''}
                            onChange={(e) =>
                              setPlan({
                                ...plan,
                                [r.id]: { unitCode: plan[r.id]?.unitCode ?? '', dueDate: e.target.value },
                              })
                            }
                          />
                        </label>
                      </div>
                    ) : (
                      <span className="muted small">{r.accepted ? t('aksAccepted') : t('aksNotAccepted')}</span>
                    )}
                  </li>
                ))}
              </ul>
              <ErrorNote error={error} />
              {canPlan && (
                <button type="submit" className="button primary">
                  {t('aksCreateFollowUps')}
                </button>
              )}
            </form>
          )
        }
      </ResourceView>
    </section>
  );
}

import { AchievementChart, type ChartRow } from '../components/AchievementChart';
import { NotAvailable, PageHeading, ResourceView, WorkStatusBadge } from '../components/ui';
import { useApp } from '../lib/app-context';
import { formatLocalDay, formatPercent } from '../lib/format';
import { Link, navigate } from '../lib/router';
import { useResource } from '../lib/use-resource';
import {
  targetValueOf,
  type ActionSummary,
  type CycleStatus,
  type Dashboard,
  type IndicatorValues,
} from './dashboard-types';

interface BlockerGroup {
  key: string;
  title: string;
  ownerUnitName: string | null;
  daysLate: number | null;
  tasks: {
    taskId: string;
    title: string;
    unitName: string;
    daysLate: number;
    escalationLevel: number;
    waitingFor?: 'submission' | 'approval';
  }[];
}

interface UnitRow {
  code: string;
  name: string;
  openTasks: number;
  overdueTasks: number;
  closedTasks: number;
  onTimeRate: number | null;
}

/** What the screen draws, from the cycle status endpoint or (without it) the older dashboard. */
interface DashboardModel {
  actions: ActionSummary[];
  blockers: BlockerGroup[];
  overdueByUnit: { code: string; name: string; count: number }[];
  units: UnitRow[];
  chart: ChartRow[] | undefined;
  indicatorSemester: number | null;
  focusVillages: { names: string[]; source: string; decree?: string } | undefined;
}

export function modelFromStatus(status: CycleStatus): DashboardModel {
  return {
    actions: status.actions.map((a) => ({ ...a, responsibleUnitCode: a.responsibleUnit?.code ?? null })),
    blockers: status.blockers.map((b) => ({
      key: b.stage.id,
      title: `${b.action.code.replace('AKSI_', 'Aksi ')} · ${b.stage.title}`,
      ownerUnitName: b.stage.ownerUnit?.name ?? null,
      daysLate: b.stage.daysLate,
      tasks: b.tasks.map((t) => ({
        taskId: t.taskId,
        title: t.title,
        unitName: t.unit.name,
        daysLate: t.daysLate,
        escalationLevel: t.escalationLevel,
        waitingFor: t.waitingFor,
      })),
    })),
    overdueByUnit: status.overdueByUnit.map((o) => ({ code: o.unit.code, name: o.unit.name, count: o.count })),
    units: status.units.map((u) => ({ ...u, code: u.unit.code, name: u.unit.name })),
    chart: status.indicators.values
      .filter((v) => typeof v.achievement.value === 'number' && (v.targetValue !== null || v.achievement.value <= 100))
      .map((v) => ({
        code: v.code,
        name: v.name,
        value: v.achievement.value as number,
        target: v.targetValue ?? undefined,
      })),
    indicatorSemester: status.indicators.semester,
    focusVillages: {
      names: status.focusVillages.villages.map((v) => v.name),
      source: status.focusVillages.source,
      decree: status.focusVillages.decree,
    },
  };
}

function modelFromDashboard(data: Dashboard, indicators: IndicatorValues | undefined): DashboardModel {
  return {
    actions: data.actions,
    blockers: data.openEscalations.map((e) => ({
      key: e.taskId,
      title: e.title,
      ownerUnitName: null,
      daysLate: e.daysLate,
      tasks: [
        {
          taskId: e.taskId,
          title: e.title,
          unitName: e.unit.name,
          daysLate: e.daysLate,
          escalationLevel: e.escalationLevel,
        },
      ],
    })),
    overdueByUnit: data.units.filter((u) => u.overdueTasks > 0).map((u) => ({ ...u, count: u.overdueTasks })),
    units: data.units,
    chart: indicators?.values
      .filter((v) => typeof v.achievement.value === 'number' && v.kind !== 'count')
      .map((v) => ({
        code: v.code,
        name: v.name,
        value: v.achievement.value as number,
        target: targetValueOf(v.nationalTarget),
      })),
    indicatorSemester: null,
    focusVillages: undefined,
  };
}

/** The TPPS dashboard: the year of the eight actions, what blocks, who is late, the indicators. */
export function DashboardPage({ regencyCode, year }: { regencyCode: string; year?: number }) {
  const { t } = useApp();
  const query = year ? `?year=${year}` : '';
  const dashboard = useResource<Dashboard>(`/api/v1/regencies/${encodeURIComponent(regencyCode)}/dashboard${query}`);
  return (
    <ResourceView resource={dashboard} what={t('dashboardTitle')}>
      {(data) => <DashboardView data={data} />}
    </ResourceView>
  );
}

function DashboardView({ data }: { data: Dashboard }) {
  const { t, locale } = useApp();
  const base = `/api/v1/regencies/${encodeURIComponent(data.regencyCode)}`;
  const status = useResource<CycleStatus>(data.year ? `${base}/cycles/${data.year}/status` : null);
  const year = data.year ?? new Date().getFullYear();
  const semester = new Date().getMonth() < 6 ? 1 : 2;
  // Only needed when the status endpoint is missing on this server.
  const indicators = useResource<IndicatorValues>(status.missing ? `${base}/indicators/${year}/${semester}` : null);
  if (data.year && status.data === undefined && !status.missing && !status.error) {
    return (
      <p role="status" className="note note-muted">
        {t('loading')}
      </p>
    );
  }
  const model = status.data ? modelFromStatus(status.data) : modelFromDashboard(data, indicators.data);
  const chartSemester = model.indicatorSemester ?? semester;
  const years = [new Date().getFullYear() + 1, new Date().getFullYear(), new Date().getFullYear() - 1];
  if (!years.includes(year)) years.push(year);

  return (
    <>
      <PageHeading>
        {t('dashboardTitle')} · {data.regencyName}
      </PageHeading>
      <div className="row">
        <label className="field field-inline">
          <span>{t('year')}</span>
          <select
            value={year}
            onChange={(e) => navigate(`${window.location.pathname}?tahun=${e.target.value}`, { replace: true })}
          >
            {years
              .sort((a, b) => b - a)
              .map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
          </select>
        </label>
        <p className="muted">{data.year ? t('cycleYear', { year: data.year }) : t('noCycle')}</p>
      </div>
      <nav className="quick-links" aria-label={t('quickLinks')}>
        <Link href="/persetujuan">{t('approvalsTitle')}</Link>
        <Link href={`/laporan/${year}/${semester}`}>{t('reportTitle')}</Link>
        <Link href={`/aks/${year}/${semester}`}>{t('aksTitle')}</Link>
      </nav>

      <section aria-labelledby="timeline-heading">
        <h2 id="timeline-heading">{t('timelineTitle')}</h2>
        {model.actions.length === 0 ? (
          <p className="note note-muted">{t('noCycle')}</p>
        ) : (
          <ol className="action-timeline" data-testid="action-timeline">
            {model.actions.map((action) => {
              const start = dayOfYear(action.window.start, year);
              const end = dayOfYear(action.window.end, year);
              return (
                <li key={action.id} className={`action-row status-${action.status}`} data-action={action.code}>
                  <div className="action-head">
                    <Link href={`/aksi/${data.regencyCode}/${year}/${action.code}`} className="action-title">
                      {t('actionNumber', { n: action.number })}: {action.title}
                    </Link>
                    <WorkStatusBadge status={action.status} />
                  </div>
                  <div className="year-track" aria-hidden="true">
                    <span className="year-window" style={{ left: `${start}%`, width: `${Math.max(1, end - start)}%` }}>
                      <span className="year-progress" style={{ width: `${action.progress.percent}%` }} />
                    </span>
                  </div>
                  <p className="muted small">
                    {formatLocalDay(locale, action.window.start)} – {formatLocalDay(locale, action.window.end)} ·{' '}
                    <span data-testid="action-progress">
                      {t('stagesProgress', {
                        done: action.progress.stagesDone,
                        total: action.progress.stagesTotal,
                        percent: action.progress.percent,
                      })}
                    </span>
                  </p>
                </li>
              );
            })}
          </ol>
        )}
      </section>

      <section aria-labelledby="blocking-heading">
        <h2 id="blocking-heading">{t('blockingTitle')}</h2>
        {model.blockers.length === 0 ? (
          <p className="note note-ok">{t('nothingBlocking')}</p>
        ) : (
          <ul className="cards" data-testid="blockers">
            {model.blockers.map((b) => (
              <li key={b.key} className="card card-overdue">
                <h3 className="card-title">{b.title}</h3>
                <p className="card-meta">
                  {b.ownerUnitName && (
                    <span className="unit-name">
                      {t('stageOwner')}: {b.ownerUnitName}
                    </span>
                  )}
                  {b.daysLate !== null && b.daysLate > 0 && (
                    <span className="text-late">{t('daysLate', { n: b.daysLate })}</span>
                  )}
                </p>
                {b.tasks.length > 0 && (
                  <ul className="plain">
                    {b.tasks.map((task) => (
                      <li key={task.taskId}>
                        <Link href={`/tugas/${task.taskId}`} className="unit-name">
                          {task.unitName}
                        </Link>{' '}
                        ·{' '}
                        {task.waitingFor === 'approval'
                          ? t('waitingApproval')
                          : task.daysLate > 0
                            ? t('daysLate', { n: task.daysLate })
                            : t('notYetDue')}
                        {task.escalationLevel > 0 && (
                          <>
                            {' '}
                            <span className="badge badge-escalation">
                              {t('escalationLevel', { n: task.escalationLevel })}
                            </span>
                          </>
                        )}
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="overdue-heading">
        <h2 id="overdue-heading">{t('overdueByUnitTitle')}</h2>
        {model.overdueByUnit.length === 0 ? (
          <p className="note note-ok">{t('noOverdue')}</p>
        ) : (
          <ul className="plain" data-testid="overdue-by-unit">
            {model.overdueByUnit.map((o) => (
              <li key={o.code}>
                <span className="unit-name">{o.name}</span>: <strong>{t('taskCount', { n: o.count })}</strong>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="units-heading">
        <h2 id="units-heading">{t('unitsTitle')}</h2>
        {model.units.length === 0 ? (
          <p className="muted">{t('noTasksYet')}</p>
        ) : (
          <ul className="unit-list" data-testid="unit-table">
            {model.units.map((unit) => (
              <li key={unit.code} data-unit={unit.code} className="unit-row">
                <span className="unit-name">{unit.name}</span>
                <dl className="unit-figures">
                  <div>
                    <dt>{t('openTasks')}</dt>
                    <dd data-figure="open">{unit.openTasks}</dd>
                  </div>
                  <div>
                    <dt>{t('overdueTasks')}</dt>
                    <dd data-figure="overdue" className={unit.overdueTasks > 0 ? 'text-late' : undefined}>
                      {unit.overdueTasks}
                    </dd>
                  </div>
                  <div>
                    <dt>{t('closedTasks')}</dt>
                    <dd data-figure="closed">{unit.closedTasks}</dd>
                  </div>
                  <div>
                    <dt>{t('onTimeRate')}</dt>
                    <dd data-figure="on-time">
                      {unit.onTimeRate === null ? '—' : formatPercent(locale, unit.onTimeRate)}
                    </dd>
                  </div>
                </dl>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="indicators-heading">
        <h2 id="indicators-heading">{t('indicatorsTitle')}</h2>
        {status.missing && indicators.missing ? (
          <NotAvailable what={t('indicatorsTitle')} />
        ) : !model.chart || model.chart.length === 0 ? (
          <p className="muted">{t('noIndicatorValues', { year, semester: chartSemester })}</p>
        ) : (
          <AchievementChart rows={model.chart} caption={t('indicatorsCaption', { year, semester: chartSemester })} />
        )}
      </section>

      <section aria-labelledby="villages-heading">
        <h2 id="villages-heading">{t('focusVillagesTitle')}</h2>
        {model.focusVillages ? (
          model.focusVillages.names.length === 0 ? (
            <p className="muted">{t('noFocusVillages')}</p>
          ) : (
            <>
              <p className="muted small">
                {t(
                  model.focusVillages.source === 'confirmed'
                    ? 'villagesConfirmed'
                    : model.focusVillages.source === 'analysis'
                      ? 'villagesAnalysis'
                      : 'villagesDecree',
                )}
                {model.focusVillages.decree ? ` (${model.focusVillages.decree})` : ''}
              </p>
              <ul className="plain columns" data-testid="focus-villages">
                {model.focusVillages.names.map((name) => (
                  <li key={name}>{name}</li>
                ))}
              </ul>
            </>
          )
        ) : (
          <NotAvailable what={t('focusVillagesTitle')} />
        )}
      </section>
    </>
  );
}

/** Position of a local day within the year as a percentage (clamped to the year). */
function dayOfYear(day: string, year: number): number {
  const start = Date.UTC(year, 0, 1);
  const end = Date.UTC(year + 1, 0, 1);
  const at = Date.parse(`${day}T00:00:00Z`);
  return Math.max(0, Math.min(100, ((at - start) / (end - start)) * 100));
}

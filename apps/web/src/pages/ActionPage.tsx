import { useEffect, useState } from 'react';
import { DueDate } from '../components/DueDate';
import { EventHistory, type HistoryEvent } from '../components/EventHistory';
import { PageHeading, ResourceView, TaskStatusBadge, WorkStatusBadge, type WorkStatus } from '../components/ui';
import { api } from '../lib/api';
import { useApp } from '../lib/app-context';
import { formatDateTimeShort, formatLocalDay } from '../lib/format';
import { Link } from '../lib/router';
import { useResource, type Resource } from '../lib/use-resource';
import type { CycleStatus, CycleView } from './dashboard-types';
import { closedStatuses, type TaskDetail, type TaskPage } from './tasks-types';

interface ActionModel {
  number: number;
  title: string;
  status: WorkStatus;
  progress: { stagesDone: number; stagesTotal: number; percent: number };
  window: { start: string; end: string };
  responsible: string | null;
  stages: {
    id: string;
    code: string;
    order: number;
    title: string;
    owner: string | null;
    status: WorkStatus;
    dueAt: string | null;
    closedAt: string | null;
  }[];
  portal: { label: string; reachedOn: string }[];
}

function fromStatus(status: CycleStatus, code: string): ActionModel | undefined {
  const action = status.actions.find((a) => a.code === code);
  if (!action) return undefined;
  return {
    ...action,
    responsible: action.responsibleUnit?.name ?? null,
    stages: action.stages.map((s) => ({ ...s, owner: s.ownerUnit?.name ?? null })),
    portal: (action.portal?.milestones ?? []).map((m) => ({ label: m.label, reachedOn: m.reachedOn })),
  };
}

function fromCycle(cycle: CycleView, code: string): ActionModel | undefined {
  const action = cycle.actions.find((a) => a.code === code);
  if (!action) return undefined;
  return {
    ...action,
    responsible: action.responsibleUnitCode,
    stages: action.stages.map((s) => ({ ...s, owner: s.ownerUnitCode, closedAt: null })),
    portal: [],
  };
}

/** One action of the year: its stages, the tasks per unit, deliverables, approvals and history. */
export function ActionPage({
  regencyCode,
  year,
  actionCode,
}: {
  regencyCode: string;
  year: string;
  actionCode: string;
}) {
  const { t } = useApp();
  const base = `/api/v1/regencies/${encodeURIComponent(regencyCode)}/cycles/${encodeURIComponent(year)}`;
  const status = useResource<CycleStatus>(`${base}/status`);
  const cycle = useResource<CycleView>(status.missing ? base : null);
  const tasks = useResource<TaskPage>(
    `/api/v1/tasks?action=${encodeURIComponent(actionCode)}&regency=${encodeURIComponent(regencyCode)}&pageSize=100`,
  );
  const source: Resource<unknown> = status.missing ? cycle : status;
  return (
    <ResourceView resource={source} what={t('actionDetail')}>
      {() => {
        const action = status.data ? fromStatus(status.data, actionCode) : fromCycle(cycle.data!, actionCode);
        if (!action) return <p className="note note-muted">{t('actionNotFound')}</p>;
        return <ActionView action={action} regencyCode={regencyCode} year={year} tasks={tasks.data} />;
      }}
    </ResourceView>
  );
}

function ActionView({
  action,
  regencyCode,
  year,
  tasks,
}: {
  action: ActionModel;
  regencyCode: string;
  year: string;
  tasks: TaskPage | undefined;
}) {
  const { t, locale, timeZone } = useApp();
  const items = tasks?.items ?? [];
  const history = useActionHistory(items.map((task) => task.id));
  return (
    <>
      <p>
        <Link href={`/dasbor/${regencyCode}?tahun=${year}`}>{t('backToDashboard')}</Link>
      </p>
      <PageHeading>
        {t('actionNumber', { n: action.number })}: {action.title}
      </PageHeading>
      <p className="card-meta">
        <WorkStatusBadge status={action.status} />
        <span>
          {t('stagesProgress', {
            done: action.progress.stagesDone,
            total: action.progress.stagesTotal,
            percent: action.progress.percent,
          })}
        </span>
      </p>
      <p className="muted small">
        {formatLocalDay(locale, action.window.start)} – {formatLocalDay(locale, action.window.end)}
        {action.responsible && (
          <>
            {' · '}
            <span className="unit-name">
              {t('responsibleUnit')}: {action.responsible}
            </span>
          </>
        )}
      </p>

      <section aria-labelledby="stages-heading">
        <h2 id="stages-heading">{t('stages')}</h2>
        <ol className="cards">
          {action.stages.map((stage) => {
            const stageTasks = items.filter((task) => task.stageId === stage.id);
            return (
              <li key={stage.id} className="card" data-stage={stage.code}>
                <h3 className="card-title">
                  {stage.order}. {stage.title}
                </h3>
                <p className="card-meta">
                  <WorkStatusBadge status={stage.status} />
                  {stage.owner && (
                    <span className="unit-name">
                      {t('stageOwner')}: {stage.owner}
                    </span>
                  )}
                  {stage.closedAt ? (
                    <span>
                      {t('closedOn')} {formatDateTimeShort(locale, stage.closedAt, timeZone)}
                    </span>
                  ) : (
                    stage.dueAt && (
                      <span>
                        {t('dueLabel')} {formatDateTimeShort(locale, stage.dueAt, timeZone)}
                      </span>
                    )
                  )}
                </p>
                {stageTasks.length > 0 && (
                  <ul className="stage-tasks" aria-label={t('tasksOfStage', { stage: stage.title })}>
                    {stageTasks.map((task) => (
                      <li key={task.id} data-task-id={task.id}>
                        <p className="card-meta">
                          <strong className="unit-name">{task.unit?.name ?? '—'}</strong>
                          <TaskStatusBadge status={task.status} />
                        </p>
                        <Link href={`/tugas/${task.id}`}>{task.title}</Link>
                        <p className="muted small">
                          {t('deliverables')}: {task.deliverables.map((d) => d.title).join(', ')}
                        </p>
                        <DueDate dueAt={task.dueAt} closed={closedStatuses.includes(task.status)} />
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            );
          })}
        </ol>
      </section>

      {action.portal.length > 0 && (
        <section aria-labelledby="portal-heading">
          <h2 id="portal-heading">{t('portalTitle')}</h2>
          <ul className="plain">
            {action.portal.map((m) => (
              <li key={m.label}>
                {m.label} · {formatLocalDay(locale, m.reachedOn)}
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="approvals-heading">
        <h2 id="approvals-heading">{t('approvalsOfAction')}</h2>
        {history.filter((e) => e.kind === 'approved' || e.kind === 'returned').length === 0 ? (
          <p className="muted">{t('noApprovalsYet')}</p>
        ) : (
          <EventHistory events={history.filter((e) => e.kind === 'approved' || e.kind === 'returned')} />
        )}
      </section>

      <section aria-labelledby="action-history-heading">
        <h2 id="action-history-heading">{t('history')}</h2>
        <EventHistory events={history} />
      </section>
    </>
  );
}

/** The events of the action's tasks merged into one history, each named by its task. */
function useActionHistory(taskIds: string[]): HistoryEvent[] {
  const [events, setEvents] = useState<HistoryEvent[]>([]);
  const key = taskIds.slice(0, 40).join(',');
  useEffect(() => {
    let cancelled = false;
    const ids = key ? key.split(',') : [];
    void Promise.all(ids.map((id) => api.get<TaskDetail>(`/api/v1/tasks/${id}`).catch(() => undefined))).then(
      (details) => {
        if (cancelled) return;
        const merged = details
          .flatMap((task) => (task ? task.events.map((event) => ({ ...event, context: task.title })) : []))
          .sort((a, b) => a.occurredAt.localeCompare(b.occurredAt));
        setEvents(merged);
      },
    );
    return () => {
      cancelled = true;
    };
  }, [key]);
  return events;
}

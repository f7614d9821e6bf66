import { useState } from 'react';
import { DueDate } from '../components/DueDate';
import { PageHeading, ResourceView, TaskStatusBadge } from '../components/ui';
import { useApp } from '../lib/app-context';
import { Link } from '../lib/router';
import { useResource } from '../lib/use-resource';
import { closedStatuses, type TaskPage } from './tasks-types';

const pageSize = 25;

interface Filters {
  status: string;
  action: string;
  dueAfter: string;
  dueBefore: string;
  overdue: boolean;
}

const defaultFilters: Filters = {
  status: 'open,returned,submitted',
  action: '',
  dueAfter: '',
  dueBefore: '',
  overdue: false,
};

export function inboxPath(filters: Filters, page: number, decidable = false): string {
  const query = new URLSearchParams({ page: String(page), pageSize: String(pageSize) });
  if (decidable) query.set('decidable', 'true');
  if (filters.status) query.set('status', filters.status);
  if (filters.action) query.set('action', filters.action);
  if (filters.dueAfter) query.set('dueAfter', filters.dueAfter);
  if (filters.dueBefore) query.set('dueBefore', filters.dueBefore);
  if (filters.overdue) query.set('overdue', 'true');
  return `/api/v1/tasks?${query.toString()}`;
}

/**
 * The unit's inbox (and, for TPPS leadership, every task of the regency), soonest due first.
 * `approvals` turns it into the approval queue: submitted tasks only.
 */
export function InboxPage({ approvals = false }: { approvals?: boolean }) {
  const { t, locale } = useApp();
  const [filters, setFilters] = useState<Filters>(
    approvals ? { ...defaultFilters, status: 'submitted' } : defaultFilters,
  );
  const [page, setPage] = useState(1);
  const tasks = useResource<TaskPage>(inboxPath(filters, page, approvals));
  const change = (patch: Partial<Filters>) => {
    setFilters((f) => ({ ...f, ...patch }));
    setPage(1);
  };

  return (
    <>
      <PageHeading>{approvals ? t('approvalsTitle') : t('inboxTitle')}</PageHeading>
      {approvals && <p className="muted">{t('approvalsIntro')}</p>}
      {!approvals && (
        <form className="filters" onSubmit={(e) => e.preventDefault()} aria-label={t('filters')}>
          <label className="field">
            <span>{t('filterStatus')}</span>
            <select value={filters.status} onChange={(e) => change({ status: e.target.value })}>
              <option value="open,returned,submitted">{t('filterActive')}</option>
              <option value="open">{t('taskOpen')}</option>
              <option value="returned">{t('taskReturned')}</option>
              <option value="submitted">{t('taskSubmitted')}</option>
              <option value="approved">{t('taskApproved')}</option>
              <option value="">{t('filterAll')}</option>
            </select>
          </label>
          <label className="field">
            <span>{t('filterAction')}</span>
            <select value={filters.action} onChange={(e) => change({ action: e.target.value })}>
              <option value="">{t('filterAll')}</option>
              {[1, 2, 3, 4, 5, 6, 7, 8].map((n) => (
                <option key={n} value={`AKSI_${n}`}>
                  {t('actionNumber', { n })}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>{t('filterDueAfter')}</span>
            <input type="date" value={filters.dueAfter} onChange={(e) => change({ dueAfter: e.target.value })} />
          </label>
          <label className="field">
            <span>{t('filterDueBefore')}</span>
            <input type="date" value={filters.dueBefore} onChange={(e) => change({ dueBefore: e.target.value })} />
          </label>
          <label className="check">
            <input type="checkbox" checked={filters.overdue} onChange={(e) => change({ overdue: e.target.checked })} />
            <span>{t('filterOverdue')}</span>
          </label>
        </form>
      )}
      <ResourceView resource={tasks} what={t('inboxTitle')}>
        {(data) => (
          <>
            <p className="muted" role="status" aria-live="polite">
              {t('taskCount', { n: new Intl.NumberFormat(locale === 'id' ? 'id-ID' : 'en-GB').format(data.total) })}
            </p>
            {data.items.length === 0 ? (
              <p className="note note-muted">{approvals ? t('approvalsEmpty') : t('inboxEmpty')}</p>
            ) : (
              <ul className="cards" data-testid="task-list">
                {data.items.map((task) => (
                  <li key={task.id} className={`card${task.overdue ? ' card-overdue' : ''}`} data-task-id={task.id}>
                    <h2 className="card-title">
                      <Link href={`/tugas/${task.id}`}>{task.title}</Link>
                    </h2>
                    <p className="card-meta">
                      <TaskStatusBadge status={task.status} />
                      {task.unit && <span className="unit-name">{task.unit.name}</span>}
                      {task.escalationLevel > 0 && (
                        <span className="badge badge-escalation">
                          {t('escalationLevel', { n: task.escalationLevel })}
                        </span>
                      )}
                    </p>
                    <p>
                      <DueDate
                        dueAt={task.dueAt}
                        closed={closedStatuses.includes(task.status) || task.status === 'submitted'}
                      />
                    </p>
                  </li>
                ))}
              </ul>
            )}
            {data.total > data.pageSize && (
              <nav className="pager" aria-label={t('pagination')}>
                <button type="button" className="button" disabled={page <= 1} onClick={() => setPage(page - 1)}>
                  {t('previous')}
                </button>
                <span>{t('pageOf', { page, pages: Math.ceil(data.total / data.pageSize) })}</span>
                <button
                  type="button"
                  className="button"
                  disabled={page * data.pageSize >= data.total}
                  onClick={() => setPage(page + 1)}
                >
                  {t('next')}
                </button>
              </nav>
            )}
          </>
        )}
      </ResourceView>
    </>
  );
}

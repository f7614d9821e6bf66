import { useEffect, useRef, type ReactNode } from 'react';
import { ApiFailure } from '../lib/api';
import { useApp } from '../lib/app-context';
import type { Resource } from '../lib/use-resource';

/**
 * The page heading takes focus when a page opens, so a screen-reader user hears where the
 * navigation went and keyboard focus starts at the top of the new content.
 */
export function PageHeading({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <h1 ref={ref} tabIndex={-1} className="page-heading">
      {children}
    </h1>
  );
}

export function ErrorNote({ error }: { error: unknown }) {
  const { t } = useApp();
  if (!error) return null;
  const message =
    error instanceof ApiFailure
      ? error.status === 0
        ? t('networkError')
        : error.message || t('genericError')
      : t('genericError');
  return (
    <p role="alert" className="note note-error">
      {message}
    </p>
  );
}

export function NotAvailable({ what }: { what: string }) {
  const { t } = useApp();
  return (
    <p className="note note-muted" data-state="not-available">
      {t('notAvailableYet', { what })}
    </p>
  );
}

/** Loading, error and "not available" states of a resource; the children render its data. */
export function ResourceView<T>({
  resource,
  what,
  children,
}: {
  resource: Resource<T>;
  what: string;
  children: (data: T) => ReactNode;
}) {
  const { t } = useApp();
  if (resource.missing) return <NotAvailable what={what} />;
  if (resource.error) return <ErrorNote error={resource.error} />;
  if (resource.data === undefined)
    return (
      <p className="note note-muted" role="status">
        {t('loading')}
      </p>
    );
  return <>{children(resource.data)}</>;
}

export type WorkStatus = 'not_started' | 'in_progress' | 'late' | 'done';

export function WorkStatusBadge({ status }: { status: WorkStatus }) {
  const { t } = useApp();
  const labels = {
    not_started: t('statusNotStarted'),
    in_progress: t('statusInProgress'),
    late: t('statusLate'),
    done: t('statusDone'),
  } as const;
  return (
    <span className={`badge badge-${status}`} data-status={status}>
      {labels[status] ?? status}
    </span>
  );
}

export function TaskStatusBadge({ status }: { status: string }) {
  const { t } = useApp();
  const labels: Record<string, string> = {
    open: t('taskOpen'),
    submitted: t('taskSubmitted'),
    approved: t('taskApproved'),
    returned: t('taskReturned'),
    cancelled: t('taskCancelled'),
    reassigned: t('taskReassigned'),
  };
  return (
    <span className={`badge badge-task-${status}`} data-status={status}>
      {labels[status] ?? status}
    </span>
  );
}

/** A labelled progress bar; `value` undefined shows an indeterminate bar. */
export function ProgressBar({ value, label }: { value: number | undefined; label: string }) {
  return (
    <progress className="progress" max={1} value={value} aria-label={label}>
      {value === undefined ? '' : `${Math.round(value * 100)}%`}
    </progress>
  );
}

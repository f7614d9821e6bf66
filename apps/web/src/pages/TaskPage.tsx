import { useRef, useState, type FormEvent } from 'react';
import { DueDate } from '../components/DueDate';
import { EventHistory } from '../components/EventHistory';
import { IndicatorEntry } from '../components/IndicatorEntry';
import { FileUploadFields } from '../components/FileUploadFields';
import { ErrorNote, PageHeading, ResourceView, TaskStatusBadge } from '../components/ui';
import { api, newIdempotencyKey } from '../lib/api';
import { hasRole, isLeadership, useApp } from '../lib/app-context';
import { formatBytes, formatDateTimeShort, formatLocalDay, localDayOf } from '../lib/format';
import { Link } from '../lib/router';
import { useResource } from '../lib/use-resource';
import { closedStatuses, type EvidenceFile, type TaskDetail } from './tasks-types';

export function TaskPage({ id }: { id: string }) {
  const { t } = useApp();
  const task = useResource<TaskDetail>(`/api/v1/tasks/${encodeURIComponent(id)}`);
  const evidence = useResource<EvidenceFile[]>(`/api/v1/tasks/${encodeURIComponent(id)}/evidence`);
  const reload = () => {
    task.reload();
    evidence.reload();
  };
  return (
    <ResourceView resource={task} what={t('taskTitle')}>
      {(data) => <TaskView task={data} evidence={evidence.data ?? []} reload={reload} />}
    </ResourceView>
  );
}

function TaskView({ task, evidence, reload }: { task: TaskDetail; evidence: EvidenceFile[]; reload: () => void }) {
  const { t, user, locale, timeZone } = useApp();
  const [entryOpen, setEntryOpen] = useState(false);
  const isAssignee =
    task.permissions?.canWork ??
    (hasRole(user, 'opd_officer', 'opd_head') && !!user?.unit && user.unit.id === task.unit?.id);
  const canWork = isAssignee && (task.status === 'open' || task.status === 'returned');
  // The stage owner's staff decide the other units' submissions too; the API says who may.
  const mayDecide = task.permissions?.canDecide ?? (isLeadership(user) && user?.regencyCode === task.regencyCode);
  const canDecide = mayDecide && task.status === 'submitted';
  const submittedIds = new Set(
    task.events.filter((e) => e.kind === 'submitted').flatMap((e) => (e.payload.evidenceIds as string[]) ?? []),
  );
  const canCoordinate =
    task.permissions?.canCoordinate ?? (isLeadership(user) && user?.regencyCode === task.regencyCode);
  const pendingRequest = task.events.filter((e) => e.kind === 'extension_requested').at(-1);
  const pendingExtension =
    task.events.filter((e) => e.kind.startsWith('extension_')).at(-1)?.kind === 'extension_requested';

  return (
    <>
      <p>
        <Link href={canDecide ? '/persetujuan' : '/tugas'}>{canDecide ? t('backToApprovals') : t('backToInbox')}</Link>
      </p>
      <PageHeading>{task.title}</PageHeading>
      <p className="card-meta">
        <TaskStatusBadge status={task.status} />
        {task.unit && <span className="unit-name">{task.unit.name}</span>}
        {task.escalationLevel > 0 && (
          <span className="badge badge-escalation">{t('escalationLevel', { n: task.escalationLevel })}</span>
        )}
      </p>
      <p>
        <DueDate dueAt={task.dueAt} closed={closedStatuses.includes(task.status) || task.status === 'submitted'} />
      </p>
      {task.description && <p className="prose">{task.description}</p>}

      <section aria-labelledby="deliverables-heading">
        <h2 id="deliverables-heading">{t('deliverables')}</h2>
        <ul className="plain">
          {task.deliverables.map((d, index) => (
            <li key={index}>
              {d.title} <span className="muted">({t(deliverableKey(d.kind))})</span>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="evidence-heading">
        <h2 id="evidence-heading">{t('evidence')}</h2>
        {evidence.length === 0 ? (
          <p className="muted">{t('noEvidence')}</p>
        ) : (
          <ul className="plain" data-testid="evidence-list">
            {evidence.map((file) => (
              <li key={file.id}>
                <span className="file-name">{file.originalName}</span>{' '}
                <span className="muted">
                  {formatBytes(locale, file.sizeBytes)} · {formatDateTimeShort(locale, file.uploadedAt, timeZone)}
                  {submittedIds.has(file.id) ? ` · ${t('alreadySubmitted')}` : ''}
                </span>
              </li>
            ))}
          </ul>
        )}
        {canWork && <EvidenceUpload taskId={task.id} onUploaded={reload} />}
      </section>

      {canWork && (
        <SubmitForm
          taskId={task.id}
          evidenceIds={evidence.filter((f) => !submittedIds.has(f.id)).map((f) => f.id)}
          onDone={reload}
        />
      )}
      {canWork && !pendingExtension && (
        <ExtensionForm taskId={task.id} minimumDay={localDayOf(new Date(task.dueAt), timeZone)} onDone={reload} />
      )}
      {pendingExtension && !canCoordinate && <p className="note note-muted">{t('extensionPending')}</p>}
      {pendingExtension && canCoordinate && pendingRequest && (
        <ExtensionDecision
          taskId={task.id}
          requestedDay={String(pendingRequest.payload.requestedDueDate ?? '')}
          reason={String(pendingRequest.payload.reason ?? '')}
          onDone={reload}
        />
      )}
      {canDecide && <DecisionForm taskId={task.id} onDone={reload} />}
      {isAssignee && user?.regencyCode && (
        <details className="panel" onToggle={(e) => setEntryOpen(e.currentTarget.open)}>
          <summary>{t('indicatorEntryTitle')}</summary>
          {/* Mounted when opened: the catalogue and the stored values load only for who enters values. */}
          {entryOpen && <IndicatorEntry regencyCode={user.regencyCode} />}
        </details>
      )}

      <section aria-labelledby="history-heading">
        <h2 id="history-heading">{t('history')}</h2>
        <EventHistory events={task.events} />
      </section>
    </>
  );
}

function deliverableKey(kind: string) {
  switch (kind) {
    case 'data_table':
      return 'deliverableDataTable' as const;
    case 'signature':
      return 'deliverableSignature' as const;
    case 'minutes':
      return 'deliverableMinutes' as const;
    default:
      return 'deliverableDocument' as const;
  }
}

function EvidenceUpload({ taskId, onUploaded }: { taskId: string; onUploaded: () => void }) {
  const { t } = useApp();
  const input = useRef<HTMLInputElement>(null);
  const [progress, setProgress] = useState<number | undefined>();
  const [error, setError] = useState<unknown>();
  const [message, setMessage] = useState('');

  const upload = async (event: FormEvent) => {
    event.preventDefault();
    const file = input.current?.files?.[0];
    if (!file) return;
    setError(undefined);
    setMessage('');
    setProgress(0);
    try {
      await api.upload(`/api/v1/tasks/${taskId}/evidence`, file, setProgress);
      setMessage(t('uploadDone', { name: file.name }));
      if (input.current) input.current.value = '';
      onUploaded();
    } catch (failure) {
      setError(failure);
    } finally {
      setProgress(undefined);
    }
  };

  return (
    <form className="form" onSubmit={upload} aria-labelledby="upload-heading">
      <h3 id="upload-heading">{t('uploadEvidence')}</h3>
      <FileUploadFields input={input} hintId="upload-hint" progress={progress} error={error} message={message} />
      <button type="submit" className="button" disabled={progress !== undefined}>
        {t('upload')}
      </button>
    </form>
  );
}

function SubmitForm({ taskId, evidenceIds, onDone }: { taskId: string; evidenceIds: string[]; onDone: () => void }) {
  const { t } = useApp();
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  // One key per intended submission: a double click or a retry after a timeout submits once.
  const [key] = useState(newIdempotencyKey);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await api.post(`/api/v1/tasks/${taskId}/submit`, { note, evidenceIds }, { 'idempotency-key': key });
      onDone();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="form panel" onSubmit={submit} aria-labelledby="submit-heading">
      <h2 id="submit-heading">{t('submitTitle')}</h2>
      <p className="muted">{t('submitEvidenceCount', { n: evidenceIds.length })}</p>
      <label className="field">
        <span>{t('noteOptional')}</span>
        <textarea value={note} maxLength={2000} onChange={(e) => setNote(e.target.value)} />
      </label>
      <ErrorNote error={error} />
      <button type="submit" className="button primary" disabled={busy}>
        {t('submit')}
      </button>
    </form>
  );
}

function ExtensionForm({ taskId, minimumDay, onDone }: { taskId: string; minimumDay: string; onDone: () => void }) {
  const { t } = useApp();
  const [day, setDay] = useState('');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [key] = useState(newIdempotencyKey);
  const reasonShort = reason.length > 0 && reason.trim().length < 3;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await api.post(
        `/api/v1/tasks/${taskId}/extension-requests`,
        { requestedDueDate: day, reason },
        { 'idempotency-key': key },
      );
      onDone();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <details className="panel">
      <summary>{t('extensionTitle')}</summary>
      <form className="form" onSubmit={submit}>
        <label className="field">
          <span>{t('extensionDate')}</span>
          <input type="date" required min={minimumDay} value={day} onChange={(e) => setDay(e.target.value)} />
        </label>
        <div className="field">
          <label className="field-label">
            <span>{t('reason')}</span>
            <textarea
              required
              value={reason}
              maxLength={2000}
              aria-invalid={reasonShort}
              aria-describedby="extension-reason-hint"
              onChange={(e) => setReason(e.target.value)}
            />
          </label>
          <small id="extension-reason-hint" className={reasonShort ? 'field-error' : 'muted'}>
            {t('reasonHint')}
          </small>
        </div>
        <ErrorNote error={error} />
        <button type="submit" className="button" disabled={busy || reasonShort || !day}>
          {t('requestExtension')}
        </button>
      </form>
    </details>
  );
}

function DecisionForm({ taskId, onDone }: { taskId: string; onDone: () => void }) {
  const { t } = useApp();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [keys] = useState(() => ({ approve: newIdempotencyKey(), return: newIdempotencyKey() }));
  const reasonTooShort = reason.trim().length < 3;

  const decide = async (decision: 'approve' | 'return') => {
    setBusy(true);
    setError(undefined);
    try {
      await api.post(
        `/api/v1/tasks/${taskId}/${decision}`,
        decision === 'approve' ? { note: reason.trim() } : { reason: reason.trim() },
        { 'idempotency-key': keys[decision] },
      );
      onDone();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="form panel" onSubmit={(e) => e.preventDefault()} aria-labelledby="decision-heading">
      <h2 id="decision-heading">{t('decisionTitle')}</h2>
      <div className="field">
        <label className="field-label">
          <span>{t('decisionNote')}</span>
          <textarea
            value={reason}
            maxLength={2000}
            aria-describedby="decision-hint"
            onChange={(e) => setReason(e.target.value)}
          />
        </label>
        <small id="decision-hint" className="muted">
          {t('decisionHint')}
        </small>
      </div>
      <ErrorNote error={error} />
      <div className="actions">
        <button type="button" className="button primary" disabled={busy} onClick={() => void decide('approve')}>
          {t('approve')}
        </button>
        <button
          type="button"
          className="button danger"
          disabled={busy || reasonTooShort}
          onClick={() => void decide('return')}
        >
          {t('returnTask')}
        </button>
      </div>
    </form>
  );
}

function ExtensionDecision({
  taskId,
  requestedDay,
  reason,
  onDone,
}: {
  taskId: string;
  requestedDay: string;
  reason: string;
  onDone: () => void;
}) {
  const { t, locale } = useApp();
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [key] = useState(newIdempotencyKey);

  const decide = async (approve: boolean) => {
    setBusy(true);
    setError(undefined);
    try {
      await api.post(
        `/api/v1/tasks/${taskId}/extension-requests/decision`,
        { approve, note: note.trim() },
        { 'idempotency-key': `${key}:${approve ? 'yes' : 'no'}` },
      );
      onDone();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel" aria-labelledby="extension-decision-heading">
      <h2 id="extension-decision-heading">{t('extensionDecisionTitle')}</h2>
      <p>
        {t('extensionRequestedUntil', {
          date: /^\d{4}-\d{2}-\d{2}$/.test(requestedDay) ? formatLocalDay(locale, requestedDay) : requestedDay,
        })}
      </p>
      {reason && <q className="event-note">{reason}</q>}
      <label className="field">
        <span>{t('noteOptional')}</span>
        <textarea value={note} maxLength={2000} onChange={(e) => setNote(e.target.value)} />
      </label>
      <ErrorNote error={error} />
      <div className="actions">
        <button type="button" className="button primary" disabled={busy} onClick={() => void decide(true)}>
          {t('extensionApprove')}
        </button>
        <button type="button" className="button danger" disabled={busy} onClick={() => void decide(false)}>
          {t('extensionRefuse')}
        </button>
      </div>
    </section>
  );
}

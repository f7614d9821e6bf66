import type { MessageKey } from '../i18n/messages';
import { useApp } from '../lib/app-context';
import { formatDateTimeShort } from '../lib/format';

const eventLabels: Record<string, MessageKey> = {
  created: 'eventCreated',
  evidence_uploaded: 'eventEvidenceUploaded',
  submitted: 'eventSubmitted',
  approved: 'eventApproved',
  returned: 'eventReturned',
  extension_requested: 'eventExtensionRequested',
  extension_approved: 'eventExtensionApproved',
  extension_rejected: 'eventExtensionRejected',
  reassigned: 'eventReassigned',
  cancelled: 'eventCancelled',
  ladder_reminder: 'eventReminder',
  ladder_overdue: 'eventOverdue',
  ladder_secretary: 'eventEscalatedSecretary',
  ladder_chair: 'eventEscalatedChair',
};

export interface HistoryEvent {
  id: string;
  kind: string;
  occurredAt: string;
  payload: Record<string, unknown>;
  /** What the event belongs to, when a history mixes several tasks. */
  context?: string;
}

/** The audit trail of a task, oldest first; reasons and notes shown as plain text. */
export function EventHistory({ events }: { events: HistoryEvent[] }) {
  const { t, locale, timeZone } = useApp();
  if (events.length === 0) return <p className="muted">{t('noEvents')}</p>;
  return (
    <ol className="timeline-list">
      {events.map((event) => {
        const label = eventLabels[event.kind];
        const text = [event.payload.reason, event.payload.note].find((v) => typeof v === 'string' && v.length > 0);
        return (
          <li key={event.id} data-event={event.kind}>
            <time dateTime={event.occurredAt}>{formatDateTimeShort(locale, event.occurredAt, timeZone)}</time>{' '}
            <strong>{label ? t(label) : event.kind}</strong>
            {event.context && <span className="muted"> · {event.context}</span>}
            {typeof text === 'string' && <q className="event-note">{text}</q>}
          </li>
        );
      })}
    </ol>
  );
}

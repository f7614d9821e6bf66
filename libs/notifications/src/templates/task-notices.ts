import { formatDateTimeId, type IndonesianTimeZone } from '@konvergensi/domain';
import { createEvent } from 'ics';
import type { MailAttachment } from '@konvergensi/persistence';
import { escapeHtml, htmlFrame } from './html';

export type TaskNoticeKind =
  | 'assigned'
  | 'reminder'
  | 'overdue'
  | 'escalation_secretary'
  | 'escalation_chair'
  | 'submitted'
  | 'approved'
  | 'returned'
  | 'extension_requested'
  | 'extension_approved'
  | 'extension_rejected'
  | 'reassigned'
  | 'cancelled';

export type Locale = 'id' | 'en';

export interface TaskNoticeData {
  taskId: string;
  taskTitle: string;
  unitName: string;
  regencyName: string;
  dueAt: Date;
  timeZone: IndonesianTimeZone;
  taskUrl: string;
  /** A reason or note typed by the person who acted (return, extension, cancel). */
  note?: string;
  requestedDueDate?: string;
}

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
  attachments: MailAttachment[];
}

interface Wording {
  subject: (d: TaskNoticeData) => string;
  lead: (d: TaskNoticeData, due: string) => string;
}

const indonesian: Record<TaskNoticeKind, Wording> = {
  assigned: {
    subject: (d) => `Tugas baru: ${d.taskTitle}`,
    lead: (d, due) => `${d.unitName} mendapat tugas baru "${d.taskTitle}" dengan batas waktu ${due}.`,
  },
  reminder: {
    subject: (d) => `Pengingat: ${d.taskTitle}`,
    lead: (d, due) => `Tugas "${d.taskTitle}" untuk ${d.unitName} jatuh tempo ${due}. Mohon segera diselesaikan.`,
  },
  overdue: {
    subject: (d) => `Terlambat: ${d.taskTitle}`,
    lead: (d, due) => `Batas waktu tugas "${d.taskTitle}" untuk ${d.unitName} (${due}) telah terlewati.`,
  },
  escalation_secretary: {
    subject: (d) => `Eskalasi ke Sekretaris TPPS: ${d.taskTitle}`,
    lead: (d, due) => `Tugas "${d.taskTitle}" untuk ${d.unitName} belum selesai sejak batas waktu ${due}.`,
  },
  escalation_chair: {
    subject: (d) => `Eskalasi ke Ketua TPPS: ${d.taskTitle}`,
    lead: (d, due) =>
      `Tugas "${d.taskTitle}" untuk ${d.unitName} masih belum selesai sejak batas waktu ${due} meskipun sudah dieskalasi ke Sekretaris TPPS.`,
  },
  submitted: {
    subject: (d) => `Menunggu persetujuan: ${d.taskTitle}`,
    lead: (d) => `${d.unitName} telah mengirim hasil tugas "${d.taskTitle}" dan menunggu persetujuan Anda.`,
  },
  approved: {
    subject: (d) => `Disetujui: ${d.taskTitle}`,
    lead: (d) => `Hasil tugas "${d.taskTitle}" dari ${d.unitName} telah disetujui. Terima kasih.`,
  },
  returned: {
    subject: (d) => `Dikembalikan: ${d.taskTitle}`,
    lead: (d, due) => `Hasil tugas "${d.taskTitle}" dikembalikan untuk diperbaiki. Batas waktu tetap ${due}.`,
  },
  extension_requested: {
    subject: (d) => `Permintaan perpanjangan: ${d.taskTitle}`,
    lead: (d, due) =>
      `${d.unitName} meminta perpanjangan batas waktu tugas "${d.taskTitle}" dari ${due} menjadi ${d.requestedDueDate ?? '-'}.`,
  },
  extension_approved: {
    subject: (d) => `Perpanjangan disetujui: ${d.taskTitle}`,
    lead: (d, due) => `Batas waktu tugas "${d.taskTitle}" diperpanjang menjadi ${due}.`,
  },
  extension_rejected: {
    subject: (d) => `Perpanjangan ditolak: ${d.taskTitle}`,
    lead: (d, due) => `Permintaan perpanjangan tugas "${d.taskTitle}" ditolak. Batas waktu tetap ${due}.`,
  },
  reassigned: {
    subject: (d) => `Tugas dialihkan: ${d.taskTitle}`,
    lead: (d) => `Tugas "${d.taskTitle}" dialihkan dari ${d.unitName} ke unit lain.`,
  },
  cancelled: {
    subject: (d) => `Tugas dibatalkan: ${d.taskTitle}`,
    lead: (d) => `Tugas "${d.taskTitle}" untuk ${d.unitName} dibatalkan.`,
  },
};

const english: Record<TaskNoticeKind, Wording> = {
  assigned: {
    subject: (d) => `New task: ${d.taskTitle}`,
    lead: (d, due) => `${d.unitName} has a new task "${d.taskTitle}", due ${due}.`,
  },
  reminder: {
    subject: (d) => `Reminder: ${d.taskTitle}`,
    lead: (d, due) => `The task "${d.taskTitle}" for ${d.unitName} is due ${due}.`,
  },
  overdue: {
    subject: (d) => `Overdue: ${d.taskTitle}`,
    lead: (d, due) => `The deadline of "${d.taskTitle}" for ${d.unitName} (${due}) has passed.`,
  },
  escalation_secretary: {
    subject: (d) => `Escalated to the TPPS secretary: ${d.taskTitle}`,
    lead: (d, due) => `"${d.taskTitle}" for ${d.unitName} is still open since ${due}.`,
  },
  escalation_chair: {
    subject: (d) => `Escalated to the TPPS chair: ${d.taskTitle}`,
    lead: (d, due) => `"${d.taskTitle}" for ${d.unitName} is still open since ${due}.`,
  },
  submitted: {
    subject: (d) => `Awaiting approval: ${d.taskTitle}`,
    lead: (d) => `${d.unitName} submitted "${d.taskTitle}".`,
  },
  approved: {
    subject: (d) => `Approved: ${d.taskTitle}`,
    lead: (d) => `"${d.taskTitle}" from ${d.unitName} was approved.`,
  },
  returned: {
    subject: (d) => `Returned: ${d.taskTitle}`,
    lead: (d, due) => `"${d.taskTitle}" was returned for changes; still due ${due}.`,
  },
  extension_requested: {
    subject: (d) => `Extension requested: ${d.taskTitle}`,
    lead: (d, due) => `${d.unitName} asks to move "${d.taskTitle}" from ${due} to ${d.requestedDueDate ?? '-'}.`,
  },
  extension_approved: {
    subject: (d) => `Extension approved: ${d.taskTitle}`,
    lead: (d, due) => `"${d.taskTitle}" is now due ${due}.`,
  },
  extension_rejected: {
    subject: (d) => `Extension refused: ${d.taskTitle}`,
    lead: (d, due) => `"${d.taskTitle}" remains due ${due}.`,
  },
  reassigned: {
    subject: (d) => `Task reassigned: ${d.taskTitle}`,
    lead: (d) => `"${d.taskTitle}" moved from ${d.unitName} to another unit.`,
  },
  cancelled: {
    subject: (d) => `Task cancelled: ${d.taskTitle}`,
    lead: (d) => `"${d.taskTitle}" for ${d.unitName} was cancelled.`,
  },
};

/** Notices that carry the deadline as a calendar entry. */
const withCalendarEntry: readonly TaskNoticeKind[] = ['assigned', 'reminder', 'extension_approved', 'returned'];

/** The deadline as an .ics event (one minute ending at the due instant), so it lands in a calendar. */
export function deadlineIcs(data: TaskNoticeData): MailAttachment {
  const end = data.dueAt;
  const start = new Date(end.getTime() - 60_000);
  const parts = (d: Date): [number, number, number, number, number] => [
    d.getUTCFullYear(),
    d.getUTCMonth() + 1,
    d.getUTCDate(),
    d.getUTCHours(),
    d.getUTCMinutes(),
  ];
  const { error, value } = createEvent({
    uid: `task-${data.taskId}@konvergensi`,
    title: `Batas waktu: ${data.taskTitle}`,
    description: `${data.unitName} — ${data.taskUrl}`,
    start: parts(start),
    startInputType: 'utc',
    startOutputType: 'utc',
    end: parts(end),
    endInputType: 'utc',
    endOutputType: 'utc',
    url: data.taskUrl,
    productId: 'konvergensi',
  });
  if (error || !value) throw new Error(`cannot build the deadline calendar entry: ${String(error)}`);
  return { filename: 'batas-waktu.ics', contentType: 'text/calendar; charset=utf-8; method=PUBLISH', content: value };
}

/** Subject, plain text and HTML of a task notice, with the due date as people read it. */
export function renderTaskNotice(kind: TaskNoticeKind, data: TaskNoticeData, locale: Locale = 'id'): RenderedMail {
  const wording = (locale === 'en' ? english : indonesian)[kind];
  const due = formatDateTimeId(data.dueAt, data.timeZone);
  const lead = wording.lead(data, due);
  const noteLabel = locale === 'en' ? 'Note' : 'Catatan';
  const linkLabel = locale === 'en' ? 'Open the task' : 'Buka tugas';
  const lines = [
    lead,
    ...(data.note ? [`${noteLabel}: ${data.note}`] : []),
    `${linkLabel}: ${data.taskUrl}`,
    '',
    data.regencyName,
  ];
  return {
    subject: wording.subject(data),
    text: lines.join('\n'),
    html: htmlFrame(
      wording.subject(data),
      [escapeHtml(lead), ...(data.note ? [`<strong>${noteLabel}:</strong> ${escapeHtml(data.note)}`] : [])],
      {
        url: data.taskUrl,
        label: linkLabel,
      },
    ),
    attachments: withCalendarEntry.includes(kind) ? [deadlineIcs(data)] : [],
  };
}

export interface DigestItem {
  taskTitle: string;
  unitName: string;
  dueAt: Date;
  level: number;
  taskUrl: string;
}

const levelLabel: Record<number, string> = {
  1: 'pengingat',
  2: 'terlambat',
  3: 'eskalasi ke Sekretaris TPPS',
  4: 'eskalasi ke Ketua TPPS',
};

/** One mail a day per head or TPPS officer with every escalation that reached them. */
export function renderEscalationDigest(
  items: readonly DigestItem[],
  data: { regencyName: string; date: string; timeZone: IndonesianTimeZone },
): RenderedMail {
  const lines = items.map(
    (i) =>
      `- ${i.taskTitle} (${i.unitName}), batas waktu ${formatDateTimeId(i.dueAt, data.timeZone)}, ${levelLabel[i.level] ?? `tingkat ${i.level}`}: ${i.taskUrl}`,
  );
  const subject = `Ringkasan eskalasi ${data.date}: ${items.length} tugas`;
  return {
    subject,
    text: [`Tugas yang memerlukan perhatian Anda (${data.regencyName}):`, '', ...lines].join('\n'),
    html: htmlFrame(subject, [
      `Tugas yang memerlukan perhatian Anda (${escapeHtml(data.regencyName)}):`,
      `<ul>${items.map((i) => `<li><a href="${escapeHtml(i.taskUrl)}">${escapeHtml(i.taskTitle)}</a> — ${escapeHtml(i.unitName)}, batas waktu ${escapeHtml(formatDateTimeId(i.dueAt, data.timeZone))}, ${escapeHtml(levelLabel[i.level] ?? String(i.level))}</li>`).join('')}</ul>`,
    ]),
    attachments: [],
  };
}

/** The daily digest of a unit: its open tasks, overdue first. */
export function renderUnitDigest(
  tasks: readonly { taskTitle: string; dueAt: Date; overdue: boolean; taskUrl: string }[],
  data: { unitName: string; date: string; timeZone: IndonesianTimeZone },
): RenderedMail {
  const overdue = tasks.filter((t) => t.overdue);
  const subject = `Tugas ${data.unitName} per ${data.date}: ${tasks.length} terbuka, ${overdue.length} terlambat`;
  const line = (t: (typeof tasks)[number]) =>
    `${t.overdue ? '[TERLAMBAT] ' : ''}${t.taskTitle}, batas waktu ${formatDateTimeId(t.dueAt, data.timeZone)}: ${t.taskUrl}`;
  return {
    subject,
    text: [`Ringkasan harian tugas ${data.unitName}:`, '', ...tasks.map((t) => `- ${line(t)}`)].join('\n'),
    html: htmlFrame(subject, [`<ul>${tasks.map((t) => `<li>${escapeHtml(line(t))}</li>`).join('')}</ul>`]),
    attachments: [],
  };
}

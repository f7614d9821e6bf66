import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface CaughtMail {
  /** Order of arrival, from 1. */
  sequence: number;
  receivedAt: string;
  messageId: string | null;
  from: string;
  to: string[];
  subject: string;
  text: string;
  html: string | null;
  attachments: { filename: string | null; contentType: string; size: number }[];
}

export interface MailCatcher {
  readonly port: number;
  /** Every mail received so far, oldest first. */
  messages(): CaughtMail[];
  /** Resolves with the first mail (already received or arriving) that matches, or rejects. */
  waitFor(match: (mail: CaughtMail) => boolean, timeoutMs?: number): Promise<CaughtMail>;
  clear(): void;
  stop(): Promise<void>;
}

export interface MailCatcherOptions {
  port: number;
  host?: string;
  /** Called for each mail after it is stored (e.g. to persist the dev mailbox). */
  onMail?: (mail: CaughtMail) => void;
  initial?: CaughtMail[];
}

/**
 * A real SMTP receiver (smtp-server + mailparser) kept in memory: the tests' mail server and the
 * dev mailbox of `npm start`. Accepts any sender and recipient without authentication.
 */
export async function startMailCatcher(options: MailCatcherOptions): Promise<MailCatcher> {
  const stored: CaughtMail[] = [...(options.initial ?? [])];
  const waiters = new Set<(mail: CaughtMail) => void>();

  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    size: 30 * 1024 * 1024,
    // stop() stands for "the mail server went down": drop pooled client connections quickly.
    closeTimeout: 500,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          const envelopeTo = session.envelope.rcptTo.map((rcpt) => rcpt.address);
          const mail: CaughtMail = {
            sequence: stored.length + 1,
            receivedAt: new Date().toISOString(),
            messageId: parsed.messageId ?? null,
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: envelopeTo,
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
            html: typeof parsed.html === 'string' ? parsed.html : null,
            attachments: parsed.attachments.map((attachment) => ({
              filename: attachment.filename ?? null,
              contentType: attachment.contentType,
              size: attachment.size,
            })),
          };
          stored.push(mail);
          options.onMail?.(mail);
          for (const notify of [...waiters]) notify(mail);
          callback();
        })
        .catch((error: unknown) => callback(error instanceof Error ? error : new Error(String(error))));
    },
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  server.on('error', () => {
    // A client that drops mid-session must not crash the process that hosts the catcher.
  });

  return {
    port: options.port,
    messages: () => [...stored],
    clear: () => {
      stored.length = 0;
    },
    waitFor(match, timeoutMs = 20_000) {
      const already = stored.find(match);
      if (already) return Promise.resolve(already);
      return new Promise<CaughtMail>((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.delete(listener);
          reject(new Error(`No matching mail arrived within ${timeoutMs} ms`));
        }, timeoutMs);
        const listener = (mail: CaughtMail): void => {
          if (!match(mail)) return;
          clearTimeout(timer);
          waiters.delete(listener);
          resolve(mail);
        };
        waiters.add(listener);
      });
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

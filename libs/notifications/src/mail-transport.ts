import nodemailer, { type Transporter } from 'nodemailer';

export interface SmtpSettings {
  host: string;
  port: number;
  secure: boolean;
  user?: string;
  password?: string;
}

/**
 * One pooled transport per process, never one per message (a connection and TLS handshake per
 * mail would cost more than the mail). Timeouts are short so that a dead SMTP server turns into a
 * retryable failure quickly instead of a hung activity.
 */
export function createMailTransport(settings: SmtpSettings): Transporter {
  return nodemailer.createTransport({
    host: settings.host,
    port: settings.port,
    secure: settings.secure,
    ignoreTLS: !settings.secure,
    pool: true,
    maxConnections: 2,
    connectionTimeout: 5000,
    greetingTimeout: 5000,
    socketTimeout: 15000,
    auth: settings.user ? { user: settings.user, pass: settings.password ?? '' } : undefined,
  });
}

/** SMTP reachability for the health page: true when the server greets us in time. */
export async function isSmtpReachable(settings: SmtpSettings, timeoutMs = 2000): Promise<boolean> {
  const probe = nodemailer.createTransport({
    host: settings.host,
    port: settings.port,
    secure: settings.secure,
    ignoreTLS: !settings.secure,
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
    auth: settings.user ? { user: settings.user, pass: settings.password ?? '' } : undefined,
  });
  try {
    await probe.verify();
    return true;
  } catch {
    return false;
  } finally {
    probe.close();
  }
}

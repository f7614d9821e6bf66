import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '@konvergensi/config';
import type { Logger } from '@konvergensi/logging';
import { enqueueMail, escapeHtml, htmlFrame } from '@konvergensi/notifications';
import { PasswordResetTokenRecord, RefreshTokenRecord, UserRecord } from '@konvergensi/persistence';
import { createHash, randomBytes } from 'node:crypto';
import { IsNull, MoreThan, type DataSource } from 'typeorm';
import { ApiError } from '../common/api-error';
import { APP_CONFIG, DATA_SOURCE, LOGGER } from '../tokens';
import { hashPassword } from './password-hasher';

/** How long a reset link works. Short: the mail may sit in a shared office inbox. */
export const resetTokenTtlMinutes = 60;

export const invalidResetToken = () =>
  new ApiError(
    HttpStatus.BAD_REQUEST,
    'INVALID_RESET_TOKEN',
    'Tautan atur ulang kata sandi tidak valid, sudah dipakai, atau sudah kedaluwarsa. Minta tautan baru.',
  );

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** The mail with the one-time link; the token is only in the link, never stored in clear. */
export function resetMail(user: { username: string; displayName: string }, link: string) {
  const subject = 'Atur ulang kata sandi Konvergensi Stunting';
  const lines = [
    `Yth. ${user.displayName},`,
    `Ada permintaan untuk membuat kata sandi baru bagi akun ${user.username}.`,
    `Buka tautan berikut dalam ${resetTokenTtlMinutes} menit; tautan hanya dapat dipakai sekali.`,
    'Jika Anda tidak memintanya, abaikan surel ini: kata sandi Anda tidak berubah.',
  ];
  return {
    subject,
    text: `${lines.slice(0, 3).join('\n')}\n${link}\n\n${lines[3]}\n`,
    html: htmlFrame(subject, lines.map(escapeHtml), { url: link, label: 'Buat kata sandi baru' }),
  };
}

/**
 * Forgotten passwords. A request answers the same whether or not the account exists (the work is
 * done after the answer), so the endpoint cannot be used to discover usernames or addresses.
 */
@Injectable()
export class PasswordResets {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /** Starts the reset in the background and returns at once, identically for every identifier. */
  request(identifier: string): void {
    void this.issue(identifier).catch((error: unknown) =>
      this.logger.error({ err: error }, 'password reset request failed'),
    );
  }

  /** Issues a token and queues the mail for each active account the identifier names. */
  async issue(identifier: string): Promise<number> {
    const key = identifier.trim().toLowerCase();
    const users = this.dataSource.getRepository(UserRecord);
    const byUsername = await users.findOneBy({ username: key, active: true });
    const accounts = byUsername
      ? [byUsername]
      : key.includes('@')
        ? (await users.find({ where: { active: true }, order: { username: 'ASC' } })).filter(
            (u) => u.email.toLowerCase() === key,
          )
        : [];
    for (const user of accounts.slice(0, 5)) {
      const token = randomBytes(32).toString('base64url');
      await this.dataSource.transaction(async (manager) => {
        const record = await manager.getRepository(PasswordResetTokenRecord).save({
          userId: user.id,
          tokenHash: hashToken(token),
          expiresAt: new Date(Date.now() + resetTokenTtlMinutes * 60_000),
          usedAt: null,
        });
        const link = `${this.config.APP_BASE_URL.replace(/\/$/, '')}/atur-ulang-kata-sandi?token=${token}`;
        await enqueueMail(manager, {
          idempotencyKey: `password-reset:${record.id}`,
          to: [user.email],
          category: 'password_reset',
          ...resetMail(user, link),
        });
      });
      this.logger.info({ userId: user.id }, 'password reset link queued');
    }
    return accounts.length;
  }

  /**
   * Sets the new password if the token is known, unused and unexpired. The token is spent, every
   * other open token of the account too, the lockout cleared and all sessions revoked, in one
   * transaction: a replayed link finds the token used.
   */
  async confirm(token: string, newPassword: string): Promise<void> {
    const passwordHash = await hashPassword(newPassword);
    await this.dataSource.transaction(async (manager) => {
      const now = new Date();
      const tokens = manager.getRepository(PasswordResetTokenRecord);
      const record = await tokens.findOne({
        where: { tokenHash: hashToken(token), usedAt: IsNull(), expiresAt: MoreThan(now) },
        lock: { mode: 'pessimistic_write' },
      });
      if (!record) throw invalidResetToken();
      const user = await manager.getRepository(UserRecord).findOneBy({ id: record.userId, active: true });
      if (!user) throw invalidResetToken();
      await tokens.update({ userId: user.id, usedAt: IsNull() }, { usedAt: now });
      await manager.getRepository(UserRecord).update(user.id, { passwordHash, failedLoginCount: 0, lockedUntil: null });
      await manager
        .getRepository(RefreshTokenRecord)
        .update({ userId: user.id, revokedAt: IsNull() }, { revokedAt: now });
    });
  }
}

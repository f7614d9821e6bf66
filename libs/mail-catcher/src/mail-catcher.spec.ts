import { createServer } from 'node:net';
import nodemailer from 'nodemailer';
import { startMailCatcher } from './mail-catcher';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

describe('startMailCatcher', () => {
  it('receives a real SMTP delivery and parses subject, recipients, text and Message-ID', async () => {
    const catcher = await startMailCatcher({ port: await freePort() });
    try {
      const transport = nodemailer.createTransport({ host: '127.0.0.1', port: catcher.port, ignoreTLS: true });
      await transport.sendMail({
        from: 'noreply@konvergensi.local',
        to: 'dinkes@metro.go.id',
        subject: 'Tugas baru: Analisis Situasi',
        text: 'Batas waktu Jumat, 27 Februari 2026 pukul 23.59 WIB',
        messageId: '<abc@konvergensi.local>',
      });
      const mail = await catcher.waitFor((m) => m.subject.startsWith('Tugas baru'));
      expect(mail.to).toEqual(['dinkes@metro.go.id']);
      expect(mail.text).toContain('27 Februari 2026');
      expect(mail.messageId).toBe('<abc@konvergensi.local>');
      expect(catcher.messages()).toHaveLength(1);
    } finally {
      await catcher.stop();
    }
  });

  it('rejects a wait when no matching mail arrives in time', async () => {
    const catcher = await startMailCatcher({ port: await freePort() });
    try {
      await expect(catcher.waitFor(() => true, 50)).rejects.toThrow('No matching mail');
    } finally {
      await catcher.stop();
    }
  });
});

import type { Response } from 'superagent';
import {
  createDataSource,
  TaskEventRecord,
  TaskRecord,
  UnitRecord,
  type TaskKind,
  type TaskStatus,
} from '@konvergensi/persistence';
import { createHash, randomUUID } from 'node:crypto';
import { crc32, deflateSync } from 'node:zlib';
import type { DataSource } from 'typeorm';
import { startMailCatcher, type MailCatcher } from '@konvergensi/mail-catcher';
import { ApiClient } from './api-client';
import { testEnvironment } from './environment';
import { freePort } from './processes';
import { startStack, type Stack } from './stack';

/** A TypeORM connection to the shared test database, for fixtures and for checking what was stored. */
export function openDatabase(): Promise<DataSource> {
  return createDataSource({
    url: testEnvironment().databaseUrl,
    poolSize: 2,
    applicationName: 'test-fixtures',
  }).initialize();
}

export async function unitOf(db: DataSource, regencyCode: string, unitCode: string): Promise<UnitRecord> {
  return db.getRepository(UnitRecord).findOneByOrFail({ regencyCode, code: unitCode });
}

export interface TaskFixture {
  regencyCode: string;
  unitCode: string;
  title?: string;
  kind?: TaskKind;
  status?: TaskStatus;
  dueAt?: Date;
  escalationLevel?: number;
  stageId?: string | null;
  cycleId?: string | null;
}

/**
 * Tasks have no create endpoint yet (the task-lifecycle issue adds it): fixtures insert the read
 * model rows directly, each with a unique workflow id so test files never collide.
 */
export async function insertTask(db: DataSource, fixture: TaskFixture): Promise<TaskRecord> {
  const unit = await unitOf(db, fixture.regencyCode, fixture.unitCode);
  const repository = db.getRepository(TaskRecord);
  const task = repository.create({
    regencyCode: fixture.regencyCode,
    kind: fixture.kind ?? 'cycle',
    cycleId: fixture.cycleId ?? null,
    stageId: fixture.stageId ?? null,
    title: fixture.title ?? `Tugas uji ${randomUUID().slice(0, 8)}`,
    description: 'Dibuat oleh pengujian.',
    assigneeUnitId: unit.id,
    status: fixture.status ?? 'open',
    dueAt: fixture.dueAt ?? new Date(Date.now() + 7 * 86_400_000),
    escalationLevel: fixture.escalationLevel ?? 0,
    deliverables: [{ kind: 'document', title: 'Dokumen uji' }],
    workflowId: `test-task:${randomUUID()}`,
    createdBy: null,
    closedAt: fixture.status === 'approved' ? new Date() : null,
  });
  const saved = await repository.save(task);
  return repository.findOneByOrFail({ id: saved.id });
}

export async function insertTaskEvent(
  db: DataSource,
  taskId: string,
  kind: string,
  occurredAt: Date,
  payload: Record<string, unknown> = {},
): Promise<void> {
  await db
    .getRepository(TaskEventRecord)
    .save(db.getRepository(TaskEventRecord).create({ taskId, kind, occurredAt, payload, actorUserId: null }));
}

/**
 * A fingerprint of every table of the database (row count and a hash of all rows), to prove that
 * a refused request changed nothing.
 */
export async function databaseFingerprint(db: DataSource): Promise<Record<string, string>> {
  const tables = (
    (await db.query(
      `SELECT table_name FROM information_schema.tables
        WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> 'schema_migrations'
        ORDER BY 1`,
    )) as { table_name: string }[]
  ).map((row) => row.table_name);
  // The mail dispatcher changes delivery columns of outbox rows in the background; what a request
  // must not change is which rows exist.
  const rowText: Record<string, string> = {
    mail_outbox: `t.id::text || t.idempotency_key`,
    escalation_notice: `t.id::text`,
    // Every authenticated request may move its session's last activity (that is the idle clock,
    // not data); whether a session started or ended is what a request must not change unasked.
    auth_session: `t.family_id::text || coalesce(t.ended_at::text, '') || coalesce(t.ended_reason, '')`,
  };
  const sql = tables
    .map(
      (table) =>
        `SELECT '${table}' AS name, count(*)::text || ':' || coalesce(md5(string_agg(md5(${rowText[table] ?? 't::text'}), '' ORDER BY md5(${rowText[table] ?? 't::text'}))), '') AS print FROM "${table}" t`,
    )
    .join(' UNION ALL ');
  const rows = (await db.query(sql)) as { name: string; print: string }[];
  return Object.fromEntries(rows.map((row) => [row.name, row.print]));
}

/** Logs each demo user in once per file and hands out the bearer token. */
export class Logins {
  private readonly tokens = new Map<string, Promise<string>>();

  constructor(private readonly baseUrl: string) {}

  token(username: string): Promise<string> {
    let token = this.tokens.get(username);
    if (!token) {
      token = ApiClient.as(this.baseUrl, username).then((client) => client.token ?? '');
      this.tokens.set(username, token);
    }
    return token;
  }

  async bearer(username: string): Promise<{ authorization: string }> {
    return { authorization: `Bearer ${await this.token(username)}` };
  }
}

export function sha256(content: Buffer): string {
  return createHash('sha256').update(content).digest('hex');
}

/** The smallest PDF a reader opens: one empty page. */
export function pdfBytes(text = 'bukti'): Buffer {
  const objects = [
    '1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj',
    '2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj',
    '3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >> endobj',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  for (const object of objects) {
    offsets.push(body.length);
    body += `${object}\n`;
  }
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  body += offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('');
  body += `trailer << /Size ${objects.length + 1} /Root 1 0 R /Info << /Title (${text}) >> >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

/** A real PNG image of `size`×`size` grey pixels. */
export function pngBytes(size = 2, shade = 128): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.writeUInt8(8, 8); // bit depth
  header.writeUInt8(0, 9); // greyscale
  const rows = Buffer.concat(
    Array.from({ length: size }, () => Buffer.concat([Buffer.from([0]), Buffer.alloc(size, shade)])),
  );
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(rows)),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A zip archive with stored (uncompressed) entries, as Office files are containers of XML. */
export function zipBytes(entries: { name: string; content: string }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const data = Buffer.from(entry.content, 'utf8');
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0, 6);
    local.writeUInt16LE(0, 8); // stored
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, data);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += local.length + name.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** A minimal Word document (docx): content types, relationships and one paragraph. */
export function docxBytes(text = 'Notulen rapat koordinasi'): Buffer {
  return zipBytes([
    {
      name: '[Content_Types].xml',
      content:
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
        '</Types>',
    },
    {
      name: '_rels/.rels',
      content:
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>' +
        '</Relationships>',
    },
    {
      name: 'word/document.xml',
      content:
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
        `<w:body><w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:body></w:document>`,
    },
  ]);
}

/** Bytes that no sniffer recognises. */
export function garbageBytes(length = 4096): Buffer {
  return Buffer.from(Array.from({ length }, (_, i) => (i * 7919 + 13) % 251));
}

/** Checks that an error body is `{ code, message }` with an Indonesian, non-empty message. */
export function expectErrorBody(body: unknown, code?: string): void {
  expect(body).toEqual(expect.objectContaining({ code: expect.any(String), message: expect.any(String) }));
  const { code: actual, message } = body as { code: string; message: string };
  expect(actual).toMatch(/^[A-Z][A-Z0-9_]+$/);
  if (code) expect(actual).toBe(code);
  expect(message.trim().length).toBeGreaterThan(0);
  expect(message).not.toMatch(
    /\b(invalid input|expected|required|unexpected token|not found|internal server error)\b/i,
  );
}

/**
 * One API + worker stack for a test file, with a mail receiver of its own and the per-address
 * login rate limit raised (every test logs in from 127.0.0.1).
 */
export async function startFileStack(name: string, extraEnv: Record<string, string> = {}): Promise<FileStack> {
  const smtpPort = await freePort();
  const mail = await startMailCatcher({ port: smtpPort });
  const stack = await startStack({
    name,
    smtpPort,
    extraEnv: { LOGIN_RATE_LIMIT_PER_MINUTE: '10000', ...extraEnv },
  });
  return {
    ...stack,
    mail,
    stop: async () => {
      await stack.stop();
      await mail.stop();
    },
  };
}

export type FileStack = Stack & { mail: MailCatcher };

/** For set-up code outside tests: fails the file unless the response has the expected status. */
export function expectStatus<T extends { status: number; text?: string }>(response: T, status: number): T {
  if (response.status !== status) throw new Error(`expected ${status}, got ${response.status}: ${response.text ?? ''}`);
  return response;
}

/**
 * A supertest parser that keeps a download's bytes (`.buffer(true).parse(binaryBody)`), for the
 * XLSX, PDF and evidence files; a stream error fails the request instead of hanging it.
 */
export function binaryBody(res: Response, done: (error: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('error', (error: Error) => done(error, Buffer.alloc(0)));
  res.on('end', () => done(null, Buffer.concat(chunks)));
}

import { Writable } from 'node:stream';
import pino from 'pino';
import { createLogger, nestLoggerFor, redactedPaths } from './logger';

function capture(): { lines: string[]; logger: pino.Logger } {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  const logger = pino({ redact: { paths: redactedPaths, censor: '[disembunyikan]' } }, sink);
  return { lines, logger };
}

describe('logging', () => {
  it('creates a pino logger at the configured level with the service name', () => {
    const logger = createLogger({ level: 'warn', service: 'api' });
    expect(logger.level).toBe('warn');
    expect(logger.bindings()).toMatchObject({ service: 'api' });
  });

  it('redacts personal fields of AKS cases and passwords from logged objects', () => {
    const { lines, logger } = capture();
    logger.info({ case: { nik: '1472010101010001', name: 'Siti' }, password: 'rahasia' }, 'kasus');
    expect(lines.join('')).not.toContain('1472010101010001');
    expect(lines.join('')).not.toContain('Siti');
    expect(lines.join('')).not.toContain('rahasia');
  });

  it('redacts an AKS identity under its Indonesian field names', () => {
    const { lines, logger } = capture();
    logger.info({ row: { nama: 'Sekar Ayu', alamat: 'Jl. Uji 1', tanggal_lahir: '2025-01-01' } }, 'impor');
    logger.info({ kasus: { identitas: { nik: '1872014101240003' }, tanggalLahir: '2025-01-01' } }, 'kasus');
    const text = lines.join('');
    for (const secret of ['Sekar Ayu', 'Jl. Uji 1', '2025-01-01', '1872014101240003'])
      expect(text).not.toContain(secret);
  });

  it('adapts Nest log calls to pino levels with their context', () => {
    const { lines, logger } = capture();
    nestLoggerFor(logger).warn('peringatan', 'Bootstrap');
    const entry = JSON.parse(lines[0] ?? '{}') as { level: number; context: string; msg: string };
    expect(entry).toMatchObject({ level: 40, context: 'Bootstrap', msg: 'peringatan' });
  });

  it("logs Nest's per-module and per-route start-up lines at debug, not info", () => {
    const { lines, logger } = capture();
    logger.level = 'debug';
    const nest = nestLoggerFor(logger);
    nest.log('Mapped {/api/health, GET} route', 'RouterExplorer');
    nest.log('API listening', 'Bootstrap');
    const levels = lines.map((line) => (JSON.parse(line) as { level: number }).level);
    expect(levels).toEqual([20, 30]);
  });
});

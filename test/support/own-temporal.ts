import { join } from 'node:path';
import { testEnvironment } from './environment';

/* eslint-disable @typescript-eslint/no-require-imports -- the provisioning scripts are ESM (.mjs) shared with npm start; Node 20.19+ requires them synchronously. */
const { startTemporalDevServer } = require('../../scripts/lib/temporal-server.mjs');
const { freePort } = require('../../scripts/lib/ports.mjs');
/* eslint-enable @typescript-eslint/no-require-imports */

interface DevServer {
  pid: number;
  stop(): Promise<void>;
  child: { kill(signal: NodeJS.Signals): boolean; once(event: 'exit', listener: () => void): void };
}

/**
 * A Temporal dev server of one test file, on a fixed port and a persistent SQLite file, so the file
 * can stop it and start it again where it left off (the shared server of globalSetup stays up).
 */
export class OwnTemporal {
  private server?: DevServer;

  private constructor(
    readonly port: number,
    readonly dbFile: string,
    private readonly logFile: string,
  ) {}

  static async start(name: string): Promise<OwnTemporal> {
    const { workDir } = testEnvironment();
    const own = new OwnTemporal(
      await freePort(),
      join(workDir, `${name}-temporal.db`),
      join(workDir, `${name}-temporal.log`),
    );
    await own.resume();
    return own;
  }

  get address(): string {
    return `127.0.0.1:${this.port}`;
  }

  /** Starts the server on the same port and file (again). */
  async resume(): Promise<void> {
    this.server = (await startTemporalDevServer({
      binary: testEnvironment().temporalBinary,
      dbFile: this.dbFile,
      port: this.port,
      uiPort: undefined,
      logFile: this.logFile,
    })) as DevServer;
  }

  /** Stops the server gracefully (SIGTERM), as an operator restarting it would. */
  async stop(): Promise<void> {
    await this.server?.stop();
    this.server = undefined;
  }
}

import { Controller, Get, HttpStatus, Inject, Res } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { AppConfig } from '@konvergensi/config';
import { isSmtpReachable } from '@konvergensi/notifications';
import type { Connection } from '@temporalio/client';
import type { Response } from 'express';
import type { DataSource } from 'typeorm';
import { Public } from '../auth/access.decorators';
import { MalwareScanner } from '../common/malware-scanner.service';
import { APP_CONFIG, DATA_SOURCE, TEMPORAL_CONNECTION } from '../tokens';

type ServiceState = 'up' | 'down';

export interface HealthReport {
  status: 'ok' | 'degraded';
  services: { postgres: ServiceState; temporal: ServiceState; smtp: ServiceState };
  /** ClamAV for uploads: off (CLAMAV_ADDRESS unset: files are stored unscanned), up or down. */
  malwareScanning: 'off' | ServiceState;
  checkedAt: string;
}

const probeTimeoutMs = 2000;

/** Bounds a probe so that one hanging dependency cannot hang the health page. */
async function probe(check: () => Promise<unknown>): Promise<ServiceState> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timeout')), probeTimeoutMs);
  });
  try {
    await Promise.race([check(), timeout]);
    return 'up';
  } catch {
    return 'down';
  } finally {
    clearTimeout(timer);
  }
}

@ApiTags('health')
@Public()
@Controller('api/health')
export class HealthController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(TEMPORAL_CONNECTION) private readonly temporal: Connection,
    private readonly scanner: MalwareScanner,
  ) {}

  @Get()
  @ApiOperation({
    summary:
      'Reports PostgreSQL, Temporal and SMTP as up or down (503 when one is down), and the malware scanner as off, up or down',
  })
  @ApiResponse({ status: 200, description: 'All services are up' })
  @ApiResponse({ status: 503, description: 'At least one service is down' })
  async health(@Res({ passthrough: true }) response: Response): Promise<HealthReport> {
    const [postgres, temporal, smtp, malwareScanning] = await Promise.all([
      probe(() => this.dataSource.query('SELECT 1')),
      probe(async () => {
        const connection = this.temporal;
        await connection.withDeadline(Date.now() + probeTimeoutMs, () => connection.healthService.check({}));
      }),
      probe(async () => {
        const reachable = await isSmtpReachable(
          {
            host: this.config.SMTP_HOST,
            port: this.config.SMTP_PORT,
            secure: this.config.SMTP_SECURE,
            user: this.config.SMTP_USER,
            password: this.config.SMTP_PASSWORD,
          },
          probeTimeoutMs,
        );
        if (!reachable) throw new Error('SMTP unreachable');
      }),
      this.scanner.state(probeTimeoutMs),
    ]);
    const services = { postgres, temporal, smtp };
    // A scanner that is down stops uploads only (they fail closed with 503): reads and every other
    // command still work, so the API stays healthy and the state is reported beside the status.
    const allUp = Object.values(services).every((state) => state === 'up');
    response.status(allUp ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
    return { status: allUp ? 'ok' : 'degraded', services, malwareScanning, checkedAt: new Date().toISOString() };
  }
}

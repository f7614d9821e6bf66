import { Module, type DynamicModule } from '@nestjs/common';
import type { AppConfig } from '@konvergensi/config';
import type { Logger } from '@konvergensi/logging';
import { AuthModule } from './auth/auth.module';
import { DevMailModule } from './dev-mail/dev-mail.module';
import { HealthModule } from './health/health.module';
import { IdempotencyModule } from './idempotency/idempotency.module';
import { InfrastructureModule } from './infrastructure/infrastructure.module';
import { PipeCheckModule } from './pipe-check/pipe-check.module';
import { ResourcesModule } from './resources.module';
import { TenancyModule } from './tenancy/tenancy.module';
import { MalwareScanningModule } from './common/malware-scanning.module';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, logger: Logger): DynamicModule {
    const demoMailbox =
      config.DEMO_MODE && config.DEV_MAIL_CATCHER_PORT !== undefined
        ? [DevMailModule.forRoot({ smtpPort: config.DEV_MAIL_CATCHER_PORT, dataDir: config.DATA_DIR })]
        : [];
    return {
      module: AppModule,
      imports: [
        InfrastructureModule.forRoot(config, logger),
        AuthModule,
        IdempotencyModule,
        TenancyModule,
        MalwareScanningModule,
        HealthModule,
        PipeCheckModule,
        ResourcesModule,
        ...demoMailbox,
      ],
    };
  }
}

import { Global, Module, type DynamicModule, type OnApplicationShutdown, Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '@konvergensi/config';
import type { Logger } from '@konvergensi/logging';
import { createDataSource } from '@konvergensi/persistence';
import { Client, Connection } from '@temporalio/client';
import type { DataSource } from 'typeorm';
import { APP_CONFIG, DATA_SOURCE, LOGGER, TEMPORAL_CLIENT, TEMPORAL_CONNECTION } from '../tokens';

/** Closes the connections this module opened when the application shuts down. */
@Injectable()
class ConnectionCloser implements OnApplicationShutdown {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(TEMPORAL_CONNECTION) private readonly temporal: Connection,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await this.temporal.close().catch(() => undefined);
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}

/**
 * The process-wide resources: configuration, logger, the PostgreSQL DataSource and the Temporal
 * client. The Temporal connection is lazy so that the API starts (and reports Temporal as down on
 * /api/health) while the Temporal server is unavailable.
 */
@Global()
@Module({})
export class InfrastructureModule {
  static forRoot(config: AppConfig, logger: Logger): DynamicModule {
    return {
      module: InfrastructureModule,
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: LOGGER, useValue: logger },
        {
          provide: DATA_SOURCE,
          useFactory: async (): Promise<DataSource> =>
            createDataSource({
              url: config.DATABASE_URL,
              poolSize: config.DATABASE_POOL_SIZE,
              applicationName: 'konvergensi-api',
            }).initialize(),
        },
        {
          provide: TEMPORAL_CONNECTION,
          useFactory: (): Connection => Connection.lazy({ address: config.TEMPORAL_ADDRESS }),
        },
        {
          provide: TEMPORAL_CLIENT,
          inject: [TEMPORAL_CONNECTION],
          useFactory: (connection: Connection): Client =>
            new Client({ connection, namespace: config.TEMPORAL_NAMESPACE }),
        },
        ConnectionCloser,
      ],
      exports: [APP_CONFIG, LOGGER, DATA_SOURCE, TEMPORAL_CONNECTION, TEMPORAL_CLIENT],
    };
  }
}

export * from './data-source';
export * from './entities/mail-outbox.entity';
export * from './entities/pipe-check.entity';

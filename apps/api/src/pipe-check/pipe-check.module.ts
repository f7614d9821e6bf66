import { Module } from '@nestjs/common';
import { PipeCheckController } from './pipe-check.controller';

@Module({ controllers: [PipeCheckController] })
export class PipeCheckModule {}

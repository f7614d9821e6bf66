import { Global, Module } from '@nestjs/common';
import { RegencyAccess } from './regency-access.service';

@Global()
@Module({ providers: [RegencyAccess], exports: [RegencyAccess] })
export class TenancyModule {}

import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import type { AppConfig } from '@konvergensi/config';
import { APP_CONFIG, LOGIN_RATE_LIMITER } from '../tokens';
import { AccountController } from './account.controller';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { LoginRateLimiter } from './login-rate-limiter';
import { MfaController, MfaResetController } from './mfa/mfa.controller';
import { MfaService } from './mfa/mfa.service';
import { StepUp } from './mfa/step-up.service';
import { PasswordResets } from './password-reset.service';
import { SessionRegistry } from './session-registry';

@Global()
@Module({
  controllers: [AuthController, AccountController, MfaController, MfaResetController],
  providers: [
    AuthService,
    MfaService,
    StepUp,
    PasswordResets,
    SessionRegistry,
    {
      provide: LOGIN_RATE_LIMITER,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => new LoginRateLimiter(config.LOGIN_RATE_LIMIT_PER_MINUTE),
    },
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [AuthService, StepUp],
})
export class AuthModule {}

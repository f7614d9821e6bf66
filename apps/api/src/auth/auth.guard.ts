import { HttpStatus, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { UserRole } from '@konvergensi/contracts';
import type { Request } from 'express';
import { ApiError } from '../common/api-error';
import { ALLOWED_ROLES, PUBLIC_ROUTE } from './access.decorators';
import { AuthService } from './auth.service';
import type { AuthenticatedRequest } from './principal';

/**
 * Global guard: every route needs a valid bearer token unless marked @Public(); @AllowRoles()
 * narrows it to roles. Tenancy (which regency, which unit) is checked by each resource.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    const request = context.switchToHttp().getRequest<Request & AuthenticatedRequest>();
    const header = request.headers.authorization ?? '';
    const match = /^Bearer ([A-Za-z0-9._-]+)$/.exec(header);
    const result = match ? await this.auth.authenticate(match[1] as string) : { failure: 'invalid' as const };
    if ('failure' in result) {
      // A distinct code for an expired token tells the client to refresh; a forged, revoked or
      // malformed token gets the plain answer.
      if (result.failure === 'expired') {
        throw new ApiError(
          HttpStatus.UNAUTHORIZED,
          'ACCESS_TOKEN_EXPIRED',
          'Sesi Anda telah kedaluwarsa. Perbarui sesi atau masuk kembali.',
        );
      }
      if (result.failure === 'session_ended') {
        throw new ApiError(
          HttpStatus.UNAUTHORIZED,
          'SESSION_ENDED',
          'Sesi berakhir karena terlalu lama tidak aktif atau batas waktunya habis. Silakan masuk kembali.',
        );
      }
      throw new ApiError(HttpStatus.UNAUTHORIZED, 'UNAUTHENTICATED', 'Silakan masuk terlebih dahulu.');
    }
    const principal = result.principal;
    request.principal = principal;
    const allowed = this.reflector.getAllAndOverride<UserRole[] | undefined>(ALLOWED_ROLES, targets);
    if (allowed && !principal.roles.some((role) => allowed.includes(role))) {
      throw new ApiError(HttpStatus.FORBIDDEN, 'FORBIDDEN', 'Anda tidak memiliki akses untuk tindakan ini.');
    }
    return true;
  }
}

import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { UserRole } from '@konvergensi/contracts';

/** Who is calling, as loaded from the database for every authenticated request. */
export interface Principal {
  userId: string;
  username: string;
  displayName: string;
  email: string;
  roles: UserRole[];
  regencyCode: string | null;
  provinceCode: string | null;
  unitId: string | null;
  /** Units whose tasks this person may handle today as a substitute (pengganti), and for whom. */
  delegatedUnits: { unitId: string; onBehalfOfUserId: string }[];
  /** The login session (refresh-token family) of the access token; absent outside a request. */
  sessionId?: string;
}

export interface AuthenticatedRequest {
  principal?: Principal;
}

/** The caller of an authenticated route (the guard has put it on the request). */
export const CurrentPrincipal = createParamDecorator((_data: unknown, context: ExecutionContext): Principal => {
  const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
  if (!request.principal) throw new Error('CurrentPrincipal used on a public route');
  return request.principal;
});

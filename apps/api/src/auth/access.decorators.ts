import { SetMetadata } from '@nestjs/common';
import type { UserRole } from '@konvergensi/contracts';

export const PUBLIC_ROUTE = Symbol('PUBLIC_ROUTE');
export const ALLOWED_ROLES = Symbol('ALLOWED_ROLES');

/** The route needs no login (health, login itself, docs). Every other route does. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(PUBLIC_ROUTE, true);

/** Only callers holding one of these roles pass; tenancy is checked separately per resource. */
export const AllowRoles = (...roles: UserRole[]): MethodDecorator & ClassDecorator => SetMetadata(ALLOWED_ROLES, roles);

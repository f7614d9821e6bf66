import { z } from 'zod';

/**
 * A password a person chooses (account creation, admin change, reset link): OWASP ASVS 2.1.1
 * (at least 12 characters) and 2.1.2 (up to 128 are allowed, longer are refused). No composition
 * rules (2.1.9) and no trimming: every character counts as typed. Login keeps its own wider bound
 * so that an account is never locked out by a later change of this policy.
 */
export const newPasswordSchema = z
  .string()
  .min(12, 'kata sandi minimal 12 karakter')
  .max(128, 'kata sandi paling banyak 128 karakter');

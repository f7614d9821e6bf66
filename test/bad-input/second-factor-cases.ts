import type { BadInputCase } from './cases';

/**
 * Bad input to the second factor (verifikasi dua langkah) and the step-up: refused at the edge,
 * before a code is checked, so no failed-login counter moves and the database stays as it was.
 */
const unknownChallenge = 'tantangan-korpus-yang-tidak-pernah-dibuat';

export function secondFactorCases(): BadInputCase[] {
  const refused = (
    name: string,
    as: string,
    path: string,
    body: unknown,
    expectStatus = 400,
    expectCode = 'VALIDATION_FAILED',
  ): BadInputCase => ({ name, as, method: 'POST', path, body, expectStatus, expectCode });
  return [
    refused('login code without a challenge', 'anonymous', '/api/v1/auth/login/mfa', { code: '123456' }),
    refused('login code with a 10-character challenge', 'anonymous', '/api/v1/auth/login/mfa', {
      challengeToken: 'pendek-123',
      code: '123456',
    }),
    refused('login code as a number', 'anonymous', '/api/v1/auth/login/mfa', {
      challengeToken: unknownChallenge,
      code: 123456,
    }),
    refused('login code of 50 characters', 'anonymous', '/api/v1/auth/login/mfa', {
      challengeToken: unknownChallenge,
      code: '1'.repeat(50),
    }),
    refused('login code with an extra key', 'anonymous', '/api/v1/auth/login/mfa', {
      challengeToken: unknownChallenge,
      code: '123456',
      trustThisDevice: true,
    }),
    refused(
      'login code for a challenge that was never made',
      'anonymous',
      '/api/v1/auth/login/mfa',
      { challengeToken: unknownChallenge, code: '123456' },
      401,
      'MFA_CHALLENGE_INVALID',
    ),
    refused(
      'enrolment at login for a challenge that was never made',
      'anonymous',
      '/api/v1/auth/mfa/enrolment',
      { challengeToken: unknownChallenge },
      401,
      'MFA_CHALLENGE_INVALID',
    ),
    refused('enrolment at login without a body', 'anonymous', '/api/v1/auth/mfa/enrolment', {}),
    refused('enrolment confirm at login with a 5-digit code', 'anonymous', '/api/v1/auth/mfa/enrolment/confirm', {
      challengeToken: unknownChallenge,
      code: '12345',
    }),
    refused('enrolment confirm on the account without a code', 'metro.ketua', '/api/v1/me/mfa/enrolment/confirm', {}),
    refused('enrolment confirm on the account with a null code', 'metro.ketua', '/api/v1/me/mfa/enrolment/confirm', {
      code: null,
    }),
    refused('step-up without the password', 'metro.aks-teknis', '/api/v1/me/step-up', { code: '123456' }),
    refused('step-up with an empty password', 'metro.aks-teknis', '/api/v1/me/step-up', {
      password: '',
      code: '123456',
    }),
    refused('step-up with a password of 201 characters', 'metro.aks-teknis', '/api/v1/me/step-up', {
      password: 'p'.repeat(201),
      code: '123456',
    }),
    refused('step-up with the code in an array', 'metro.aks-teknis', '/api/v1/me/step-up', {
      password: 'apa-saja',
      code: ['123456'],
    }),
    refused(
      'step-up by a user without an authenticator',
      'metro.ketua',
      '/api/v1/me/step-up',
      { password: 'apa-saja-panjang', code: '123456' },
      409,
      'MFA_NOT_ENABLED',
    ),
    refused(
      'new recovery codes without an authenticator',
      'metro.ketua',
      '/api/v1/me/mfa/recovery-codes',
      { password: 'apa-saja-panjang', code: '123456' },
      409,
      'MFA_NOT_ENABLED',
    ),
    refused(
      'switching off the authenticator a role requires',
      'metro.aks-pakar',
      '/api/v1/me/mfa/disable',
      { password: 'apa-saja-panjang', code: '123456' },
      409,
      'MFA_REQUIRED_FOR_ROLE',
    ),
    refused('switching off with an extra key', 'metro.ketua', '/api/v1/me/mfa/disable', {
      password: 'apa-saja-panjang',
      code: '123456',
      extra: { nested: true },
    }),
    {
      name: 'admin reset of the authenticator of a user id that is no UUID',
      as: 'admin',
      method: 'DELETE',
      path: '/api/v1/users/bukan-uuid/mfa',
      expectStatus: 400,
      expectCode: 'VALIDATION_FAILED',
    },
    {
      name: 'admin reset of the authenticator of a user that does not exist',
      as: 'admin',
      method: 'DELETE',
      path: '/api/v1/users/00000000-0000-4000-8000-000000000000/mfa',
      expectStatus: 404,
      expectCode: 'USER_NOT_FOUND',
    },
  ];
}

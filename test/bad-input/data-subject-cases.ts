import type { BadInputCase } from './cases';

/**
 * Bad input to a data subject's requests (see, correct, erase an AKS identity) and to the
 * regency's retention period: refused at the edge, before any identity is decrypted or changed.
 */
export function dataSubjectCases(): BadInputCase[] {
  const identity = '/api/v1/aks/cases/{metroCase}/identity';
  const retention = '/api/v1/regencies/18.72/aks-retention-settings';
  const case_ = (
    name: string,
    method: BadInputCase['method'],
    path: string,
    body: unknown,
    expectStatus = 400,
    expectCode = 'VALIDATION_FAILED',
    as = 'metro.aks-teknis',
  ): BadInputCase => ({ name, as, method, path, body, expectStatus, expectCode });
  const correct = (name: string, body: unknown) => case_(`identity correction ${name}`, 'PATCH', identity, body);
  const erase = (name: string, body: unknown) => case_(`identity erasure ${name}`, 'POST', `${identity}/erasure`, body);
  const setRetention = (name: string, body: unknown) =>
    case_(`retention period ${name}`, 'PUT', retention, body, 400, 'VALIDATION_FAILED', 'metro.sekretaris');
  return [
    correct('without a reason', { nama: 'Nama Baru Subjek' }),
    correct('with a reason of two characters', { nama: 'Nama Baru Subjek', alasan: 'ok' }),
    correct('with a reason of 501 characters', { nama: 'Nama Baru Subjek', alasan: 'a'.repeat(501) }),
    correct('with no field to correct', { alasan: 'Permintaan subjek data' }),
    correct('with a name holding markup', { nama: '<b>Nama</b>', alasan: 'Permintaan subjek data' }),
    correct('with a name starting a formula', { nama: '=HYPERLINK("x")', alasan: 'Permintaan subjek data' }),
    correct('with a name holding a bidi override', { nama: 'Nama\u202eBaru', alasan: 'Permintaan subjek data' }),
    correct('with a NIK of 17 digits', { nik: '18720141012400219', alasan: 'Permintaan subjek data' }),
    correct('with a NIK as a number', { nik: 1872014101240021, alasan: 'Permintaan subjek data' }),
    correct('with a birth date of 11 characters', { tanggalLahir: '2024-01-011', alasan: 'Permintaan subjek data' }),
    correct('with an unknown key', { kelompokSasaran: 'balita', alasan: 'Permintaan subjek data' }),
    correct('with a reason holding a control character', { alamat: 'Jl. Baru', alasan: 'Permintaan\u0007subjek' }),
    erase('without a reason', {}),
    erase('with an empty reason', { alasan: '   ' }),
    erase('with a reason as a list', { alasan: ['Permintaan subjek data'] }),
    erase('with an extra key', { alasan: 'Permintaan subjek data', semuaKasus: true }),
    case_('full identity of a case id that is no UUID', 'GET', '/api/v1/aks/cases/bukan-uuid/identity', undefined),
    case_(
      "full identity of a Metro case asked by Dumai's expert panel",
      'GET',
      identity,
      undefined,
      404,
      'AKS_CASE_NOT_FOUND',
      'dumai.aks-pakar',
    ),
    case_(
      'erasure records of an audit id that is no UUID',
      'GET',
      '/api/v1/aks/audits/bukan-uuid/identity-erasures',
      undefined,
    ),
    setRetention('of zero months', { retentionMonths: 0 }),
    setRetention('of 121 months', { retentionMonths: 121 }),
    setRetention('of a fraction of a month', { retentionMonths: 6.5 }),
    setRetention('as text', { retentionMonths: '24' }),
    setRetention('as null', { retentionMonths: null }),
    setRetention('with an extra key', { retentionMonths: 24, berlakuSurut: true }),
    setRetention('without the period', {}),
    // Keys that reach for a prototype are refused while the body is parsed; other inherited names
    // by the strict schema like any unknown key.
    {
      ...setRetention('with a constructor key', { retentionMonths: 24, constructor: { prototype: { admin: true } } }),
      expectCode: 'MALFORMED_JSON',
    },
    {
      ...setRetention('with a prototype key', { retentionMonths: 24, prototype: { admin: true } }),
      expectCode: 'MALFORMED_JSON',
    },
    correct('with a toString key', { alamat: 'Jl. Baru', alasan: 'Permintaan subjek data', toString: 'x' }),
    {
      name: 'identity erasure with a __proto__ key',
      as: 'metro.aks-teknis',
      method: 'POST',
      path: `${identity}/erasure`,
      rawBody: '{"alasan":"Permintaan subjek data","__proto__":{"semuaKasus":true}}',
      expectStatus: 400,
    },
  ];
}

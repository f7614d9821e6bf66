import { aksColumns, badutaRow } from '../support/aks-fixtures';
import { pngBytes } from '../support/fixtures';
import type { BadInputCase } from './cases';

/**
 * Bad multipart framing sent byte for byte (the harness posts a Buffer rawBody as it is) to each
 * upload endpoint: evidence, an AKS stage document and the AKS case CSV. The endpoints read
 * uploads through one reader but reach it from three controllers with their own error handling,
 * so every framing goes to all three. Then JSON bodies that reach for an object's prototype by
 * `constructor` or `prototype` instead of `__proto__` (the malware scan has its own file,
 * test/malware-scan.e2e.spec.ts, with a clamd of its own).
 */
const png = pngBytes(3).toString('latin1');
const filePart = (filename = 'bukti.png', content = png, extraHeaders = '') =>
  `--B\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\n${extraHeaders}` +
  `Content-Type: image/png\r\n\r\n${content}\r\n`;
const closed = (body: string) => `${body}--B--\r\n`;
const boundaryB = 'multipart/form-data; boundary=B';

interface Framing {
  name: string;
  contentType: string;
  body: string;
  expectStatus: number;
  expectCode: string;
}

const framings: Framing[] = [
  {
    name: 'a multipart type without a boundary parameter',
    contentType: 'multipart/form-data',
    body: closed(filePart()),
    expectStatus: 400,
    expectCode: 'MALFORMED_UPLOAD',
  },
  {
    name: 'an empty boundary parameter',
    contentType: 'multipart/form-data; boundary=',
    body: closed(filePart()),
    expectStatus: 400,
    expectCode: 'MALFORMED_UPLOAD',
  },
  {
    name: 'an unquoted boundary with a space in it',
    contentType: 'multipart/form-data; boundary=a b',
    body: `--a b\r\nContent-Disposition: form-data; name="file"; filename="bukti.png"\r\n\r\n${png}\r\n--a b--\r\n`,
    expectStatus: 400,
    expectCode: 'MALFORMED_UPLOAD',
  },
  {
    name: 'two boundary parameters',
    contentType: 'multipart/form-data; boundary=C; boundary=B',
    body: closed(filePart()),
    expectStatus: 400,
    expectCode: 'MALFORMED_UPLOAD',
  },
  {
    name: 'a type that only starts like form-data (multipart/form-databogus)',
    contentType: 'multipart/form-databogus; boundary=B',
    body: closed(filePart()),
    expectStatus: 400,
    expectCode: 'MALFORMED_UPLOAD',
  },
  {
    name: 'multipart/mixed instead of form-data',
    contentType: 'multipart/mixed; boundary=B',
    body: closed(filePart()),
    expectStatus: 415,
    expectCode: 'NOT_MULTIPART',
  },
  { name: 'an empty body', contentType: boundaryB, body: '', expectStatus: 400, expectCode: 'MALFORMED_UPLOAD' },
  {
    name: 'a body of nothing but the closing delimiter',
    contentType: boundaryB,
    body: '--B--\r\n',
    expectStatus: 400,
    expectCode: 'NO_FILE',
  },
  {
    name: 'a preamble and never a delimiter',
    contentType: boundaryB,
    body: 'ini bukan multipart sama sekali\r\n',
    expectStatus: 400,
    expectCode: 'MALFORMED_UPLOAD',
  },
  {
    name: 'a part without Content-Disposition',
    contentType: boundaryB,
    body: closed(`--B\r\nContent-Type: image/png\r\n\r\n${png}\r\n`),
    expectStatus: 400,
    expectCode: 'NO_FILE',
  },
  {
    name: 'a Content-Disposition without a field name',
    contentType: boundaryB,
    body: closed(`--B\r\nContent-Disposition: form-data; filename="bukti.png"\r\n\r\n${png}\r\n`),
    expectStatus: 400,
    expectCode: 'NO_FILE',
  },
  {
    name: 'a field name with an unterminated quote',
    contentType: boundaryB,
    body: closed(`--B\r\nContent-Disposition: form-data; name="file; filename="bukti.png\r\n\r\n${png}\r\n`),
    expectStatus: 400,
    expectCode: 'NO_FILE',
  },
  {
    name: 'the file under another field name',
    contentType: boundaryB,
    body: closed(filePart().replace('name="file"', 'name="berkas"')),
    expectStatus: 400,
    expectCode: 'NO_FILE',
  },
  {
    name: 'the file bytes sent as a plain field (no filename)',
    contentType: boundaryB,
    body: closed(`--B\r\nContent-Disposition: form-data; name="file"\r\n\r\n${png}\r\n`),
    expectStatus: 400,
    expectCode: 'NO_FILE',
  },
  {
    name: 'a file part of zero bytes',
    contentType: boundaryB,
    body: closed(filePart('kosong.png', '')),
    expectStatus: 400,
    expectCode: 'NO_FILE',
  },
  {
    name: 'two file parts named file',
    contentType: boundaryB,
    body: closed(filePart('satu.png') + filePart('dua.png')),
    expectStatus: 400,
    expectCode: 'TOO_MANY_FILES',
  },
  {
    name: 'a file followed by twenty empty fields (the part limit after the file)',
    contentType: boundaryB,
    body: closed(
      filePart() +
        Array.from({ length: 20 }, (_, i) => `--B\r\nContent-Disposition: form-data; name="k${i}"\r\n\r\n\r\n`).join(
          '',
        ),
    ),
    expectStatus: 400,
    expectCode: 'TOO_MANY_FIELDS',
  },
  {
    name: 'files nested in a multipart/mixed part (the old RFC 2388 form)',
    contentType: boundaryB,
    body: closed(
      '--B\r\nContent-Disposition: form-data; name="file"\r\nContent-Type: multipart/mixed; boundary=C\r\n\r\n' +
        `--C\r\nContent-Disposition: file; filename="bukti.png"\r\n\r\n${png}\r\n--C--\r\n\r\n`,
    ),
    expectStatus: 400,
    expectCode: 'NO_FILE',
  },
  {
    name: 'a part header line without a colon',
    contentType: boundaryB,
    body: closed(filePart('bukti.png', png, 'ini bukan header\r\n')),
    expectStatus: 400,
    expectCode: 'MALFORMED_UPLOAD',
  },
  {
    name: 'a NUL byte inside a part header',
    contentType: boundaryB,
    body: closed(filePart().replace('name="file"', 'name="fi\u0000le"')),
    expectStatus: 400,
    expectCode: 'MALFORMED_UPLOAD',
  },
  {
    name: 'four hundred part header lines (a 24 KB head in small lines)',
    contentType: boundaryB,
    body: closed(
      filePart('bukti.png', png, Array.from({ length: 400 }, (_, i) => `X-Isi-${i}: ${'v'.repeat(50)}\r\n`).join('')),
    ),
    expectStatus: 400,
    expectCode: 'MALFORMED_UPLOAD',
  },
  {
    name: 'bare LF line ends instead of CRLF',
    contentType: boundaryB,
    body: `--B\nContent-Disposition: form-data; name="file"; filename="bukti.png"\nContent-Type: image/png\n\n${png}\n--B--\n`,
    expectStatus: 400,
    expectCode: 'MALFORMED_UPLOAD',
  },
  {
    name: 'bare CR line ends instead of CRLF',
    contentType: boundaryB,
    body: `--B\rContent-Disposition: form-data; name="file"; filename="bukti.png"\r\r${png}\r--B--\r`,
    expectStatus: 400,
    expectCode: 'MALFORMED_UPLOAD',
  },
  {
    name: 'a body cut inside the file bytes',
    contentType: boundaryB,
    body: `--B\r\nContent-Disposition: form-data; name="file"; filename="bukti.png"\r\n\r\n${png.slice(0, 20)}`,
    expectStatus: 400,
    expectCode: 'MALFORMED_UPLOAD',
  },
  {
    name: 'a body cut inside the closing delimiter',
    contentType: boundaryB,
    body: `${filePart()}--B-`,
    expectStatus: 400,
    expectCode: 'MALFORMED_UPLOAD',
  },
  {
    name: 'a last delimiter that opens a part instead of closing',
    contentType: boundaryB,
    body: `${filePart()}--B\r\n`,
    expectStatus: 400,
    expectCode: 'MALFORMED_UPLOAD',
  },
];

const uploadEndpoints: { endpoint: string; as: string; path: string }[] = [
  { endpoint: 'evidence', as: 'metro.dinkes', path: '/api/v1/tasks/{metroTask}/evidence' },
  { endpoint: 'an AKS document', as: 'metro.sekretaris', path: '/api/v1/aks/audits/{metroAudit}/documents/AKS_SK' },
  { endpoint: 'the AKS case CSV', as: 'metro.aks-teknis', path: '/api/v1/aks/audits/{metroAudit}/cases/import' },
];

function multipartCases(): BadInputCase[] {
  const matrix = uploadEndpoints.flatMap(({ endpoint, as, path }) =>
    framings.map((framing): BadInputCase => ({
      name: `multipart to ${endpoint}: ${framing.name}`,
      as,
      method: 'POST',
      path,
      headers: { 'content-type': framing.contentType },
      rawBody: Buffer.from(framing.body, 'latin1'),
      expectStatus: framing.expectStatus,
      expectCode: framing.expectCode,
    })),
  );
  // A transfer encoding on the part is not applied: base64 text is not a PNG, whatever it encodes.
  const base64Png = closed(
    filePart('bukti.png', Buffer.from(png, 'latin1').toString('base64'), 'Content-Transfer-Encoding: base64\r\n'),
  );
  const typed = uploadEndpoints.slice(0, 2).map(({ endpoint, as, path }): BadInputCase => ({
    name: `multipart to ${endpoint}: a PNG in a base64 Content-Transfer-Encoding`,
    as,
    method: 'POST',
    path,
    headers: { 'content-type': boundaryB },
    rawBody: Buffer.from(base64Png, 'latin1'),
    expectStatus: 415,
    expectCode: 'UNSUPPORTED_FILE_TYPE',
  }));
  return [...matrix, ...typed];
}

/** JSON that reaches for Object.prototype through `constructor` / `prototype`: refused at parse time. */
function prototypeKeyCases(): BadInputCase[] {
  const metro = '/api/v1/regencies/18.72';
  const refused = (name: string, as: string, method: BadInputCase['method'], path: string, rawBody: string) =>
    ({ name, as, method, path, rawBody, expectStatus: 400, expectCode: 'MALFORMED_JSON' }) satisfies BadInputCase;
  const caseRow = JSON.stringify(badutaRow({ nik: '1872014101520099', nama: 'Kasus Prototipe' }));
  return [
    refused(
      'login with a top-level constructor key',
      'anonymous',
      'POST',
      '/api/v1/auth/login',
      '{"username":"admin","password":"salah-sekali","constructor":{"prototype":{"isAdmin":true}}}',
    ),
    refused(
      'a new user with constructor.prototype.roles',
      'admin',
      'POST',
      '/api/v1/users',
      '{"username":"korpus.proto","displayName":"Proto","email":"proto@metro.test","password":"sandi-korpus-panjang",' +
        '"roles":["tpps_chair"],"regencyCode":"18.72","constructor":{"prototype":{"roles":["system_admin"]}}}',
    ),
    refused(
      'a user change with a prototype key',
      'admin',
      'PATCH',
      '/api/v1/users/{metroUser}',
      '{"displayName":"Ketua Korpus","prototype":{"active":true}}',
    ),
    refused(
      'indicator values with a constructor key inside an array element',
      'metro.sekretaris',
      'PUT',
      `${metro}/indicators/2026/2`,
      '{"values":[{"code":"Pilar 1. A5","count":1,"constructor":{"prototype":{"count":0}}}]}',
    ),
    refused(
      'a constructor key written with a JSON unicode escape',
      'metro.sekretaris',
      'PUT',
      `${metro}/indicators/2026/2`,
      '{"values":[{"code":"Pilar 1. A5","count":1}],"\\u0063onstructor":{"prototype":{"admin":true}}}',
    ),
    refused(
      'a __proto__ key written with a JSON unicode escape',
      'metro.sekretaris',
      'PUT',
      `${metro}/indicators/2026/2`,
      '{"values":[{"code":"Pilar 1. A5","count":1}],"\\u005f_proto__":{"admin":true}}',
    ),
    refused(
      'a planned activity with a constructor key of null',
      'metro.dinkes',
      'POST',
      `${metro}/cycles/2030/planned-activities`,
      '{"unitCode":"DINKES","name":"Kegiatan proto","intervention":"spesifik","target":"Balita","location":"Kota Metro",' +
        '"budget":1000,"fundingSource":"apbd_kabupaten_kota","constructor":null}',
    ),
    refused(
      'a village situation row with a prototype key four levels down',
      'metro.dinkes',
      'PUT',
      `${metro}/cycles/2030/village-situation`,
      '{"rows":[{"villageCode":"18.72.05.1003","prevalence":1,"cases":1,"x":{"y":{"prototype":{"polluted":true}}}}]}',
    ),
    refused(
      'an AKS case entered with a constructor key beside its columns',
      'metro.aks-teknis',
      'POST',
      '/api/v1/aks/audits/{metroAudit}/cases',
      `${caseRow.slice(0, -1)},"constructor":{"prototype":{"${aksColumns[0]}":"x"}}}`,
    ),
    refused(
      'a substitute with a prototype key',
      'metro.dinkes',
      'POST',
      '/api/v1/me/substitutes',
      '{"substituteUsername":"metro.dinsos","startsOn":"2030-01-02","endsOn":"2030-01-03","prototype":{}}',
    ),
    {
      name: 'a query string that reaches for constructor[prototype]',
      as: 'metro.sekretaris',
      method: 'GET',
      path: '/api/v1/tasks?constructor[prototype][status]=approved',
      expectStatus: 400,
      expectCode: 'VALIDATION_FAILED',
    },
    {
      name: 'a query string with a __proto__ parameter',
      as: 'admin',
      method: 'GET',
      path: '/api/v1/users?__proto__[role]=system_admin',
      expectStatus: 400,
      expectCode: 'VALIDATION_FAILED',
    },
  ];
}

export function framingCases(): BadInputCase[] {
  return [...multipartCases(), ...prototypeKeyCases()];
}

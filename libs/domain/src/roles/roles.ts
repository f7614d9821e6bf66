import { type Provenance, type Title } from '../common/provenance';

/**
 * The roles the convergence guide (004) and the reports (000, 003) assign work to. A role is what
 * the national guidance talks about ("the health office"); a unit (see `units.ts`) is what a given
 * regency calls it ("DINKES", "Dinas Kesehatan Kota Metro").
 */
export const roleCodes = [
  'HEAD_OF_REGION',
  'SEKDA',
  'BAPPEDA',
  'DINKES',
  'FAMILY_PLANNING',
  'WOMEN_CHILD_PROTECTION',
  'DINSOS',
  'PU_CIPTA_KARYA',
  'PERKIM',
  'PMD',
  'PENDIDIKAN',
  'KOMINFO',
  'KETAHANAN_PANGAN',
  'PERTANIAN',
  'PERIKANAN',
  'PETERNAKAN',
  'DUKCAPIL',
  'KEMENAG',
  'BAGIAN_HUKUM',
  'KECAMATAN',
  'KELURAHAN',
  'PUSKESMAS',
  'DPRD',
  'TAPD',
  'SECTOR_AGENCIES',
  'TPPS_CHAIR',
  'TPPS_SECRETARIAT',
  'REMBUK_COMMITTEE',
  'AUDIT_TEAM',
  'EXPERT_TEAM',
  'NON_GOVERNMENT',
] as const;

export type RoleCode = (typeof roleCodes)[number];

export interface Role {
  readonly code: RoleCode;
  readonly title: Title;
  /** `agency`: one office; `team`: an ad-hoc body formed by decree; `group`: many units at once. */
  readonly kind: 'agency' | 'office-holder' | 'team' | 'group' | 'area';
  readonly provenance: Provenance;
}

const seed = (cite: string): Provenance => ({ source: 'seed', cite });

export const roles: readonly Role[] = [
  {
    code: 'HEAD_OF_REGION',
    title: { id: 'Bupati/Wali Kota', en: 'Regent or mayor' },
    kind: 'office-holder',
    provenance: seed('004 §Aksi 3 Penanggung Jawab'),
  },
  {
    code: 'SEKDA',
    title: { id: 'Sekretaris Daerah', en: 'Regional secretary' },
    kind: 'office-holder',
    provenance: seed('004 §Aksi 3 Penanggung Jawab'),
  },
  {
    code: 'BAPPEDA',
    title: { id: 'Bappeda', en: 'Regional planning agency' },
    kind: 'agency',
    provenance: seed('004 §Aksi 1 Penanggung Jawab'),
  },
  {
    code: 'DINKES',
    title: { id: 'Dinas Kesehatan', en: 'Health office' },
    kind: 'agency',
    provenance: seed('004 Tabel 1.1 Sumber Data'),
  },
  {
    code: 'FAMILY_PLANNING',
    title: { id: 'Dinas yang membidangi urusan keluarga berencana', en: 'Family-planning office' },
    kind: 'agency',
    provenance: seed('004 Tabel 1.1 A4 Sumber Data'),
  },
  {
    code: 'WOMEN_CHILD_PROTECTION',
    title: { id: 'Dinas Pemberdayaan Perempuan dan Perlindungan Anak', en: 'Women and child protection office' },
    kind: 'agency',
    provenance: seed('003 tabel anggaran (DPPPA); 000 lembar pengesahan (Dinas PPPA-PPKB)'),
  },
  {
    code: 'DINSOS',
    title: { id: 'Dinas Sosial', en: 'Social affairs office' },
    kind: 'agency',
    provenance: seed('004 Tabel 1.1 A15, A18 Sumber Data'),
  },
  {
    code: 'PU_CIPTA_KARYA',
    title: { id: 'Dinas PU / Cipta Karya', en: 'Public works (water and sanitation)' },
    kind: 'agency',
    provenance: seed('004 Tabel 1.1 A12; 000 Tabel 4; 003 tabel anggaran'),
  },
  {
    code: 'PERKIM',
    title: { id: 'Dinas Perumahan dan Kawasan Permukiman', en: 'Housing and settlements office' },
    kind: 'agency',
    provenance: seed('003 tabel anggaran (DISPERKIMTAN)'),
  },
  {
    code: 'PMD',
    title: { id: 'Dinas Pemberdayaan Masyarakat dan Desa (BPMD/DPMD)', en: 'Village empowerment agency' },
    kind: 'agency',
    provenance: seed('004 Tabel 2.1 (BPMD)'),
  },
  {
    code: 'PENDIDIKAN',
    title: { id: 'Dinas Pendidikan dan Kebudayaan', en: 'Education office' },
    kind: 'agency',
    provenance: seed('004 Tabel 1.1 A16, A17 Sumber Data'),
  },
  {
    code: 'KOMINFO',
    title: { id: 'Dinas Komunikasi dan Informatika', en: 'Communication and informatics office' },
    kind: 'agency',
    provenance: seed('004 Tabel 2.1 (Dinas yang membidangi Kominfo)'),
  },
  {
    code: 'KETAHANAN_PANGAN',
    title: { id: 'Dinas Ketahanan Pangan', en: 'Food security office' },
    kind: 'agency',
    provenance: seed('004 Tabel 2.1; 000 Tabel 4'),
  },
  {
    code: 'PERTANIAN',
    title: { id: 'Dinas Pertanian', en: 'Agriculture office' },
    kind: 'agency',
    provenance: seed('004 Tabel 1.1 A19 Sumber Data'),
  },
  {
    code: 'PERIKANAN',
    title: { id: 'Dinas Perikanan', en: 'Fisheries office' },
    kind: 'agency',
    provenance: seed('000 Tabel 4; 003 tabel anggaran (DISNAKAN)'),
  },
  {
    code: 'PETERNAKAN',
    title: { id: 'Dinas Peternakan', en: 'Livestock office' },
    kind: 'agency',
    provenance: seed('000 Tabel 4'),
  },
  {
    code: 'DUKCAPIL',
    title: { id: 'Dinas Kependudukan dan Pencatatan Sipil', en: 'Civil registration office' },
    kind: 'agency',
    provenance: seed('004 Tabel 1.1 B4 Sumber Data'),
  },
  {
    code: 'KEMENAG',
    title: { id: 'Kantor Kementerian Agama / KUA', en: 'Religious affairs office and marriage registrars' },
    kind: 'agency',
    provenance: seed('000 Tabel 6 butir 8.5; 003 tabel anggaran'),
  },
  {
    code: 'BAGIAN_HUKUM',
    title: { id: 'Bagian Hukum Sekretariat Daerah', en: 'Legal division of the regional secretariat' },
    kind: 'agency',
    provenance: { source: 'assumed', note: 'sources.md §12: legal review of the Aksi 4 regulation' },
  },
  {
    code: 'KECAMATAN',
    title: { id: 'Kecamatan (Camat)', en: 'Sub-district office' },
    kind: 'area',
    provenance: seed('003 tabel anggaran (KECAMATAN); 000 Tabel 6'),
  },
  {
    code: 'KELURAHAN',
    title: { id: 'Pemerintah Desa/Kelurahan', en: 'Village government' },
    kind: 'area',
    provenance: seed('004 §Aksi 3 Output (kepala desa menandatangani komitmen)'),
  },
  {
    code: 'PUSKESMAS',
    title: { id: 'Puskesmas', en: 'Community health centre' },
    kind: 'area',
    provenance: seed('004 Tabel 1.1 B1, C1-C3 Sumber Data'),
  },
  {
    code: 'DPRD',
    title: { id: 'DPRD', en: 'Regional parliament' },
    kind: 'group',
    provenance: seed('004 §Aksi 2 Tahap Kedua'),
  },
  {
    code: 'TAPD',
    title: { id: 'Tim Anggaran Pemerintah Daerah', en: 'Government budget team' },
    kind: 'team',
    provenance: seed('004 §Aksi 2 Tahap Keempat'),
  },
  {
    code: 'SECTOR_AGENCIES',
    title: { id: 'OPD penanggung jawab layanan', en: 'All service-providing agencies' },
    kind: 'group',
    provenance: seed('004 §Aksi 1 Penanggung Jawab'),
  },
  {
    code: 'TPPS_CHAIR',
    title: { id: 'Ketua Pelaksana TPPS', en: 'Executive chair of the stunting team' },
    kind: 'office-holder',
    provenance: seed('000 lembar pengesahan; 003 lembar pengesahan'),
  },
  {
    code: 'TPPS_SECRETARIAT',
    title: { id: 'Sekretariat TPPS', en: 'Stunting team secretariat' },
    kind: 'team',
    provenance: seed('000 Tabel 6 (Sumber: Sekretariat TPPS); 003 §Sekretariat Pelaksana'),
  },
  {
    code: 'REMBUK_COMMITTEE',
    title: { id: 'Tim Pelaksana Kegiatan (TPK) Rembuk Stunting', en: 'Rembuk organising committee' },
    kind: 'team',
    provenance: seed('004 §Aksi 3 Penanggung Jawab'),
  },
  {
    code: 'AUDIT_TEAM',
    title: { id: 'Tim Audit Kasus Stunting (Tim Teknis)', en: 'Stunting case audit team' },
    kind: 'team',
    provenance: seed('003 §Kegiatan Audit Kasus Stunting tahap 1 dan 3'),
  },
  {
    code: 'EXPERT_TEAM',
    title: { id: 'Tim Pakar AKS', en: 'Audit expert panel' },
    kind: 'team',
    provenance: seed('003 §Kegiatan Audit Kasus Stunting tahap 3'),
  },
  {
    code: 'NON_GOVERNMENT',
    title: { id: 'Sektor non-pemerintah dan masyarakat', en: 'Non-government actors and the community' },
    kind: 'group',
    provenance: seed('004 §Aksi 3 Output'),
  },
];

const roleCodeSet: ReadonlySet<string> = new Set(roleCodes);

/** True for a code of the role catalogue; used by the template schema to reject unknown owners. */
export function isRoleCode(value: string): value is RoleCode {
  return roleCodeSet.has(value);
}

/** The catalogue entry of a role. */
export function roleByCode(code: RoleCode): Role {
  const role = roles.find((r) => r.code === code);
  if (role === undefined) {
    throw new RangeError(`unknown role ${code}`);
  }
  return role;
}

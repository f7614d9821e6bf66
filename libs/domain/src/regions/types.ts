import { type Provenance } from '../common/provenance';

/** IANA zones of Indonesia: WIB (Jakarta, Pontianak), WITA (Makassar), WIT (Jayapura). */
export type IndonesianTimeZone = 'Asia/Jakarta' | 'Asia/Pontianak' | 'Asia/Makassar' | 'Asia/Jayapura';

export interface Province {
  /** Kemendagri code, e.g. `18` (Lampung). */
  readonly code: string;
  readonly name: string;
}

/** A kabupaten (regency) or kota (city): the level that runs the eight convergence actions. */
export interface Regency {
  /** Kemendagri code, e.g. `18.72`. */
  readonly code: string;
  readonly name: string;
  readonly kind: 'kabupaten' | 'kota';
  readonly provinceCode: string;
  readonly timeZone: IndonesianTimeZone;
}

export interface Kecamatan {
  /** Stable key; the Kemendagri code (`18.72.05`). */
  readonly id: string;
  readonly kemendagriCode: string;
  readonly codeProvenance: Provenance;
  readonly bpsCode?: string;
  readonly name: string;
  readonly regencyCode: string;
}

/** Families counted by the BKKBN family census (Pendataan Keluarga) for one year. */
export interface FamilyCount {
  readonly year: number;
  /** Families recorded (Metro: "Jumlah Keluarga Sasaran"; Dumai: "Jumlah Keluarga"). */
  readonly families: number;
  /** Families at risk of stunting (keluarga berisiko stunting). */
  readonly atRiskFamilies: number;
  readonly provenance: Provenance;
}

/** A desa (rural village) or kelurahan (urban village). */
export interface Village {
  /**
   * Stable key: the Kemendagri code where a seed prints one (`18.72.05.1001`), otherwise
   * `<regency code>:<slug>` (`14.72:purnama`) because 003 prints no village codes.
   */
  readonly id: string;
  readonly kemendagriCode?: string;
  readonly bpsCode?: string;
  readonly name: string;
  /** Spellings found in the seeds other than `name`. */
  readonly aliases: readonly string[];
  readonly kind: 'desa' | 'kelurahan';
  readonly kecamatanId: string;
  /** Where the village's kecamatan comes from (003 leaves 9 Dumai kelurahan unplaced). */
  readonly placement: Provenance;
  readonly familyCounts: readonly FamilyCount[];
  /** Anything in the seed row that had to be corrected or interpreted. */
  readonly seedNote?: string;
}

/** The kelurahan set by decree as priority locations (lokasi fokus) for one year. */
export interface FocusLocationDecree {
  readonly regencyCode: string;
  readonly year: number;
  readonly decree: string;
  readonly villageIds: readonly string[];
  readonly provenance: Provenance;
}

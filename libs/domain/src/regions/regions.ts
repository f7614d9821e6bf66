import { dumai, dumaiFocusLocationDecrees, dumaiKecamatan, dumaiVillages } from './dumai';
import { metro, metroKecamatan, metroVillages } from './metro';
import {
  type FocusLocationDecree,
  type IndonesianTimeZone,
  type Kecamatan,
  type Province,
  type Regency,
  type Village,
} from './types';

export const provinces: readonly Province[] = [
  { code: '14', name: 'Riau' },
  { code: '18', name: 'Lampung' },
];

/** The regencies with demo data. */
export const regencies: readonly Regency[] = [metro, dumai];

const kecamatanByRegency: Readonly<Record<string, readonly Kecamatan[]>> = {
  [metro.code]: metroKecamatan,
  [dumai.code]: dumaiKecamatan,
};

const villagesByRegency: Readonly<Record<string, readonly Village[]>> = {
  [metro.code]: metroVillages,
  [dumai.code]: dumaiVillages,
};

const focusDecrees: readonly FocusLocationDecree[] = dumaiFocusLocationDecrees;

/** The regency with the given Kemendagri code, if it has demo data. */
export function findRegency(code: string): Regency | undefined {
  return regencies.find((r) => r.code === code);
}

/** The IANA time zone a regency's deadlines are expressed in. */
export function regencyTimeZone(code: string): IndonesianTimeZone {
  const regency = findRegency(code);
  if (regency === undefined) {
    throw new RangeError(`no regency with code ${code}`);
  }
  return regency.timeZone;
}

export function kecamatanOf(regencyCode: string): readonly Kecamatan[] {
  return kecamatanByRegency[regencyCode] ?? [];
}

/** Villages of a regency, or of one of its kecamatan when `kecamatanId` is given. */
export function villagesOf(regencyCode: string, kecamatanId?: string): readonly Village[] {
  const all = villagesByRegency[regencyCode] ?? [];
  return kecamatanId === undefined ? all : all.filter((v) => v.kecamatanId === kecamatanId);
}

function normaliseName(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** Finds a village by id, Kemendagri code, BPS code, name or any seed spelling of its name. */
export function findVillage(regencyCode: string, key: string): Village | undefined {
  const wanted = normaliseName(key);
  return villagesOf(regencyCode).find(
    (v) =>
      v.id === key ||
      v.kemendagriCode === key ||
      v.bpsCode === key ||
      normaliseName(v.name) === wanted ||
      v.aliases.some((a) => normaliseName(a) === wanted),
  );
}

/** The lokasi fokus decree of a regency for a year, if the seeds list one. */
export function focusLocationsFor(regencyCode: string, year: number): FocusLocationDecree | undefined {
  return focusDecrees.find((d) => d.regencyCode === regencyCode && d.year === year);
}

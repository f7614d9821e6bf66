import { looksLikeFormula } from '../common/csv';
import { isValidNik } from './nik';
import { aksTargetGroups, isAksTargetGroup, type AksTargetGroup } from './target-groups';

/** The columns of the AKS case CSV (README "AKS CSV import"); `lingkar_lengan` may be empty. */
export const aksCsvColumns = [
  'nik',
  'nama',
  'tanggal_lahir',
  'alamat',
  'kecamatan',
  'kelurahan',
  'kelompok_sasaran',
  'berat_badan',
  'tinggi_badan',
  'lingkar_lengan',
  'tanggal_ukur',
] as const;
export type AksCsvColumn = (typeof aksCsvColumns)[number];

const optionalColumns = new Set<AksCsvColumn>(['lingkar_lengan']);

/** A measurement: weight in kg, length/height in cm, upper-arm circumference (LiLA) in cm. */
export interface AksMeasurement {
  beratBadan: number;
  tinggiBadan: number;
  lingkarLengan: number | null;
  tanggalUkur: string;
}

/** The identity part of a case: stored only encrypted. */
export interface AksIdentity {
  nik: string;
  nama: string;
  tanggalLahir: string;
  alamat: string;
}

export interface AksCaseDraft {
  identity: AksIdentity;
  targetGroup: AksTargetGroup;
  kecamatanCode: string;
  kecamatanName: string;
  kelurahanCode: string;
  kelurahanName: string;
  measurement: AksMeasurement;
}

export interface AksPlace {
  code: string;
  name: string;
  aliases?: readonly string[];
  /** For a kelurahan: its kecamatan's code. */
  parentCode?: string;
}

export interface AksRowContext {
  kecamatan: readonly AksPlace[];
  kelurahan: readonly AksPlace[];
  /** Today in the regency's calendar, YYYY-MM-DD: measurements cannot be in the future. */
  today: string;
}

export interface AksRowError {
  column: AksCsvColumn | null;
  message: string;
}

export type AksRowResult = { ok: true; value: AksCaseDraft } | { ok: false; errors: AksRowError[] };

/** Columns the header lacks (names compared trimmed and in lower case). */
export function missingAksColumns(header: readonly string[]): AksCsvColumn[] {
  const present = new Set(header.map((h) => h.trim().toLowerCase()));
  return aksCsvColumns.filter((c) => !optionalColumns.has(c) && !present.has(c));
}

// eslint-disable-next-line no-control-regex -- control characters are exactly what this refuses
const hostile = /[<>\u0000-\u001f]/u;

const normalise = (text: string) =>
  text
    .toLowerCase()
    .replace(/^(kecamatan|kec\.|kelurahan|kel\.|desa)\s+/, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

function findPlace(places: readonly AksPlace[], name: string): AksPlace | undefined {
  const wanted = normalise(name);
  return places.find((p) => normalise(p.name) === wanted || (p.aliases ?? []).some((a) => normalise(a) === wanted));
}

/** YYYY-MM-DD or DD/MM/YYYY (as Indonesian spreadsheets write it), checked to exist. */
export function parseAksDate(text: string): string | undefined {
  let year: number, month: number, day: number;
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const local = /^(\d{1,2})[/-](\d{1,2})[/-](\d{4})$/.exec(text);
  if (iso) [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (local) [day, month, year] = [Number(local[1]), Number(local[2]), Number(local[3])];
  else return undefined;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return date.toISOString().slice(0, 10);
}

/** A decimal with a comma or a point ("12,5" or "12.5"). */
function parseDecimal(text: string): number | undefined {
  if (!/^\d{1,3}([.,]\d{1,2})?$/.test(text)) return undefined;
  return Number(text.replace(',', '.'));
}

function monthsBetween(from: string, to: string): number {
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
  return (ty - fy) * 12 + (tm - fm) - (td < fd ? 1 : 0);
}

const ageLimits: Record<AksTargetGroup, { minMonths: number; maxMonths: number; label: string }> = {
  catin: { minMonths: 12 * 15, maxMonths: 12 * 60, label: 'calon pengantin berusia 15-60 tahun' },
  ibu_hamil: { minMonths: 12 * 10, maxMonths: 12 * 60, label: 'ibu hamil berusia 10-60 tahun' },
  ibu_nifas_menyusui: { minMonths: 12 * 10, maxMonths: 12 * 60, label: 'ibu nifas/menyusui berusia 10-60 tahun' },
  baduta: { minMonths: 0, maxMonths: 23, label: 'baduta berusia 0-23 bulan' },
  balita: { minMonths: 0, maxMonths: 59, label: 'balita berusia 0-59 bulan' },
};

/** Plausible measurement ranges; values outside are typing errors, not measurements. */
const ranges = {
  berat_badan: { min: 0.5, max: 250, unit: 'kg' },
  tinggi_badan: { min: 30, max: 250, unit: 'cm' },
  lingkar_lengan: { min: 5, max: 60, unit: 'cm' },
} as const;

/**
 * Validates one CSV row (or one hand-entered case, given as the same columns) and answers either
 * the case or every problem of the row, each naming its column, in Bahasa Indonesia. Messages never
 * repeat the value of an identity column, so a report of bad rows carries no identity.
 */
export function validateAksCaseRow(
  raw: Readonly<Record<string, string | undefined>>,
  context: AksRowContext,
): AksRowResult {
  const errors: AksRowError[] = [];
  const value = (column: AksCsvColumn) => (raw[column] ?? '').trim();
  for (const column of aksCsvColumns) {
    const text = value(column);
    if (text === '' && !optionalColumns.has(column)) errors.push({ column, message: `Kolom ${column} wajib diisi.` });
    else if (looksLikeFormula(text))
      errors.push({ column, message: `Kolom ${column} tidak boleh diawali =, +, - atau @ (rumus lembar kerja).` });
  }
  const blocked = new Set(errors.map((e) => e.column));
  const ok = (column: AksCsvColumn) => !blocked.has(column);

  const nik = value('nik');
  if (ok('nik') && !isValidNik(nik))
    errors.push({ column: 'nik', message: 'NIK harus 16 digit angka dengan kode wilayah dan tanggal lahir yang sah.' });
  const nama = value('nama');
  if (ok('nama') && (nama.length < 2 || nama.length > 120 || hostile.test(nama)))
    errors.push({ column: 'nama', message: 'Nama harus 2-120 karakter tanpa karakter kendali atau < >.' });
  const alamat = value('alamat');
  if (ok('alamat') && (alamat.length > 300 || hostile.test(alamat)))
    errors.push({ column: 'alamat', message: 'Alamat paling panjang 300 karakter tanpa karakter kendali atau < >.' });

  const group = value('kelompok_sasaran').toLowerCase();
  if (ok('kelompok_sasaran') && !isAksTargetGroup(group))
    errors.push({
      column: 'kelompok_sasaran',
      message: `Kelompok sasaran harus salah satu dari: ${aksTargetGroups.join(', ')}.`,
    });

  const kecamatan = ok('kecamatan') ? findPlace(context.kecamatan, value('kecamatan')) : undefined;
  if (ok('kecamatan') && !kecamatan)
    errors.push({ column: 'kecamatan', message: `Kecamatan "${value('kecamatan')}" tidak ada di kabupaten/kota ini.` });
  const kelurahan =
    kecamatan && ok('kelurahan')
      ? findPlace(
          context.kelurahan.filter((k) => k.parentCode === kecamatan.code),
          value('kelurahan'),
        )
      : undefined;
  if (kecamatan && ok('kelurahan') && !kelurahan)
    errors.push({
      column: 'kelurahan',
      message: `Kelurahan/desa "${value('kelurahan')}" tidak ada di Kecamatan ${kecamatan.name}.`,
    });

  const born = ok('tanggal_lahir') ? parseAksDate(value('tanggal_lahir')) : undefined;
  if (ok('tanggal_lahir') && !born)
    errors.push({
      column: 'tanggal_lahir',
      message: 'Tanggal lahir harus tanggal yang sah (YYYY-MM-DD atau DD/MM/YYYY).',
    });
  const measured = ok('tanggal_ukur') ? parseAksDate(value('tanggal_ukur')) : undefined;
  if (ok('tanggal_ukur') && !measured)
    errors.push({
      column: 'tanggal_ukur',
      message: 'Tanggal ukur harus tanggal yang sah (YYYY-MM-DD atau DD/MM/YYYY).',
    });
  if (measured && measured > context.today)
    errors.push({ column: 'tanggal_ukur', message: 'Tanggal ukur tidak boleh setelah hari ini.' });
  if (born && measured && born > measured)
    errors.push({ column: 'tanggal_lahir', message: 'Tanggal lahir tidak boleh setelah tanggal ukur.' });
  if (born && measured && born <= measured && isAksTargetGroup(group)) {
    const limits = ageLimits[group];
    const months = monthsBetween(born, measured);
    if (months < limits.minMonths || months > limits.maxMonths)
      errors.push({
        column: 'tanggal_lahir',
        message: `Umur pada tanggal ukur tidak sesuai kelompok sasaran (${limits.label}).`,
      });
  }

  const numbers = measurementNumbers(value, ok, errors);

  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    value: {
      identity: { nik, nama, tanggalLahir: born as string, alamat },
      targetGroup: group as AksTargetGroup,
      kecamatanCode: (kecamatan as AksPlace).code,
      kecamatanName: (kecamatan as AksPlace).name,
      kelurahanCode: (kelurahan as AksPlace).code,
      kelurahanName: (kelurahan as AksPlace).name,
      measurement: {
        beratBadan: numbers.berat_badan as number,
        tinggiBadan: numbers.tinggi_badan as number,
        lingkarLengan: numbers.lingkar_lengan ?? null,
        tanggalUkur: measured as string,
      },
    },
  };
}

/**
 * Validates a measurement typed by hand (re-measurement, monthly monitoring) with the same ranges
 * and date rules as the CSV; answers the measurement or the problems.
 */
export function validateAksMeasurement(
  raw: Readonly<Partial<Record<'berat_badan' | 'tinggi_badan' | 'lingkar_lengan' | 'tanggal_ukur', string>>>,
  today: string,
): { ok: true; value: AksMeasurement } | { ok: false; errors: AksRowError[] } {
  const errors: AksRowError[] = [];
  const measured = parseAksDate((raw.tanggal_ukur ?? '').trim());
  if (!measured)
    errors.push({
      column: 'tanggal_ukur',
      message: 'Tanggal ukur harus tanggal yang sah (YYYY-MM-DD atau DD/MM/YYYY).',
    });
  else if (measured > today)
    errors.push({ column: 'tanggal_ukur', message: 'Tanggal ukur tidak boleh setelah hari ini.' });
  const numbers = measurementNumbers(
    (column) => (raw[column] ?? '').trim(),
    () => true,
    errors,
  );
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    value: {
      beratBadan: numbers.berat_badan as number,
      tinggiBadan: numbers.tinggi_badan as number,
      lingkarLengan: numbers.lingkar_lengan ?? null,
      tanggalUkur: measured as string,
    },
  };
}

function measurementNumbers(
  value: (column: keyof typeof ranges) => string,
  ok: (column: keyof typeof ranges) => boolean,
  errors: AksRowError[],
): Partial<Record<keyof typeof ranges, number | null>> {
  const numbers: Partial<Record<keyof typeof ranges, number | null>> = {};
  for (const column of Object.keys(ranges) as (keyof typeof ranges)[]) {
    const text = value(column);
    if (!ok(column)) continue;
    if (text === '') {
      if (column === 'lingkar_lengan') numbers[column] = null;
      else errors.push({ column, message: `Kolom ${column} wajib diisi.` });
      continue;
    }
    const parsed = parseDecimal(text);
    const range = ranges[column];
    if (parsed === undefined || parsed < range.min || parsed > range.max)
      errors.push({
        column,
        message: `Kolom ${column} harus angka antara ${range.min} dan ${range.max} ${range.unit} (desimal dengan koma atau titik).`,
      });
    else numbers[column] = parsed;
  }
  return numbers;
}

import { type Provenance } from '../common/provenance';
import { type FocusLocationDecree, type Kecamatan, type Regency, type Village } from './types';

/** Kota Dumai, Riau. Source: 003 (semester-I 2023 report). */
export const dumai: Regency = {
  code: '14.72',
  name: 'Kota Dumai',
  kind: 'kota',
  provinceCode: '14',
  timeZone: 'Asia/Jakarta',
};

// 003 names the seven kecamatan (minilok table) but prints no codes; the codes below follow the
// Kemendagri numbering and are marked assumed.
const kecamatanCode: Provenance = {
  source: 'assumed',
  note: '003 prints no kecamatan codes; Kemendagri numbering for Kota Dumai, verify against Permendagri',
};

export const dumaiKecamatan: readonly Kecamatan[] = [
  ['14.72.01', 'Dumai Barat'],
  ['14.72.02', 'Dumai Timur'],
  ['14.72.03', 'Bukit Kapur'],
  ['14.72.04', 'Sungai Sembilan'],
  ['14.72.05', 'Medang Kampai'],
  ['14.72.06', 'Dumai Kota'],
  ['14.72.07', 'Dumai Selatan'],
].map(([id = '', name = '']) => ({
  id,
  kemendagriCode: id,
  codeProvenance: kecamatanCode,
  name,
  regencyCode: '14.72',
}));

const kecamatanIdByName: Readonly<Record<string, string>> = Object.fromEntries(
  dumaiKecamatan.map((k) => [k.name.toUpperCase(), k.id]),
);

/**
 * One row of 003 §5 "Kegiatan Pemutakhiran Pendataan Keluarga (PK) 2022": the KECAMATAN column
 * as printed, the kelurahan, families and families at risk.
 */
type Row = readonly [printedKecamatan: string, name: string, families: number, atRisk: number];

const pk2022: readonly Row[] = [
  ['DUMAI BARAT', 'Pangkalan Sesai', 2346, 469],
  ['PURNAMA', 'Purnama', 4052, 698],
  ['PURNAMA', 'Bagan Keladi', 1552, 274],
  ['DUMAI BARAT', 'Simpang Tetap Darul Ichsan', 2327, 358],
  ['JAYAMUKTI', 'Teluk Binjai', 3680, 416],
  ['JAYAMUKTI', 'Tanjung Palas', 3048, 318],
  ['JAYAMUKTI', 'Jaya Mukti', 4927, 562],
  ['JAYAMUKTI', 'Buluh Kasap', 1512, 149],
  ['JAYAMUKTI', 'Bukit Batrem', 2913, 729],
  ['BUKIT KAPUR', 'Bukit Nenas', 2017, 388],
  ['BUKIT KAYU KAPUR', 'Bukit Kayu Kapur', 1523, 365],
  ['BUKIT KAYU KAPUR', 'Gurun Panjang', 1142, 416],
  ['BUKIT KAPUR', 'Bagan Besar', 2042, 632],
  ['BUKIT KAYU KAPUR', 'Kampung Baru', 1791, 333],
  ['BUKIT KAPUR', 'Bagan Besar Timur', 1498, 346],
  ['BUKIT KAPUR', 'Bukit Kapur', 2155, 332],
  ['SUNGAI SEMBILAN', 'Lubuk Gaung', 2556, 494],
  ['SUNGAI SEMBILAN', 'Tanjung Penyembal', 2315, 284],
  ['SUNGAI SEMBILAN', 'Bangsal Aceh', 1392, 409],
  ['SUNGAI SEMBILAN', 'Basilam Baru', 1214, 363],
  ['SUNGAI SEMBILAN', 'Batu Teritip', 849, 357],
  ['SUNGAI SEMBILAN', 'Sungai Geniot', 1293, 509],
  ['MEDANG KAMPAI', 'Teluk Makmur', 1120, 186],
  ['MEDANG KAMPAI', 'Mundam', 912, 159],
  ['MEDANG KAMPAI', 'Guntung', 512, 67],
  ['MEDANG KAMPAI', 'Pelintung', 1399, 175],
  ['DUMAI KOTA', 'Laksamana', 684, 149],
  ['DUMAI KOTA', 'Rimba Sekampung', 2870, 191],
  ['DUMAI KOTA', 'Dumai Kota', 1519, 124],
  ['DUMAI KOTA', 'Bintan', 1155, 206],
  ['DUMAI KOTA', 'Sukajadi', 2098, 113],
  ['BUMI AYU', 'Ratu Sima', 2422, 510],
  ['BUKIT TIMAH', 'Bukit Timah', 1891, 318],
  ['BUKIT TIMAH', 'Mekar Sari', 1687, 316],
  ['BUMI AYU', 'Bukit Datuk', 2487, 513],
  ['BUMI AYU', 'Bumi Ayu', 2382, 627],
];

/**
 * The KECAMATAN column of §5 holds kelurahan names for 15 rows. Six of those kelurahan are placed
 * by the lokus tables of 003 §B; the other nine are placed by the Kemendagri list and marked assumed.
 */
const placedByLokus: Readonly<Record<string, [string, string]>> = {
  Purnama: ['Dumai Barat', '003 §B lokus 2022/2023/2024'],
  'Bagan Keladi': ['Dumai Barat', '003 §B lokus 2022/2023'],
  'Teluk Binjai': ['Dumai Timur', '003 §B lokus 2023/2024'],
  'Jaya Mukti': ['Dumai Timur', '003 §B lokus 2023'],
  'Bukit Kayu Kapur': ['Bukit Kapur', '003 §B lokus 2022/2023/2024'],
  'Kampung Baru': ['Bukit Kapur', '003 §B lokus 2022'],
};

const placedByAssumption: Readonly<Record<string, string>> = {
  'Tanjung Palas': 'Dumai Timur',
  'Buluh Kasap': 'Dumai Timur',
  'Bukit Batrem': 'Dumai Timur',
  'Gurun Panjang': 'Bukit Kapur',
  'Ratu Sima': 'Dumai Selatan',
  'Bukit Timah': 'Dumai Selatan',
  'Mekar Sari': 'Dumai Selatan',
  'Bukit Datuk': 'Dumai Selatan',
  'Bumi Ayu': 'Dumai Selatan',
};

/** Spellings elsewhere in 003 (lokus lists, assistance table) and in the PK table itself. */
const aliases: Readonly<Record<string, readonly string[]>> = {
  'Simpang Tetap Darul Ichsan': ['Simpang Tetap Darul Ihsan', 'STDI'],
  'Bangsal Aceh': ['Bangsai Aceh'],
};

/** `14.72:<slug>`: 003 prints no village codes, so the key is built from the name. */
export function dumaiVillageId(name: string): string {
  return `14.72:${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
}

function placement(printed: string, name: string): { kecamatan: string; placement: Provenance; note?: string } {
  const direct = kecamatanIdByName[printed];
  if (direct !== undefined) {
    return { kecamatan: printed, placement: { source: 'seed', cite: '003 §5 tabel PK 2022' } };
  }
  const note = `003 §5 prints "${printed}" in the KECAMATAN column, which is not a kecamatan`;
  const lokus = placedByLokus[name];
  if (lokus !== undefined) {
    return { kecamatan: lokus[0].toUpperCase(), placement: { source: 'seed', cite: lokus[1] }, note };
  }
  const guess = placedByAssumption[name];
  if (guess === undefined) {
    throw new Error(`no kecamatan for ${name}`);
  }
  return {
    kecamatan: guess.toUpperCase(),
    placement: { source: 'assumed', note: 'not placed by any seed; Kemendagri list of Kota Dumai' },
    note,
  };
}

export const dumaiVillages: readonly Village[] = pk2022.map(([printed, name, families, atRisk]) => {
  const placed = placement(printed, name);
  const kecamatanId = kecamatanIdByName[placed.kecamatan];
  if (kecamatanId === undefined) {
    throw new Error(`unknown kecamatan ${placed.kecamatan}`);
  }
  const seedNotes = [
    placed.note,
    name === 'Bangsal Aceh' ? '§5 prints "Bangsai Aceh"; the assistance table prints "BANGSAL ACEH"' : undefined,
    name === 'Simpang Tetap Darul Ichsan'
      ? '§5 and lokus 2022 print "Darul Ihsan"; lokus 2023/2024 "Darul Ichsan"'
      : undefined,
  ].filter((n): n is string => n !== undefined);
  return {
    id: dumaiVillageId(name),
    name,
    aliases: aliases[name] ?? [],
    kind: 'kelurahan',
    kecamatanId,
    placement: placed.placement,
    familyCounts: [
      { year: 2022, families, atRiskFamilies: atRisk, provenance: { source: 'seed', cite: '003 §5 tabel PK 2022' } },
    ],
    ...(seedNotes.length > 0 ? { seedNote: seedNotes.join('; ') } : {}),
  };
});

const lokus = (names: readonly string[]): string[] => names.map(dumaiVillageId);

/** Kelurahan lokasi fokus 2022-2024 as listed in 003 §B. */
export const dumaiFocusLocationDecrees: readonly FocusLocationDecree[] = [
  {
    regencyCode: '14.72',
    year: 2022,
    decree: 'Keputusan Walikota Dumai Nomor 139 Tahun 2021',
    villageIds: lokus([
      'Kampung Baru',
      'Bukit Kayu Kapur',
      'Simpang Tetap Darul Ichsan',
      'Purnama',
      'Bagan Keladi',
      'Pangkalan Sesai',
    ]),
    provenance: { source: 'seed', cite: '003 §B.1 Kelurahan Lokus Tahun 2022' },
  },
  {
    regencyCode: '14.72',
    year: 2023,
    decree: 'Keputusan Walikota Dumai Nomor 440/308/2022',
    villageIds: lokus([
      'Simpang Tetap Darul Ichsan',
      'Purnama',
      'Bagan Keladi',
      'Teluk Binjai',
      'Jaya Mukti',
      'Bagan Besar',
      'Bukit Kayu Kapur',
      'Teluk Makmur',
      'Guntung',
      'Basilam Baru',
    ]),
    provenance: { source: 'seed', cite: '003 §B.2 Kelurahan Lokus Tahun 2023' },
  },
  {
    regencyCode: '14.72',
    year: 2024,
    // 003 quotes a draft decree; no number had been assigned when the report was written.
    decree: 'Draf Keputusan Walikota Dumai tentang kelurahan lokasi fokus tahun 2024',
    villageIds: lokus([
      'Pangkalan Sesai',
      'Purnama',
      'Simpang Tetap Darul Ichsan',
      'Teluk Binjai',
      'Bukit Kayu Kapur',
      'Basilam Baru',
    ]),
    provenance: { source: 'seed', cite: '003 §B.3 Kelurahan Lokus Tahun 2024' },
  },
];

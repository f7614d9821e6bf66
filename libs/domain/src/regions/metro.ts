import { type FamilyCount, type Kecamatan, type Regency, type Village } from './types';

/** Kota Metro, Lampung. Source for every row: 000 §1.1 and Tabel 1. */
export const metro: Regency = {
  code: '18.72',
  name: 'Kota Metro',
  kind: 'kota',
  provinceCode: '18',
  timeZone: 'Asia/Jakarta',
};

const tabel1 = '000 Tabel 1';

export const metroKecamatan: readonly Kecamatan[] = [
  // Kemendagri codes are the first six digits of the village codes in Tabel 1; BPS codes the first
  // seven digits of the BPS village codes.
  {
    id: '18.72.01',
    kemendagriCode: '18.72.01',
    bpsCode: '1872022',
    name: 'Metro Pusat',
    regencyCode: '18.72',
    codeProvenance: { source: 'seed', cite: tabel1 },
  },
  {
    id: '18.72.02',
    kemendagriCode: '18.72.02',
    bpsCode: '1872023',
    name: 'Metro Utara',
    regencyCode: '18.72',
    codeProvenance: { source: 'seed', cite: tabel1 },
  },
  {
    id: '18.72.03',
    kemendagriCode: '18.72.03',
    bpsCode: '1872012',
    name: 'Metro Barat',
    regencyCode: '18.72',
    codeProvenance: { source: 'seed', cite: tabel1 },
  },
  {
    id: '18.72.04',
    kemendagriCode: '18.72.04',
    bpsCode: '1872021',
    name: 'Metro Timur',
    regencyCode: '18.72',
    codeProvenance: { source: 'seed', cite: tabel1 },
  },
  {
    id: '18.72.05',
    kemendagriCode: '18.72.05',
    bpsCode: '1872011',
    name: 'Metro Selatan',
    regencyCode: '18.72',
    codeProvenance: { source: 'seed', cite: tabel1 },
  },
];

/**
 * One Tabel 1 row: BPS code, Kemendagri code (as printed, without dots), name, families targeted
 * 2021/2022/2023 and families at risk 2021/2022/2023.
 */
type Row = readonly [string, string, string, readonly [number, number, number], readonly [number, number, number]];

const rows: readonly Row[] = [
  ['1872011001', '1972051003', 'Sumbersari Bantul', [552, 552, 606], [201, 91, 89]],
  ['1872011002', '1872051001', 'Rejomulyo', [905, 869, 916], [316, 145, 103]],
  ['1872011003', '1872051004', 'Margodadi', [485, 432, 420], [182, 41, 39]],
  ['1872011004', '1872051002', 'Margorejo', [731, 660, 731], [318, 59, 53]],
  ['1872012001', '1872031001', 'Mulyojati', [1201, 1201, 1408], [514, 251, 118]],
  ['1872012002', '1872031003', 'Mulyosari', [588, 588, 538], [206, 74, 74]],
  ['1872012003', '1872031002', 'Ganjar Agung', [935, 935, 1005], [423, 146, 226]],
  ['1872012004', '1872031004', 'Ganjar Asri', [1054, 1054, 1405], [505, 232, 210]],
  ['1872021001', '1872041002', 'Tejosari', [512, 512, 496], [190, 55, 54]],
  ['1872021002', '1872041005', 'Tejo Agung', [837, 837, 798], [368, 167, 128]],
  ['1872021003', '1872041003', 'Iring Mulyo', [1500, 1367, 1436], [719, 432, 222]],
  ['1872021004', '1872041004', 'Yosorejo', [796, 775, 859], [378, 153, 91]],
  ['1872021005', '1872041001', 'Yosodadi', [1168, 1103, 1236], [486, 232, 112]],
  ['1872022001', '1872011001', 'Metro', [1424, 1404, 1457], [692, 466, 347]],
  ['1872022002', '1872011003', 'Imopuro', [651, 651, 738], [303, 148, 157]],
  ['1872022003', '1872011004', 'Hadimulyo Barat', [1814, 1706, 1661], [811, 282, 244]],
  ['1872022004', '1872011002', 'Hadimulyo Timur', [1546, 1546, 1506], [721, 273, 244]],
  ['1872022005', '1872011005', 'Yosomulyo', [1624, 1709, 1757], [704, 427, 148]],
  ['1872023001', '1872021001', 'Banjarsari', [1478, 1637, 1842], [609, 398, 247]],
  ['1872023002', '1872021002', 'Purwosari', [931, 921, 891], [425, 271, 266]],
  ['1872023003', '1872021004', 'Purwoasri', [558, 558, 780], [224, 51, 116]],
  ['1872023004', '1872021003', 'Karangrejo', [1392, 1554, 1734], [517, 242, 148]],
];

/** Spellings of §1.1's list that differ from Tabel 1. */
const aliases: Readonly<Record<string, readonly string[]>> = {
  'Sumbersari Bantul': ['Sumpersari', 'Sumbersari'],
  'Ganjar Agung': ['Ganjaragung'],
  'Ganjar Asri': ['Ganjarasri'],
  'Tejo Agung': ['Tejoagung'],
  'Iring Mulyo': ['Iringmulyo'],
};

function dotted(code: string): string {
  return `${code.slice(0, 2)}.${code.slice(2, 4)}.${code.slice(4, 6)}.${code.slice(6)}`;
}

function familyCounts(targeted: Row[3], atRisk: Row[4]): FamilyCount[] {
  return [2021, 2022, 2023].map((year, i) => ({
    year,
    families: targeted[i] ?? 0,
    atRiskFamilies: atRisk[i] ?? 0,
    provenance: { source: 'seed', cite: tabel1 },
  }));
}

export const metroVillages: readonly Village[] = rows.map(([bps, printedCode, name, targeted, atRisk]) => {
  // Tabel 1 prints Sumbersari Bantul as 1972051003: province 19 is Bangka Belitung, and every
  // other Metro code starts 1872, so the printed prefix is a typo and the code is 18.72.05.1003.
  const kemendagriCode = dotted(printedCode.startsWith('1972') ? `18${printedCode.slice(2)}` : printedCode);
  return {
    id: kemendagriCode,
    kemendagriCode,
    bpsCode: bps,
    name,
    aliases: aliases[name] ?? [],
    kind: 'kelurahan',
    kecamatanId: kemendagriCode.slice(0, 8),
    placement: { source: 'seed', cite: tabel1 },
    familyCounts: familyCounts(targeted, atRisk),
    ...(printedCode === '1972051003'
      ? { seedNote: 'Tabel 1 prints Kemendagri code 1972051003 (wrong province prefix); corrected to 18.72.05.1003' }
      : {}),
  };
});

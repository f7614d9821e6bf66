import { fromSeed } from '../common/provenance';
import { type RoleCode } from '../roles/roles';
import { type Indicator } from './types';

/**
 * The 28 coverage indicators of the guide's Tabel 1.1 (004 §Aksi 1 langkah 3): 20 main indicators
 * (A, mandatory), 5 supplementary (B) and 3 for areas with special conditions (C). The guide
 * prints "balita gizi buruk yang ditangani (BGM)" twice (B.1 and B.5); both rows are kept as printed.
 */

type Row = readonly [
  no: string,
  name: string,
  numerator: string,
  denominator: string,
  source: RoleCode,
  printedSource: string,
  starred?: boolean,
];

const main: readonly Row[] = [
  [
    '1',
    'Cakupan Bumil KEK yang mendapat PMT pemulihan',
    'Jumlah Bumil KEK yang mendapat PMT pemulihan',
    'Jumlah seluruh Bumil KEK di wilayah tsb dalam kurun waktu satu tahun yang sama',
    'DINKES',
    'Dinas Kesehatan',
  ],
  [
    '2',
    'Cakupan Ibu Hamil mendapat IFA (TTD) minimal 90 tablet selama kehamilan',
    'Jumlah ibu hamil mendapat TTD minimal 90 tablet selama kehamilan',
    'Jumlah semua ibu hamil di wilayah tsb dalam kurun waktu satu tahun yang sama',
    'DINKES',
    'Dinas Kesehatan',
  ],
  [
    '3',
    'Cakupan kelas ibu hamil (ibu mengikuti konseling gizi dan kesehatan)',
    'Jumlah ibu hamil yang mengikuti kelas ibu hamil',
    'Jumlah semua ibu hamil dalam kurun waktu satu tahun yang sama',
    'DINKES',
    'Dinas Kesehatan',
  ],
  [
    '4',
    'Cakupan keluarga yang mengikuti Bina Keluarga Balita',
    'Jumlah keluarga dengan balita yang mengikuti BKB',
    'Jumlah semua keluarga dengan balita dalam kurun waktu satu tahun yang sama',
    'FAMILY_PLANNING',
    'Dinas yang membidangi urusan keluarga berencana',
  ],
  [
    '5',
    'Cakupan balita kurus yang mendapatkan PMT',
    'Jumlah balita kurus yang mendapat PMT pemulihan',
    'Jumlah seluruh balita kurus di wilayah tsb dalam kurun waktu satu tahun yang sama',
    'DINKES',
    'Dinas Kesehatan',
    true,
  ],
  [
    '6',
    'Cakupan kehadiran di posyandu (rasio yang datang terhadap total sasaran)',
    'Jumlah anak usia 0-5 tahun yang hadir per bulan di posyandu',
    'Jumlah anak usia 0-5 tahun dalam wilayah kerja posyandu',
    'DINKES',
    'Dinas Kesehatan',
    true,
  ],
  [
    '7',
    'Cakupan Ibu Hamil-K4',
    'Jumlah ibu hamil yang mendapatkan pelayanan K4 di fasilitas pelayanan kesehatan',
    'Jumlah semua ibu hamil di wilayah tsb dalam kurun waktu satu tahun yang sama',
    'DINKES',
    'Dinas Kesehatan',
  ],
  [
    '8',
    'Cakupan anak 6-59 bulan yang memperoleh Vit A',
    'Jumlah bayi usia 6-59 bulan yang memperoleh Vit. A',
    'Jumlah semua bayi usia 6-59 bulan pada tahun tsb',
    'DINKES',
    'Dinas Kesehatan',
    true,
  ],
  [
    '9',
    'Cakupan bayi 0-11 bulan telah diimunisasi dasar secara lengkap',
    'Jumlah bayi usia 0-11 bulan yang telah mendapatkan imunisasi dasar dan imunisasi lengkap',
    'Jumlah semua bayi berusia 0-11 bulan dalam kurun waktu satu tahun yang sama',
    'DINKES',
    'Dinas Kesehatan',
  ],
  [
    '10',
    'Cakupan balita diare yang memperoleh suplementasi zinc',
    'Jumlah balita diare yang memperoleh suplementasi zinc',
    'Jumlah seluruh balita diare pada kurun waktu satu tahun tersebut',
    'DINKES',
    'Dinas Kesehatan',
    true,
  ],
  [
    '11',
    'Cakupan remaja putri mendapatkan TTD',
    'Jumlah remaja putri yang mendapat TTD',
    'Jumlah seluruh remaja putri pada kurun waktu satu tahun tersebut',
    'DINKES',
    'Dinas Kesehatan',
  ],
  [
    '12',
    'Cakupan rumah tangga yang menggunakan sumber air minum layak',
    'Jumlah rumah tangga dengan akses sumber air minum layak',
    'Jumlah seluruh rumah tangga pada tahun tsb',
    'PU_CIPTA_KARYA',
    'Dinas PU',
  ],
  [
    '13',
    'Cakupan rumah tangga yang menggunakan sanitasi layak',
    'Jumlah rumah tangga yang telah menggunakan sanitasi layak',
    'Jumlah seluruh rumah tangga pada tahun tsb',
    'DINKES',
    'Dinas Kesehatan',
  ],
  [
    '14',
    'Cakupan rumah tangga peserta JKN/Jamkesda',
    'Jumlah penduduk yang telah menjadi peserta JKN/JamKesda',
    'Jumlah penduduk pada tahun tsb',
    'DINKES',
    'Dinas Kesehatan',
  ],
  [
    '15',
    'Cakupan KPM PKH yang mendapatkan FDS gizi dan kesehatan',
    'Jumlah KPM PKH yang mengikuti Pertemuan Peningkatan Kemampuan Keluarga (P2K2)/FDS gizi dan kesehatan',
    'Jumlah seluruh KPM PKH',
    'DINSOS',
    'Dinas Sosial',
  ],
  [
    '16',
    'Cakupan orang tua yang mengikuti kelas parenting',
    'Jumlah ibu hamil dan orang tua dengan anak usia baduta yang mengikuti kelas parenting',
    'Jumlah ibu hamil dan anak baduta pada tahun tersebut',
    'PENDIDIKAN',
    'Dinas Pendidikan dan Kebudayaan',
  ],
  [
    '17',
    'Cakupan anak usia 2-6 tahun terdaftar (peserta didik) di PAUD',
    'Jumlah anak usia 2-6 tahun terdaftar (peserta didik) di PAUD',
    'Jumlah seluruh anak usia 2-6 tahun',
    'PENDIDIKAN',
    'Dinas Pendidikan dan Kebudayaan',
  ],
  [
    '18',
    'Cakupan keluarga 1000 HPK kelompok miskin sebagai penerima BPNT',
    'Jumlah keluarga 1000 HPK kelompok miskin sebagai penerima BPNT',
    'Jumlah keluarga 1000 HPK kelompok miskin',
    'DINSOS',
    'Dinas Sosial',
  ],
  [
    '19',
    'Cakupan desa menerapkan KRPL',
    'Jumlah desa yang menerapkan KRPL',
    'Jumlah seluruh desa',
    'PERTANIAN',
    'Dinas Pertanian',
  ],
  [
    '20',
    'Cakupan layanan Ibu Nifas',
    'Jumlah ibu nifas yang mendapatkan pelayanan postnatal minimal 3 kali',
    'Jumlah semua ibu nifas di wilayah tsb dalam kurun waktu satu tahun yang sama',
    'DINKES',
    'Dinas Kesehatan',
  ],
];

const supplementary: readonly Row[] = [
  [
    '1',
    'Cakupan balita yang mengalami gizi buruk yang ditangani (BGM)',
    'Jumlah balita gizi buruk yang ditangani',
    'Jumlah seluruh kasus balita gizi buruk dalam kurun waktu satu tahun yang sama',
    'PUSKESMAS',
    'Puskesmas',
    true,
  ],
  [
    '2',
    'Cakupan Puskesmas yang mampu tata laksana MTBS',
    'Jumlah Puskesmas yang mampu tata laksana MTBS',
    'Jumlah seluruh Puskesmas di kab/kota',
    'DINKES',
    'Dinas Kesehatan',
  ],
  [
    '3',
    'Cakupan keluarga 1000 HPK kelompok miskin sebagai penerima PKH',
    'Jumlah keluarga 1000 HPK kelompok miskin sebagai penerima PKH',
    'Jumlah seluruh keluarga 1000 HPK kelompok miskin',
    'DINSOS',
    'Dinas Sosial',
  ],
  [
    '4',
    'Cakupan bayi yang memiliki akta kelahiran',
    'Jumlah baduta yang memiliki akta kelahiran',
    'Jumlah seluruh baduta pada tahun yang sama',
    'DUKCAPIL',
    'Dinas Dukcapil',
  ],
  [
    '5',
    'Cakupan balita yang mengalami gizi buruk yang ditangani (BGM)',
    'Jumlah balita gizi buruk yang ditangani',
    'Jumlah seluruh kasus balita gizi buruk dalam kurun waktu satu tahun yang sama',
    'PUSKESMAS',
    'Puskesmas',
    true,
  ],
];

const specialCondition: readonly Row[] = [
  [
    '1',
    'Cakupan Ibu hamil menggunakan kelambu di daerah endemis',
    'Jumlah bumil yang menggunakan kelambu',
    'Jumlah seluruh bumil',
    'PUSKESMAS',
    'Puskesmas',
  ],
  [
    '2',
    'Cakupan Ibu hamil positif HIV mendapatkan pelayanan Prevention Mother to Child Transmition (PPIA: Pencegahan Penularan Ibu ke Anak)',
    'Jumlah Bumil positif HIV mendapatkan pelayanan PPIA',
    'Jumlah seluruh bumil positif HIV',
    'PUSKESMAS',
    'Puskesmas',
  ],
  [
    '3',
    'Cakupan balita yang memperoleh obat cacing',
    'Jumlah balita yang mendapat obat cacing',
    'Jumlah seluruh balita',
    'PUSKESMAS',
    'Puskesmas',
    true,
  ],
];

function rows(section: 'A' | 'B' | 'C', group: Indicator['group'], list: readonly Row[]): Indicator[] {
  return list.map(([no, name, numerator, denominator, source, printedSource, starred]) => {
    const code = `Tabel 1.1 ${section}.${no}`;
    return {
      code,
      aliases: [],
      codes: [
        {
          code,
          format: 'guide',
          block: 'TABEL_1_1',
          kind: 'percentage',
          // The guide's table prints no values; two decimals as Metro's form does.
          printedDecimals: 2,
          cite: `004 Tabel 1.1 ${section}.${no}${starred === true ? '*' : ''}`,
        },
      ],
      name,
      kind: 'percentage',
      responsible: fromSeed(source, `004 Tabel 1.1 ${section}.${no} Sumber Data (${printedSource})`),
      group,
      starred: starred === true,
      numeratorLabel: numerator,
      denominatorLabel: denominator,
      ...(section === 'B' && no === '5' ? { note: 'the guide prints this row twice (B.1 and B.5)' } : {}),
      ...(section === 'A' && no === '6' ? { note: 'an average of monthly attendance percentages' } : {}),
    };
  });
}

export const coverageIndicators: readonly Indicator[] = [
  ...rows('A', 'main', main),
  ...rows('B', 'supplementary', supplementary),
  ...rows('C', 'specialCondition', specialCondition),
];

import { assumed, fromSeed } from '../common/provenance';
import { dataGapToAksi6, noPrevalenceToAksi7 } from './aksi-1-3';
import {
  assumedP,
  assumedRole,
  assumedRoles,
  deliverable,
  durationNote,
  monthly,
  requires,
  role,
  seedP,
  t,
  win,
  workingDays,
} from './builders';
import { type Action } from './schema';

/**
 * Aksi 4-8. The guide (004) gives only their names, so stages, owners and schedules come from the
 * national guideline (sources.md §12: Bappenas 2018 pedoman, Juknis 2019) and are marked assumed.
 */

// Full titles are the guide's own (004, diagram of the eight actions); everything else is assumed.
const guideline = 'sources.md §12 (national guideline, not in the seeds)';
const byJune = 'sources.md §12; 003 reports Aksi 1-5 done and reported by 30 Juni 2023';

const stage = (
  code: string,
  order: number,
  title: ReturnType<typeof t>,
  rest: Omit<Action['stages'][number], 'code' | 'order' | 'title' | 'kind' | 'provenance'> & {
    kind?: 'task' | 'event';
  },
): Action['stages'][number] => ({
  code,
  order,
  title,
  kind: rest.kind ?? 'task',
  ...rest,
  provenance: assumedP(guideline),
});

export const aksi4: Action = {
  code: 'AKSI_4',
  number: 4,
  title: t('Peraturan Bupati/Wali Kota tentang Peran Desa', 'Regulation on the role of villages'),
  fullTitle: t(
    'Memberikan kepastian hukum bagi desa untuk menjalankan peran dan kewenangan desa dalam intervensi gizi terintegrasi',
    'Give villages legal certainty for their role and authority in integrated nutrition interventions',
  ),
  responsible: assumedRole('PMD', `${guideline}: BPMD/DPMD`),
  window: assumed(win(3, 1, 6, 30), byJune),
  outputs: fromSeed(
    [
      t(
        'Peraturan/Keputusan Bupati/Wali Kota tentang peran dan kewenangan desa/kelurahan',
        'Regulation on village roles and authority',
      ),
    ],
    '003 §D butir 11; §E butir 2 (Keputusan Walikota Dumai Nomor 111 Tahun 2022)',
  ),
  dependsOn: [],
  stages: [
    stage(
      'AKSI_4.T1',
      1,
      t('Penyusunan rancangan peraturan dari daftar kegiatan yang dapat dilimpahkan ke desa', 'Draft the regulation'),
      {
        owner: assumedRole('PMD', guideline),
        participants: assumedRoles(['BAPPEDA', 'SECTOR_AGENCIES'], guideline),
        deliverables: [
          deliverable(
            'A4_RANCANGAN',
            'document',
            'Rancangan Peraturan Bupati/Wali Kota',
            'Draft regulation',
            assumedP(guideline),
          ),
        ],
        duration: assumed(workingDays(15), durationNote),
        dependsOn: [requires('AKSI_2.T1', seedP('004 §Aksi 2 Tahap Pertama langkah 3 (masukan dalam aksi #4)'))],
      },
    ),
    stage('AKSI_4.T2', 2, t('Reviu hukum oleh Bagian Hukum', 'Legal review'), {
      owner: assumedRole('BAGIAN_HUKUM', guideline),
      participants: assumedRoles(['PMD'], guideline),
      deliverables: [
        deliverable('A4_REVIU', 'document', 'Hasil reviu hukum', 'Legal review notes', assumedP(guideline)),
      ],
      duration: assumed(workingDays(10), durationNote),
      dependsOn: [requires('AKSI_4.T1', assumedP(guideline))],
    }),
    stage('AKSI_4.T3', 3, t('Penetapan dan pengundangan peraturan', 'Signing and promulgation'), {
      owner: assumedRole('HEAD_OF_REGION', guideline),
      participants: assumedRoles(['SEKDA', 'BAGIAN_HUKUM'], guideline),
      deliverables: [
        deliverable(
          'A4_PERATURAN',
          'signature',
          'Peraturan Bupati/Wali Kota yang ditetapkan',
          'Signed regulation',
          assumedP(guideline),
        ),
      ],
      duration: assumed(workingDays(10), durationNote),
      dependsOn: [requires('AKSI_4.T2', assumedP(guideline))],
    }),
    stage(
      'AKSI_4.T4',
      4,
      t('Sosialisasi peraturan kepada kecamatan dan desa/kelurahan', 'Socialise the regulation to villages'),
      {
        owner: assumedRole('PMD', guideline),
        participants: assumedRoles(['KECAMATAN', 'KELURAHAN'], guideline),
        deliverables: [
          deliverable(
            'A4_SOSIALISASI',
            'minutes',
            'Berita acara sosialisasi',
            'Minutes of the socialisation',
            assumedP(guideline),
          ),
        ],
        duration: assumed(workingDays(10), durationNote),
        dependsOn: [requires('AKSI_4.T3', assumedP(guideline))],
      },
    ),
  ],
};

export const aksi5: Action = {
  code: 'AKSI_5',
  number: 5,
  title: t('Pembinaan Kader Pembangunan Manusia', 'Human-development cadres (KPM)'),
  fullTitle: t(
    'Memastikan tersedianya dan berfungsinya kader yang membantu Pemerintah Desa dalam pelaksanaan intervensi gizi terintegrasi di tingkat desa',
    'Ensure cadres exist and function to help village governments',
  ),
  responsible: assumedRole(
    'PMD',
    `${guideline}: BPMD/DPMD (Dumai: Dinas Sosial dan Pemberdayaan Masyarakat, 003 lampiran Aksi 5)`,
  ),
  window: assumed(win(3, 1, 12, 31), `${byJune} for the SK and training; monthly reports run to December`),
  outputs: fromSeed(
    [t('SK Kader Pembangunan Manusia (KPM) per desa/kelurahan', 'Cadre decree per village')],
    '003 lampiran Aksi 5 (SK KPM kelurahan; 180 KPM)',
  ),
  dependsOn: [],
  stages: [
    stage('AKSI_5.T1', 1, t('Pemetaan kader per desa/kelurahan', 'Map cadres per village'), {
      owner: assumedRole('PMD', guideline),
      participants: assumedRoles(['KECAMATAN', 'KELURAHAN'], guideline),
      deliverables: [
        deliverable('A5_PETA', 'dataTable', 'Daftar KPM per desa/kelurahan', 'Cadres per village', assumedP(guideline)),
      ],
      duration: assumed(workingDays(10), durationNote),
      window: assumed(win(3, 1, 6, 30), byJune),
      dependsOn: [],
    }),
    stage('AKSI_5.T2', 2, t('Penetapan SK Kader Pembangunan Manusia', 'Decree appointing the cadres'), {
      owner: assumedRole('KELURAHAN', '003 prints "SK KPM kelurahan": the village head signs'),
      participants: assumedRoles(['PMD'], guideline),
      deliverables: [
        deliverable(
          'A5_SK',
          'signature',
          'SK KPM desa/kelurahan',
          'Cadre decree of each village',
          seedP('003 lampiran Aksi 5 (SK KADER PEMBANGUNAN MANUSIA (KPM) KELURAHAN)'),
        ),
      ],
      duration: assumed(workingDays(10), durationNote),
      window: assumed(win(3, 1, 6, 30), byJune),
      dependsOn: [requires('AKSI_5.T1', assumedP(guideline))],
    }),
    stage('AKSI_5.T3', 3, t('Pelatihan dan pembinaan KPM', 'Train and coach the cadres'), {
      owner: assumedRole('PMD', '003 lampiran Aksi 5: sosialisasi KPM oleh Dinas Sosial dan Pemberdayaan Masyarakat'),
      participants: assumedRoles(['DINKES', 'KECAMATAN'], guideline),
      deliverables: [
        deliverable(
          'A5_PELATIHAN',
          'minutes',
          'Laporan pelatihan/pembinaan KPM',
          'Training report',
          assumedP(guideline),
        ),
      ],
      duration: assumed(workingDays(10), durationNote),
      window: assumed(win(3, 1, 6, 30), byJune),
      dependsOn: [requires('AKSI_5.T2', assumedP(guideline))],
    }),
    stage('AKSI_5.T4', 4, t('Laporan bulanan kader', 'Monthly cadre reports'), {
      owner: assumedRole('KELURAHAN', guideline),
      participants: assumedRoles(['PMD'], guideline),
      deliverables: [
        deliverable('A5_LAPORAN', 'dataTable', 'Laporan bulanan KPM', 'Monthly cadre report', assumedP(guideline)),
      ],
      duration: assumed(workingDays(5), 'each monthly report'),
      window: assumed(win(7, 1, 12, 31), guideline),
      recurrence: assumed(monthly(), guideline),
      dependsOn: [requires('AKSI_5.T3', assumedP(guideline))],
    }),
  ],
};

export const aksi6: Action = {
  code: 'AKSI_6',
  number: 6,
  title: t('Sistem Manajemen Data Stunting', 'Stunting data management'),
  fullTitle: t(
    'Meningkatkan sistem pengelolaan data stunting dan cakupan intervensi di tingkat Kabupaten/Kota',
    'Improve the management of stunting and coverage data',
  ),
  responsible: assumedRole('BAPPEDA', guideline),
  window: assumed(win(3, 1, 10, 31), guideline),
  outputs: assumed(
    [t('Rencana tindak lanjut perbaikan sistem manajemen data stunting', 'Plan to improve the data system')],
    `${guideline}; 004 names the action only`,
  ),
  dependsOn: [],
  stages: [
    stage('AKSI_6.T1', 1, t('Identifikasi kebutuhan dan kesenjangan data', 'Identify data needs and gaps'), {
      owner: assumedRole('BAPPEDA', guideline),
      participants: assumedRoles(['DINKES', 'SECTOR_AGENCIES'], guideline),
      deliverables: [
        deliverable(
          'A6_KESENJANGAN',
          'document',
          'Daftar kebutuhan dan kesenjangan data',
          'Data needs and gaps',
          assumedP(guideline),
        ),
      ],
      duration: assumed(workingDays(10), durationNote),
      dependsOn: [dataGapToAksi6],
    }),
    stage('AKSI_6.T2', 2, t('Penilaian sistem manajemen data yang berjalan', 'Assess the current data system'), {
      owner: assumedRole('BAPPEDA', guideline),
      participants: assumedRoles(['DINKES', 'KOMINFO'], guideline),
      deliverables: [
        deliverable(
          'A6_PENILAIAN',
          'dataTable',
          'Hasil penilaian sistem data',
          'Assessment of the data system',
          assumedP(guideline),
        ),
      ],
      duration: assumed(workingDays(10), durationNote),
      dependsOn: [requires('AKSI_6.T1', assumedP(guideline))],
    }),
    stage('AKSI_6.T3', 3, t('Penyusunan rencana tindak lanjut perbaikan sistem data', 'Plan the improvement'), {
      owner: assumedRole('BAPPEDA', guideline),
      participants: assumedRoles(['DINKES', 'KOMINFO', 'SECTOR_AGENCIES'], guideline),
      deliverables: [
        deliverable(
          'A6_RTL',
          'document',
          'Rencana tindak lanjut perbaikan sistem data',
          'Improvement plan',
          assumedP(guideline),
        ),
      ],
      duration: assumed(workingDays(10), durationNote),
      dependsOn: [requires('AKSI_6.T2', assumedP(guideline))],
    }),
    stage('AKSI_6.T4', 4, t('Reviu perbaikan sistem dan pemanfaatan data', 'Review the improvement and data use'), {
      owner: assumedRole('BAPPEDA', guideline),
      participants: assumedRoles(['SECTOR_AGENCIES'], guideline),
      deliverables: [
        deliverable('A6_REVIU', 'document', 'Laporan reviu sistem data', 'Review report', assumedP(guideline)),
      ],
      duration: assumed(workingDays(10), durationNote),
      dependsOn: [requires('AKSI_6.T3', assumedP(guideline))],
    }),
  ],
};

const weighing =
  '004 §Aksi 1 Tahapan Ketiga langkah 2 (Bulan Penimbangan Balita Februari dan Agustus); 000 Tabel 6 butir 8.4';

export const aksi7: Action = {
  code: 'AKSI_7',
  number: 7,
  title: t('Pengukuran dan Publikasi Data Stunting', 'Measurement and publication of stunting'),
  fullTitle: t(
    'Melakukan pengukuran pertumbuhan dan perkembangan anak balita dan publikasi angka stunting Kabupaten/Kota',
    'Measure under-five growth and development and publish the stunting rate',
  ),
  responsible: role(
    'DINKES',
    '004 §Aksi 1 Tahapan Ketiga langkah 2 butir 4 (Aksi #7 sebagai rencana aksi Dinas Kesehatan)',
  ),
  window: assumed(win(1, 1, 12, 31), guideline),
  outputs: fromSeed(
    [
      t(
        'Publikasi data stunting tingkat kabupaten/kota, kecamatan dan desa/kelurahan',
        'Published stunting figures at all levels',
      ),
    ],
    '000 Tabel 5 bidang 4 butir 2 (1 publikasi setiap tahun)',
  ),
  dependsOn: [],
  stages: [
    stage('AKSI_7.T1', 1, t('Penyusunan jadwal pengukuran', 'Prepare the measurement schedule'), {
      owner: assumedRole('DINKES', guideline),
      participants: assumedRoles(['PUSKESMAS'], guideline),
      deliverables: [
        deliverable('A7_JADWAL', 'document', 'Jadwal pengukuran', 'Measurement schedule', assumedP(guideline)),
      ],
      duration: assumed(workingDays(5), durationNote),
      window: assumed(win(1, 1, 1, 31), guideline),
      dependsOn: [noPrevalenceToAksi7],
    }),
    stage(
      'AKSI_7.T2',
      2,
      t('Pengukuran pertumbuhan dan perkembangan balita: Bulan Penimbangan Februari', 'February weighing month'),
      {
        owner: assumedRole('PUSKESMAS', guideline),
        participants: assumedRoles(['KELURAHAN', 'DINKES'], guideline),
        deliverables: [
          deliverable(
            'A7_EPPGBM_FEB',
            'dataTable',
            'Data ePPGBM hasil penimbangan Februari',
            'February e-PPGBM data',
            seedP('000 Tabel 6 butir 8.4'),
          ),
        ],
        duration: assumed(workingDays(20), 'the whole weighing month'),
        window: fromSeed(win(2, 1, 2, 'last'), weighing),
        dependsOn: [requires('AKSI_7.T1', assumedP(guideline))],
      },
    ),
    stage(
      'AKSI_7.T3',
      3,
      t('Pengukuran pertumbuhan dan perkembangan balita: Bulan Penimbangan Agustus', 'August weighing month'),
      {
        owner: assumedRole('PUSKESMAS', guideline),
        participants: assumedRoles(['KELURAHAN', 'DINKES'], guideline),
        deliverables: [
          deliverable(
            'A7_EPPGBM_AGU',
            'dataTable',
            'Data ePPGBM hasil penimbangan Agustus',
            'August e-PPGBM data',
            seedP('000 Tabel 6 butir 8.4'),
          ),
        ],
        duration: assumed(workingDays(20), 'the whole weighing month'),
        window: fromSeed(win(8, 1, 8, 31), weighing),
        dependsOn: [requires('AKSI_7.T2', assumedP(guideline))],
      },
    ),
    stage('AKSI_7.T4', 4, t('Penyimpanan dan pengelolaan data', 'Store and manage the data'), {
      owner: assumedRole('DINKES', guideline),
      participants: assumedRoles(['PUSKESMAS'], guideline),
      deliverables: [
        deliverable(
          'A7_DATA',
          'dataTable',
          'Data pengukuran tervalidasi per desa',
          'Validated measurement data',
          assumedP(guideline),
        ),
      ],
      duration: assumed(workingDays(10), durationNote),
      dependsOn: [requires('AKSI_7.T3', assumedP(guideline))],
    }),
    stage('AKSI_7.T5', 5, t('Pemanfaatan hasil pengukuran', 'Use the results'), {
      owner: assumedRole('DINKES', guideline),
      participants: assumedRoles(['BAPPEDA', 'SECTOR_AGENCIES'], guideline),
      deliverables: [
        deliverable(
          'A7_ANALISIS',
          'document',
          'Analisis hasil pengukuran',
          'Analysis of the results',
          assumedP(guideline),
        ),
      ],
      duration: assumed(workingDays(10), durationNote),
      dependsOn: [requires('AKSI_7.T4', assumedP(guideline))],
    }),
    stage('AKSI_7.T6', 6, t('Diseminasi dan publikasi angka stunting', 'Disseminate and publish the stunting rate'), {
      owner: assumedRole('DINKES', guideline),
      participants: assumedRoles(['KOMINFO', 'KECAMATAN', 'KELURAHAN'], guideline),
      deliverables: [
        deliverable(
          'A7_PUBLIKASI',
          'document',
          'Publikasi data stunting tingkat kabupaten/kota, kecamatan dan desa/kelurahan',
          'Published stunting figures',
          seedP('000 Tabel 5 bidang 4 butir 2'),
        ),
      ],
      duration: assumed(workingDays(10), durationNote),
      dependsOn: [requires('AKSI_7.T5', assumedP(guideline))],
    }),
  ],
};

export const aksi8: Action = {
  code: 'AKSI_8',
  number: 8,
  title: t('Reviu Kinerja Tahunan', 'Annual performance review'),
  fullTitle: t(
    'Melakukan reviu kinerja pelaksanaan program dan kegiatan terkait penurunan stunting selama satu tahun terakhir',
    "Review the past year's performance of stunting programmes and activities",
  ),
  responsible: assumedRole('SEKDA', `${guideline}: Sekda and Bappeda`),
  window: assumed(win(10, 1, 12, 31), `${guideline}; 003 lists a one-off "Penilaian Kinerja 8 Aksi" without timing`),
  outputs: assumed(
    [t('Dokumen reviu kinerja tahunan (rekomendasi untuk Aksi 1 tahun berikutnya)', 'Annual review document')],
    guideline,
  ),
  dependsOn: [],
  stages: [
    stage(
      'AKSI_8.T1',
      1,
      t('Identifikasi sumber data dan pengumpulan data kinerja program', 'Collect programme performance data'),
      {
        owner: assumedRole('BAPPEDA', guideline),
        participants: assumedRoles(['SECTOR_AGENCIES'], guideline),
        deliverables: [
          deliverable(
            'A8_DATA',
            'dataTable',
            'Data kinerja program dan kegiatan',
            'Performance data',
            assumedP(guideline),
          ),
        ],
        duration: assumed(workingDays(10), durationNote),
        dependsOn: [],
      },
    ),
    stage('AKSI_8.T2', 2, t('Pelaksanaan reviu kinerja', 'Carry out the review'), {
      kind: 'event',
      owner: assumedRole('BAPPEDA', guideline),
      participants: assumedRoles(['SEKDA', 'SECTOR_AGENCIES'], guideline),
      deliverables: [
        deliverable(
          'A8_RAPAT',
          'minutes',
          'Notulen rapat reviu kinerja',
          'Minutes of the review meeting',
          assumedP(guideline),
        ),
      ],
      duration: assumed(workingDays(10), durationNote),
      dependsOn: [requires('AKSI_8.T1', assumedP(guideline))],
    }),
    stage('AKSI_8.T3', 3, t('Penyusunan dokumen reviu kinerja', 'Write the review document'), {
      owner: assumedRole('BAPPEDA', guideline),
      participants: assumedRoles(['SEKDA'], guideline),
      deliverables: [
        deliverable(
          'A8_DOKUMEN',
          'document',
          'Dokumen reviu kinerja tahunan',
          'Annual review document',
          assumedP(guideline),
        ),
        deliverable(
          'A8_PENGESAHAN',
          'signature',
          'Pengesahan dokumen reviu oleh Sekda',
          'Sekda signs the review',
          assumedP(guideline),
        ),
      ],
      duration: assumed(workingDays(10), durationNote),
      dependsOn: [requires('AKSI_8.T2', assumedP(guideline))],
    }),
  ],
};

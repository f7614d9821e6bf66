import { assumed, fromSeed } from '../common/provenance';
import {
  assumedP,
  assumedRole,
  assumedRoles,
  conditional,
  deliverable,
  durationNote,
  previousCycle,
  requires,
  role,
  roleList,
  seedP,
  t,
  win,
  workingDays,
} from './builders';
import { type Action } from './schema';

/**
 * Aksi 1-3 transcribed from the guide (seed 004), stage by stage. Only durations and a few
 * artefacts the guide implies but does not name are assumed.
 */

const a1 = '004 §Aksi 1';

export const aksi1: Action = {
  code: 'AKSI_1',
  number: 1,
  title: t('Analisis Situasi Program Penurunan Stunting', 'Situation analysis of the stunting programme'),
  fullTitle: t(
    'Identifikasi sebaran stunting, ketersediaan program, dan kendala dalam pelaksanaan integrasi intervensi gizi',
    'Identify the distribution of stunting, programme availability and constraints on integrating nutrition interventions',
  ),
  responsible: role('BAPPEDA', `${a1} Penanggung Jawab`),
  window: fromSeed(win(1, 1, 2, 'last'), `${a1} Jadwal (Januari sampai dengan Februari)`),
  outputs: fromSeed(
    [
      t(
        'Rekomendasi kebutuhan program/kegiatan yang direkomendasikan perbaikan alokasinya (realokasi atau penambahan alokasi)',
        'Recommended programme (re)allocations',
      ),
      t(
        'Rekomendasi tindakan perbaikan penyampaian layanan bagi rumah tangga 1.000 HPK',
        'Recommended service-delivery improvements for 1,000-HPK households',
      ),
      t('Rekomendasi kebutuhan kegiatan penguatan koordinasi', 'Recommended coordination strengthening'),
      t('Daftar desa/kelurahan lokasi fokus', 'List of focus villages'),
    ],
    `${a1} Output; Tahap Ketiga langkah 3 (Rekomendasi lokasi fokus intervensi)`,
  ),
  dependsOn: [],
  stages: [
    {
      code: 'AKSI_1.T1',
      order: 1,
      kind: 'task',
      title: t('Merancang Tujuan Pelaksanaan Analisis Situasi', 'Set the objectives of the situation analysis'),
      owner: role('BAPPEDA', `${a1} Tahap Pertama`),
      participants: roleList([], `${a1} Tahap Pertama`),
      deliverables: [
        deliverable(
          'A1_TUJUAN',
          'document',
          'Rancangan tujuan Analisis Situasi',
          'Objectives of the situation analysis',
          seedP(`${a1} Tahap Pertama`),
        ),
      ],
      duration: assumed(workingDays(3), durationNote),
      dependsOn: [],
      provenance: seedP(`${a1} Tahapan Pelaksanaan (Tahap 1)`),
    },
    {
      code: 'AKSI_1.T2',
      order: 2,
      kind: 'task',
      title: t('Reviu Hasil Analisis Sebelumnya yang Relevan', 'Review relevant earlier analyses'),
      owner: role('BAPPEDA', `${a1} Tahapan Kedua`),
      participants: roleList(
        ['SECTOR_AGENCIES', 'NON_GOVERNMENT'],
        `${a1} Tahapan Kedua (kajian dari OPD, perguruan tinggi, OMS, mitra)`,
      ),
      deliverables: [
        deliverable(
          'A1_KAJIAN',
          'document',
          'Daftar hasil kajian/studi dan laporan yang relevan',
          'Relevant studies and reports',
          assumedP('the guide says Bappeda identifies relevant studies; it names no artefact'),
        ),
      ],
      duration: assumed(workingDays(5), durationNote),
      dependsOn: [
        requires('AKSI_1.T1', seedP(`${a1} Tahapan Pelaksanaan (urutan tahap)`)),
        previousCycle('AKSI_8', assumedP("sources.md §12: the Aksi 8 review feeds next year's Aksi 1")),
      ],
      provenance: seedP(`${a1} Tahapan Pelaksanaan (Tahap 2)`),
    },
    {
      code: 'AKSI_1.T3.1',
      order: 3,
      kind: 'event',
      title: t('Pertemuan Awal (kick-off) Analisis Situasi', 'Cross-agency kick-off meeting'),
      owner: role('BAPPEDA', `${a1} Tahapan Ketiga langkah 1`),
      participants: roleList(
        ['SECTOR_AGENCIES', 'NON_GOVERNMENT'],
        `${a1} Tahapan Ketiga langkah 1 (lintas OPD, perguruan tinggi, OMS)`,
      ),
      deliverables: [
        deliverable(
          'A1_KICKOFF',
          'minutes',
          'Kesepakatan kick-off: tujuan, jadwal dan rencana kerja, pengumpulan data, metode',
          'Kick-off agreement: objectives, schedule, data collection, method',
          assumedP('the guide lists what is agreed (a-d) but not the minutes as an artefact'),
        ),
      ],
      duration: assumed(workingDays(2), durationNote),
      dependsOn: [requires('AKSI_1.T2', seedP(`${a1} Tahapan Pelaksanaan (urutan tahap)`))],
      provenance: seedP(`${a1} Tahapan Ketiga langkah 1`),
    },
    {
      code: 'AKSI_1.T3.2',
      order: 4,
      kind: 'task',
      title: t('Analisis Sebaran Prevalensi Stunting', 'Analyse the distribution of stunting prevalence'),
      owner: role('DINKES', `${a1} Tahapan Ketiga langkah 2 (Dinas Kesehatan menyusun informasi kunci)`),
      participants: roleList(['BAPPEDA', 'PUSKESMAS'], `${a1} Tahapan Ketiga langkah 2`),
      deliverables: [
        deliverable(
          'A1_PREVALENSI',
          'dataTable',
          'Data jumlah kasus dan prevalensi stunting per desa/kecamatan/wilayah Puskesmas',
          'Stunting cases and prevalence per village, kecamatan or puskesmas area',
          seedP(`${a1} Tahapan Ketiga langkah 2 (Data yang dibutuhkan)`),
        ),
        deliverable(
          'A1_HOTSPOT',
          'document',
          'Wilayah hotspot dan rekomendasi keputusan jenis analisis situasi',
          'Hotspot areas and the decision on general or area-specific analysis',
          seedP(`${a1} Tahapan Ketiga langkah 2 (Rekomendasi keputusan)`),
        ),
      ],
      duration: assumed(workingDays(8), durationNote),
      dependsOn: [
        requires('AKSI_1.T3.1', seedP(`${a1} Gambar 1.1 Tahapan Analisis Situasi`)),
        previousCycle(
          'AKSI_7.T3',
          seedP(`${a1} Tahapan Ketiga langkah 2 (hasil Bulan Penimbangan Balita Februari dan Agustus)`),
        ),
      ],
      provenance: seedP(`${a1} Tahapan Ketiga langkah 2`),
    },
    {
      code: 'AKSI_1.T3.3',
      order: 5,
      kind: 'task',
      title: t(
        'Analisis Ketersediaan Program dan Kesenjangan Cakupan Layanan',
        'Analyse programme availability and coverage gaps',
      ),
      owner: role('BAPPEDA', `${a1} Penanggung Jawab; Tahapan Ketiga langkah 3 (tim pelaksana)`),
      participants: roleList(['SECTOR_AGENCIES'], `${a1} Tahapan Ketiga langkah 3 (setiap OPD menyediakan data)`),
      deliverables: [
        deliverable(
          'A1_CAKUPAN',
          'dataTable',
          'Data cakupan intervensi (Tabel 1.1) per desa/kecamatan/Puskesmas',
          'Coverage data of Table 1.1 per area',
          seedP(`${a1} Tahapan Ketiga langkah 3; Tabel 1.1`),
        ),
        deliverable(
          'A1_PEMETAAN',
          'dataTable',
          'Pemetaan program/kegiatan dan sumber pendanaan per intervensi gizi prioritas',
          'Map of programmes and funding per priority intervention',
          seedP(`${a1} Tahapan Ketiga langkah 3 (Pemetaan Program dan Pendanaan)`),
        ),
        deliverable(
          'A1_MATRIKS_LOKUS',
          'dataTable',
          'Matriks prioritisasi desa lokasi fokus (Tabel 1.2)',
          'Focus-village prioritisation matrix (Table 1.2)',
          seedP(`${a1} Tabel 1.2`),
        ),
        deliverable(
          'A1_REKOMENDASI_ALOKASI',
          'document',
          'Rekomendasi lokasi fokus dan realokasi atau penambahan alokasi program',
          'Recommended focus locations and programme (re)allocation',
          seedP(`${a1} Tahapan Ketiga langkah 3 butir 4`),
        ),
      ],
      duration: assumed(workingDays(10), durationNote),
      dependsOn: [requires('AKSI_1.T3.2', seedP(`${a1} Gambar 1.1 Tahapan Analisis Situasi`))],
      provenance: seedP(`${a1} Tahapan Ketiga langkah 3`),
    },
    {
      code: 'AKSI_1.T3.4',
      order: 6,
      kind: 'task',
      title: t(
        'Analisis Situasi Penyampaian Layanan pada Rumah Tangga 1.000 HPK',
        'Analyse service delivery to 1,000-HPK households',
      ),
      owner: role('BAPPEDA', `${a1} Tahapan Ketiga langkah 4 (tim pelaksana)`),
      participants: roleList(
        ['SECTOR_AGENCIES', 'PUSKESMAS'],
        `${a1} Tahapan Ketiga langkah 4 (FGD dengan OPD dan penyedia layanan)`,
      ),
      deliverables: [
        deliverable(
          'A1_FGD',
          'minutes',
          'Catatan FGD dengan OPD dan penyedia layanan',
          'Minutes of the focus-group discussions',
          assumedP('the guide prescribes FGDs; minutes as the artefact are assumed'),
        ),
        deliverable(
          'A1_REKOMENDASI_LAYANAN',
          'document',
          'Rekomendasi kebutuhan perbaikan layanan',
          'Recommended service-management improvements',
          seedP(`${a1} Tahapan Ketiga langkah 4 (Rekomendasi Kebutuhan Perbaikan Layanan)`),
        ),
      ],
      duration: assumed(workingDays(7), durationNote),
      dependsOn: [requires('AKSI_1.T3.3', seedP(`${a1} Gambar 1.1 Tahapan Analisis Situasi`))],
      provenance: seedP(`${a1} Tahapan Ketiga langkah 4`),
    },
    {
      code: 'AKSI_1.T3.5',
      order: 7,
      kind: 'task',
      title: t(
        'Analisis Kebutuhan Penguatan Koordinasi Antar Program dan Antara Kabupaten/Kota dengan Kecamatan dan Desa',
        'Review coordination between programmes and between regency, kecamatan and villages',
      ),
      owner: role('BAPPEDA', `${a1} Tahapan Ketiga langkah 5 (tim pelaksana)`),
      participants: roleList(['SECTOR_AGENCIES', 'KECAMATAN', 'KELURAHAN'], `${a1} Tahapan Ketiga langkah 5`),
      deliverables: [
        deliverable(
          'A1_REKOMENDASI_KOORDINASI',
          'document',
          'Rekomendasi penguatan koordinasi',
          'Recommended coordination strengthening',
          seedP(`${a1} Tahapan Ketiga langkah 5 (Rekomendasi penguatan koordinasi)`),
        ),
      ],
      duration: assumed(workingDays(5), durationNote),
      dependsOn: [requires('AKSI_1.T3.4', seedP(`${a1} Gambar 1.1 Tahapan Analisis Situasi`))],
      provenance: seedP(`${a1} Tahapan Ketiga langkah 5`),
    },
  ],
};

const a2 = '004 §Aksi 2';

export const aksi2: Action = {
  code: 'AKSI_2',
  number: 2,
  title: t('Penyusunan Rencana Kegiatan', 'Activity plan'),
  fullTitle: t(
    'Menyusun rencana kegiatan untuk meningkatkan pelaksanaan integrasi intervensi gizi',
    'Prepare an activity plan to improve the integration of nutrition interventions',
  ),
  responsible: role('BAPPEDA', `${a2} Penanggung Jawab (dikoordinir oleh Bappeda)`),
  window: fromSeed(win(2, 1, 2, 'last'), `${a2} Jadwal (bulan Februari)`),
  outputs: fromSeed(
    [
      t(
        'Rencana program/kegiatan untuk peningkatan cakupan dan integrasi intervensi gizi tahun berjalan dan/atau satu tahun mendatang',
        'Programme and activity plan for the current and/or next year',
      ),
    ],
    `${a2} Output`,
  ),
  dependsOn: [],
  stages: [
    {
      code: 'AKSI_2.T1',
      order: 1,
      kind: 'task',
      title: t('Penyusunan Rancangan Rencana Kegiatan', 'Draft the activity plan'),
      owner: role('BAPPEDA', `${a2} Tahap Pertama (Bappeda bersama OPD)`),
      participants: roleList(['SECTOR_AGENCIES'], `${a2} Tahap Pertama`),
      deliverables: [
        deliverable(
          'A2_RANCANGAN',
          'dataTable',
          'Rancangan Rencana Kegiatan (Tabel 2.2) dengan enam daftar hasil konsolidasi',
          'Draft activity plan (Table 2.2) with the six consolidated lists',
          seedP(`${a2} Tahap Pertama langkah 5; Tabel 2.2`),
        ),
        deliverable(
          'A2_PROGRAM',
          'dataTable',
          'Rencana Program dan Kegiatan Intervensi Penurunan Stunting Terintegrasi (Tabel 2.3)',
          'Programme and activity plan (Table 2.3)',
          seedP(`${a2} Tabel 2.3`),
        ),
        deliverable(
          'A2_KEWENANGAN_DESA',
          'document',
          'Daftar kegiatan yang dapat dilimpahkan kewenangannya ke tingkat desa (masukan Aksi 4)',
          'Activities whose authority can pass to villages (input to Aksi 4)',
          seedP(`${a2} Tahap Pertama langkah 3`),
        ),
      ],
      duration: assumed(workingDays(8), durationNote),
      dependsOn: [requires('AKSI_1', seedP(`${a2} Definisi (tindak lanjut rekomendasi analisis situasi)`))],
      provenance: seedP(`${a2} Tahapan Pelaksanaan (Tahap 1)`),
    },
    {
      code: 'AKSI_2.T2',
      order: 2,
      kind: 'event',
      title: t('Konsultasi Rancangan Rencana Kegiatan dengan DPRD', 'Consult the draft plan with DPRD'),
      owner: role('BAPPEDA', `${a2} Tahap Kedua butir 3 (Sekda bersama Bappeda dengan Badan Anggaran DPRD)`),
      participants: roleList(['SEKDA', 'DPRD', 'SECTOR_AGENCIES'], `${a2} Tahap Kedua butir 3`),
      deliverables: [
        deliverable(
          'A2_DPRD',
          'minutes',
          'Catatan hasil diskusi dengan DPRD',
          'Notes of the DPRD consultation',
          assumedP('the guide describes the discussion, not its record'),
        ),
      ],
      duration: assumed(workingDays(3), durationNote),
      dependsOn: [requires('AKSI_2.T1', seedP(`${a2} Tahapan Pelaksanaan (urutan tahap)`))],
      provenance: seedP(`${a2} Tahapan Pelaksanaan (Tahap 2)`),
    },
    {
      code: 'AKSI_2.T3',
      order: 3,
      kind: 'event',
      title: t(
        'Ekspose Rancangan Rencana Kegiatan pada Rembuk Stunting Kabupaten/Kota',
        'Present the draft plan at the Rembuk',
      ),
      owner: role('BAPPEDA', `${a2} Tahap Ketiga butir 1 (Bappeda memaparkan)`),
      participants: roleList(['SECTOR_AGENCIES'], `${a2} Tahap Ketiga butir 2 (OPD memberikan klarifikasi)`),
      deliverables: [
        deliverable(
          'A2_PAPARAN',
          'document',
          'Bahan paparan Rancangan Rencana Kegiatan',
          'Presentation of the draft plan',
          assumedP('the guide says Bappeda presents; the slide deck as an artefact is assumed'),
        ),
      ],
      duration: assumed(workingDays(1), 'the Rembuk is a one-day workshop (004 §Aksi 3 Tahap Pertama)'),
      dependsOn: [
        requires('AKSI_2.T2', seedP(`${a2} Tahapan Pelaksanaan (urutan tahap)`)),
        requires('AKSI_3.T2', seedP('004 §Aksi 3 Tahap Kedua (dokumen pendukung terkonfirmasi sebelum rembuk)')),
      ],
      provenance: seedP(`${a2} Tahapan Pelaksanaan (Tahap 3)`),
    },
    {
      code: 'AKSI_2.T4',
      order: 4,
      kind: 'task',
      title: t(
        'Finalisasi Rancangan Rencana Kegiatan berdasarkan Kesepakatan Rembuk Stunting',
        'Finalise the plan after the Rembuk agreement',
      ),
      owner: role('BAPPEDA', `${a2} Tahap Keempat (tim penyusun; Bappeda dan OPD)`),
      participants: roleList(['TAPD', 'SECTOR_AGENCIES'], `${a2} Tahap Keempat butir 2-4`),
      deliverables: [
        deliverable(
          'A2_FINAL',
          'document',
          'Rencana Kegiatan final, disampaikan kepada TAPD dan OPD',
          'Final activity plan, sent to TAPD and agencies',
          seedP(`${a2} Tahap Keempat butir 2`),
        ),
        deliverable(
          'A2_DAK',
          'document',
          'Daftar kegiatan bersumber DAK untuk proposal DAK tahun rencana berikutnya',
          "DAK-funded activities for next year's DAK proposal",
          seedP(`${a2} Tahap Keempat butir 4`),
        ),
      ],
      duration: assumed(workingDays(5), durationNote),
      dependsOn: [
        requires('AKSI_2.T3', seedP(`${a2} Tahapan Pelaksanaan (urutan tahap)`)),
        requires('AKSI_3.EVENT', seedP(`${a2} Tahap Ketiga butir 3 (kesepakatan Rembuk menjadi dasar finalisasi)`)),
      ],
      provenance: seedP(`${a2} Tahapan Pelaksanaan (Tahap 4)`),
    },
    {
      code: 'AKSI_2.T5',
      order: 5,
      kind: 'task',
      title: t(
        'Integrasi Rencana Kegiatan ke dalam RKPD, Renja OPD, KUA-PPAS dan RKA OPD',
        'Integrate the plan into RKPD, Renja, KUA-PPAS and RKA',
      ),
      owner: role('TAPD', `${a2} Tahap Kelima butir 4 (TAPD mengintegrasikan ke RKPD, KUA-PPAS, RAPBD)`),
      participants: roleList(['BAPPEDA', 'SECTOR_AGENCIES'], `${a2} Tahap Kelima butir 3 (OPD: Renja, RKA, DPA)`),
      deliverables: [
        deliverable(
          'A2_MATRIKS_RENCANA',
          'dataTable',
          'Matriks Pemantauan Integrasi Rencana Kegiatan (Tabel 2.4)',
          'Plan integration matrix (Table 2.4)',
          seedP(`${a2} Tabel 2.4`),
        ),
        deliverable(
          'A2_MATRIKS_ANGGARAN',
          'dataTable',
          'Matriks Pemantauan Integrasi Anggaran Rencana Kegiatan (Tabel 2.5)',
          'Budget integration matrix (Table 2.5)',
          seedP(`${a2} Tabel 2.5`),
        ),
      ],
      duration: assumed(workingDays(60), 'follows the RKPD, KUA-PPAS and RAPBD calendar; the window bounds it'),
      window: assumed(
        win(3, 1, 11, 30),
        '004 says only "mengikuti jadwal penyusunan RKPD, KUA-PPAS, dan RAPBD"; months assumed',
      ),
      dependsOn: [requires('AKSI_2.T4', seedP(`${a2} Tahapan Pelaksanaan (urutan tahap)`))],
      provenance: seedP(`${a2} Tahapan Pelaksanaan (Tahap 5)`),
    },
  ],
};

const a3 = '004 §Aksi 3';

export const aksi3: Action = {
  code: 'AKSI_3',
  number: 3,
  title: t('Rembuk Stunting Kabupaten/Kota', 'Regency/city stunting deliberation (Rembuk Stunting)'),
  fullTitle: t('Menyelenggarakan Rembuk Stunting tingkat Kabupaten/Kota', 'Hold the regency/city Rembuk Stunting'),
  responsible: role('HEAD_OF_REGION', `${a3} Penanggung Jawab (Bupati sebagai penanggung jawab)`),
  delegatedTo: role('SEKDA', `${a3} Penanggung Jawab (didelegasikan kepada Sekretaris Daerah)`),
  // The guide wants the Rembuk before the regency Musrenbang in February; both seed cities held
  // it mid-year (003: 19 Juni 2023; 000 Tabel 6: Juli 2024), which a regency sets by override.
  window: fromSeed(win(2, 1, 2, 'last'), `${a3} Jadwal (sebelum Musrenbang Kabupaten/Kota, Februari)`),
  outputs: fromSeed(
    [
      t(
        'Komitmen penurunan stunting yang ditandatangani bupati, perwakilan DPRD, kepala desa, pimpinan OPD, sektor non-pemerintah dan masyarakat',
        'Signed stunting-reduction commitment',
      ),
      t(
        'Rencana kegiatan intervensi gizi terintegrasi yang disepakati lintas sektor untuk dimuat dalam RKPD/Renja OPD tahun berikutnya',
        "Cross-sector agreed activity plan for next year's RKPD/Renja",
      ),
    ],
    `${a3} Output`,
  ),
  dependsOn: [],
  stages: [
    {
      code: 'AKSI_3.T1',
      order: 1,
      kind: 'task',
      title: t('Merancang Agenda Pelaksanaan Rembuk Stunting', 'Design the Rembuk agenda'),
      owner: role('REMBUK_COMMITTEE', `${a3} Penanggung Jawab (TPK menyusun rencana persiapan, waktu, agenda)`),
      participants: roleList(
        ['SEKDA', 'HEAD_OF_REGION', 'SECTOR_AGENCIES'],
        `${a3} Penanggung Jawab (konsultasi dengan Bupati; koordinasi dengan OPD)`,
      ),
      deliverables: [
        deliverable(
          'A3_AGENDA',
          'document',
          'Agenda acara, narasumber dan daftar peserta Rembuk Stunting',
          'Agenda, speakers and participants',
          seedP(`${a3} Tahap Pertama butir 1-3`),
        ),
        deliverable(
          'A3_PERSETUJUAN',
          'signature',
          'Persetujuan Bupati/Wali Kota atas rencana kegiatan Rembuk',
          'Head of region approves the Rembuk plan',
          seedP(`${a3} Penanggung Jawab (konsultasi rencana kegiatan Rembuk untuk mendapat persetujuan Bupati)`),
        ),
      ],
      duration: assumed(workingDays(5), durationNote),
      dependsOn: [],
      provenance: seedP(`${a3} Tahapan Pelaksanaan (Tahap 1)`),
    },
    {
      code: 'AKSI_3.T2',
      order: 2,
      kind: 'task',
      title: t('Menyiapkan Dokumen Pendukung', 'Prepare the supporting documents'),
      owner: role('REMBUK_COMMITTEE', `${a3} Penanggung Jawab (TPK menyiapkan kebutuhan penyelenggaraan)`),
      participants: roleList(['BAPPEDA'], `${a3} Tahap Kedua (hasil Aksi 1 dan rancangan Aksi 2)`),
      deliverables: [
        deliverable(
          'A3_DOK_ANSIT',
          'document',
          'Dokumen Analisis Situasi',
          'Situation-analysis document',
          seedP(`${a3} Tahap Kedua butir 1`),
        ),
        deliverable(
          'A3_DOK_RENCANA',
          'document',
          'Rancangan Rencana Kegiatan beserta kebutuhan anggaran dan sumber pendanaan',
          'Draft plan with budget needs and funding sources',
          seedP(`${a3} Tahap Kedua butir 2`),
        ),
        deliverable('A3_NASKAH', 'document', 'Naskah komitmen', 'Commitment text', seedP(`${a3} Tahap Kedua butir 3a`)),
        deliverable(
          'A3_FORMAT_BA',
          'document',
          'Format berita acara kesepakatan rencana kegiatan',
          'Template of the minutes of agreement',
          seedP(`${a3} Tahap Kedua butir 3b`),
        ),
      ],
      duration: assumed(workingDays(5), durationNote),
      dependsOn: [
        requires('AKSI_3.T1', seedP(`${a3} Tahapan Pelaksanaan (urutan tahap)`)),
        requires('AKSI_1', seedP(`${a3} Definisi (setelah memperoleh hasil Analisis Situasi)`)),
        requires('AKSI_2.T1', seedP(`${a3} Definisi (memiliki Rancangan Rencana Kegiatan)`)),
      ],
      provenance: seedP(`${a3} Tahapan Pelaksanaan (Tahap 2)`),
    },
    {
      code: 'AKSI_3.EVENT',
      order: 3,
      kind: 'event',
      title: t(
        'Pelaksanaan Rembuk Stunting dan penandatanganan komitmen',
        'The Rembuk workshop and signing of the commitment',
      ),
      owner: role('REMBUK_COMMITTEE', `${a3} Penanggung Jawab (TPK)`),
      participants: roleList(
        ['HEAD_OF_REGION', 'SEKDA', 'DPRD', 'BAPPEDA', 'SECTOR_AGENCIES', 'KECAMATAN', 'KELURAHAN', 'NON_GOVERNMENT'],
        `${a3} Tahap Pertama butir 3 (Peserta)`,
      ),
      deliverables: [
        deliverable(
          'A3_KOMITMEN',
          'signature',
          'Komitmen penurunan stunting yang ditandatangani',
          'Signed commitment',
          seedP(`${a3} Output butir 1; Tahap Kedua butir 3`),
        ),
        deliverable(
          'A3_BERITA_ACARA',
          'minutes',
          'Berita acara kesepakatan rencana kegiatan',
          'Minutes of agreement on the activity plan',
          seedP(`${a3} Tahap Kedua butir 3b`),
        ),
      ],
      duration: assumed(workingDays(1), 'a one-day workshop (004 §Aksi 3 Tahap Pertama butir 1)'),
      dependsOn: [
        requires('AKSI_3.T2', seedP(`${a3} Tahap Kedua (dokumen pendukung sebelum rembuk)`)),
        requires('AKSI_2.T3', seedP(`${a3} Tahap Pertama agenda c-d (diskusi rancangan, lalu penandatanganan)`)),
      ],
      // The guide's three stages prepare and follow the one-day workshop; the workshop itself is
      // kept as its own step because the signed commitment and Aksi 2's finalisation hang on it.
      provenance: seedP(`${a3} Tahap Pertama butir 1 (workshop satu hari) dan Output`),
    },
    {
      code: 'AKSI_3.T3',
      order: 4,
      kind: 'task',
      title: t('Sosialisasi dan Diseminasi Komitmen Aksi Integrasi Penurunan Stunting', 'Publicise the commitment'),
      owner: assumedRole(
        'KOMINFO',
        '004 says "pemerintah daerah" publicises through the media; the communication office is assumed',
      ),
      participants: assumedRoles(['REMBUK_COMMITTEE'], 'not named by the guide'),
      deliverables: [
        deliverable(
          'A3_PUBLIKASI',
          'document',
          'Publikasi komitmen melalui media (radio, koran, televisi lokal)',
          'Publication of the commitment in the media',
          seedP(`${a3} Tahap Ketiga butir 1`),
        ),
      ],
      duration: assumed(workingDays(10), durationNote),
      dependsOn: [requires('AKSI_3.EVENT', seedP(`${a3} Tahap Ketiga (diseminasi komitmen hasil Rembuk)`))],
      provenance: seedP(`${a3} Tahapan Pelaksanaan (Tahap 3)`),
    },
  ],
};

/** Conditional hand-offs from Aksi 1 when data are missing (004 §Aksi 1 langkah 2 and 3). */
export const dataGapToAksi6 = conditional(
  'AKSI_1.T3.2',
  'prevalence or coverage data exist only at puskesmas or kecamatan level',
  seedP(`${a1} Tahapan Ketiga langkah 2 butir 3; langkah 3 Kebutuhan Data`),
);

export const noPrevalenceToAksi7 = conditional(
  'AKSI_1.T3.2',
  'no prevalence data exist even at puskesmas level',
  seedP(`${a1} Tahapan Ketiga langkah 2 butir 4`),
);

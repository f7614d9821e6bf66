import { assumed, fromSeed } from '../common/provenance';
import {
  assumedP,
  assumedRole,
  assumedRoles,
  calendarDays,
  deliverable,
  durationNote,
  monthly,
  requires,
  role,
  roleList,
  seedP,
  t,
  win,
  workingDays,
} from './builders';
import { type AksTemplate } from './schema';

const aksTable = '003 §Realisasi butir 3 (Tahapan Kegiatan Audit Kasus Stunting)';

/**
 * The stunting case audit as Dumai runs it: five stages with the outputs of 003, twice a year in
 * Metro's windows (000 Tabel 6 butir 4.1-4.2).
 */
export const aksFiveStage: AksTemplate = {
  code: 'AKS',
  title: t('Audit Kasus Stunting (lima tahap)', 'Stunting case audit (five stages)'),
  responsible: assumedRole(
    'AUDIT_TEAM',
    '003 §C gives the audit to the TPPS data/M&E bidang and §E butir 4 forms the audit team; the team is taken as responsible',
  ),
  rounds: fromSeed(
    [
      { round: 1, window: win(7, 1, 8, 31) },
      { round: 2, window: win(9, 1, 11, 30) },
    ],
    '000 Tabel 6 butir 4.1 (Juli-Agustus) dan 4.2 (September-November)',
  ),
  provenance: seedP(aksTable),
  stages: [
    {
      code: 'AKS.T1',
      order: 1,
      kind: 'task',
      title: t('Pembentukan Tim Audit', 'Form the audit team'),
      owner: role('TPPS_CHAIR', '003 §E butir 4 (Keputusan Ketua Pelaksana TPPS Nomor 02 Tahun 2022 tentang Tim AKS)'),
      participants: assumedRoles(['TPPS_SECRETARIAT'], 'not named in the seeds'),
      deliverables: [
        deliverable('AKS_SK', 'signature', 'SK Tim AKS', 'Audit team decree', seedP(`${aksTable} tahap 1`)),
      ],
      duration: assumed(workingDays(10), durationNote),
      condition: assumed(
        'skip while an audit-team decree is in force',
        'sources.md §12: the team decree lasts about 2.5 years',
      ),
      milestones: ['auditTeamFormed'],
      dependsOn: [],
      provenance: seedP(`${aksTable} tahap 1`),
    },
    {
      code: 'AKS.T2',
      order: 2,
      kind: 'task',
      title: t(
        'Verifikasi/validasi dan integrasi data (PK 22 dan ePPGBM) serta pengukuran kembali kepada kelompok sasaran',
        'Verify and integrate family-census and e-PPGBM data; re-measure the target groups',
      ),
      owner: assumedRole('AUDIT_TEAM', 'not named in the seeds'),
      participants: assumedRoles(['PUSKESMAS', 'FAMILY_PLANNING'], 'not named in the seeds'),
      deliverables: [
        deliverable(
          'AKS_DATA_SASARAN',
          'dataTable',
          'Data setiap kelompok sasaran yang akan diaudit: catin, bumil, busui, baduta/balita',
          'Data on each audited group: brides-to-be, pregnant and lactating women, under-twos/fives',
          seedP(`${aksTable} tahap 2`),
        ),
      ],
      duration: assumed(workingDays(10), durationNote),
      dependsOn: [requires('AKS.T1', seedP(aksTable))],
      provenance: seedP(`${aksTable} tahap 2`),
    },
    {
      code: 'AKS.T3',
      order: 3,
      kind: 'task',
      title: t(
        'Pembahasan dan analisis hasil pengukuran dari lapangan antara Tim Teknis dengan Tim Pakar',
        'Technical team and expert panel analyse the field results',
      ),
      owner: role('AUDIT_TEAM', `${aksTable} tahap 3 (Tim Teknis)`),
      participants: roleList(['EXPERT_TEAM'], `${aksTable} tahap 3 (Tim Pakar)`),
      deliverables: [
        deliverable(
          'AKS_REKOMENDASI',
          'document',
          'Analisis dan rekomendasi Tim Pakar',
          'Expert analysis and recommendations',
          seedP(`${aksTable} tahap 3`),
        ),
      ],
      duration: assumed(workingDays(10), durationNote),
      milestones: ['auditHeld'],
      dependsOn: [requires('AKS.T2', seedP(aksTable))],
      provenance: seedP(`${aksTable} tahap 3`),
    },
    {
      code: 'AKS.T4',
      order: 4,
      kind: 'task',
      title: t('Diseminasi dan Rencana Tindak Lanjut', 'Dissemination and follow-up plan'),
      owner: assumedRole('TPPS_SECRETARIAT', 'not named in the seeds'),
      participants: assumedRoles(['SECTOR_AGENCIES', 'KECAMATAN', 'KELURAHAN', 'PUSKESMAS'], 'not named in the seeds'),
      deliverables: [
        deliverable(
          'AKS_RTL',
          'document',
          'Rencana tindak lanjut tata laksana berupa intervensi program/kegiatan',
          'Follow-up plan of programme interventions',
          seedP(`${aksTable} tahap 4`),
        ),
        deliverable(
          'AKS_DISEMINASI',
          'minutes',
          'Berita acara diseminasi hasil audit',
          'Minutes of the dissemination meeting',
          assumedP('what dissemination consists of is not in the seeds (sources.md §5)'),
        ),
      ],
      duration: assumed(workingDays(5), durationNote),
      milestones: ['followUpPlanned', 'disseminated'],
      dependsOn: [requires('AKS.T3', seedP(aksTable))],
      provenance: seedP(`${aksTable} tahap 4`),
    },
    {
      code: 'AKS.T5',
      order: 5,
      kind: 'task',
      title: t('Laporan hasil AKS', 'Audit report'),
      owner: assumedRole('TPPS_SECRETARIAT', 'not named in the seeds'),
      participants: assumedRoles(['TPPS_CHAIR'], 'not named in the seeds'),
      deliverables: [
        deliverable(
          'AKS_LAPORAN',
          'document',
          'Laporan AKS kota dan status penyampaian laporan kepada TPPS Provinsi',
          'City audit report and its submission to the provincial TPPS',
          seedP(`${aksTable} tahap 5`),
        ),
      ],
      duration: assumed(workingDays(5), durationNote),
      milestones: ['reported'],
      dependsOn: [requires('AKS.T4', seedP(aksTable))],
      provenance: seedP(`${aksTable} tahap 5`),
    },
  ],
};

const sop = 'sources.md §12 (a regency SOP for AKS, not in the seeds)';

/**
 * The variant of a regency SOP: cases are followed monthly for three months after the follow-up
 * plan, and the results are disseminated a second time. Entirely assumed.
 */
export const aksWithMonitoring: AksTemplate = {
  code: 'AKS_SOP',
  title: t('Audit Kasus Stunting dengan pemantauan tiga bulan', 'Stunting case audit with three-month monitoring'),
  responsible: assumedRole('AUDIT_TEAM', sop),
  // Three months of monitoring do not fit Metro's two-month rounds, so each round gets five months.
  rounds: assumed(
    [
      { round: 1, window: win(3, 1, 7, 31) },
      { round: 2, window: win(8, 1, 12, 31) },
    ],
    `${sop}; windows widened to hold three months of monitoring`,
  ),
  provenance: assumedP(sop),
  stages: [
    {
      code: 'AKS_SOP.T1',
      order: 1,
      kind: 'event',
      title: t(
        'Rapat pemilihan kasus (tidak membaik setelah intervensi, wilayah kasus tinggi, data lengkap)',
        'Case-selection meeting',
      ),
      owner: assumedRole('AUDIT_TEAM', sop),
      participants: assumedRoles(['DINKES', 'FAMILY_PLANNING', 'PUSKESMAS'], sop),
      deliverables: [
        deliverable('AKS_SOP_KASUS', 'minutes', 'Notulen dan daftar kasus terpilih', 'Selected cases', assumedP(sop)),
      ],
      duration: assumed(workingDays(5), sop),
      dependsOn: [],
      provenance: assumedP(sop),
    },
    {
      code: 'AKS_SOP.T2',
      order: 2,
      kind: 'task',
      title: t(
        'Lembar kerja audit diserahkan kepada koordinator KB kecamatan dan dikembalikan pada tanggal yang ditetapkan',
        'Audit worksheets filled in by the kecamatan family-planning coordinators',
      ),
      owner: assumedRole('FAMILY_PLANNING', sop),
      participants: assumedRoles(['KECAMATAN'], sop),
      deliverables: [
        deliverable('AKS_SOP_LEMBAR', 'dataTable', 'Lembar kerja audit terisi', 'Completed worksheets', assumedP(sop)),
      ],
      duration: assumed(workingDays(10), sop),
      dependsOn: [requires('AKS_SOP.T1', assumedP(sop))],
      provenance: assumedP(sop),
    },
    {
      code: 'AKS_SOP.T3',
      order: 3,
      kind: 'task',
      title: t(
        'Telaah Tim Pakar dan Rencana Tindak Lanjut (RTL) disetujui Ketua TPPS',
        'Expert review and follow-up plan approved by the TPPS chair',
      ),
      owner: assumedRole('EXPERT_TEAM', sop),
      participants: assumedRoles(['AUDIT_TEAM', 'TPPS_CHAIR'], sop),
      deliverables: [
        deliverable('AKS_SOP_RTL', 'document', 'Rencana Tindak Lanjut (RTL)', 'Follow-up plan', assumedP(sop)),
        deliverable(
          'AKS_SOP_PERSETUJUAN',
          'signature',
          'Persetujuan RTL oleh Ketua TPPS',
          'TPPS chair approves the plan',
          assumedP(sop),
        ),
      ],
      duration: assumed(workingDays(10), sop),
      milestones: ['auditHeld', 'followUpPlanned'],
      dependsOn: [requires('AKS_SOP.T2', assumedP(sop))],
      provenance: assumedP(sop),
    },
    {
      code: 'AKS_SOP.T4',
      order: 4,
      kind: 'event',
      title: t('Diseminasi pertama', 'First dissemination'),
      owner: assumedRole('TPPS_SECRETARIAT', sop),
      participants: assumedRoles(['SECTOR_AGENCIES', 'KECAMATAN', 'PUSKESMAS'], sop),
      deliverables: [
        deliverable(
          'AKS_SOP_DISEMINASI_1',
          'minutes',
          'Berita acara diseminasi pertama',
          'Minutes of the first dissemination',
          assumedP(sop),
        ),
      ],
      duration: assumed(workingDays(5), sop),
      milestones: ['disseminated'],
      dependsOn: [requires('AKS_SOP.T3', assumedP(sop))],
      provenance: assumedP(sop),
    },
    {
      code: 'AKS_SOP.T5',
      order: 5,
      kind: 'task',
      title: t(
        'Pemantauan bulanan setiap kasus selama tiga bulan (antropometri dan faktor risiko)',
        'Monthly monitoring of each case for three months',
      ),
      owner: assumedRole('PUSKESMAS', sop),
      participants: assumedRoles(['AUDIT_TEAM', 'KELURAHAN'], sop),
      deliverables: [
        deliverable(
          'AKS_SOP_PEMANTAUAN',
          'dataTable',
          'Hasil pemantauan bulanan per kasus',
          'Monthly monitoring per case',
          assumedP(sop),
        ),
      ],
      duration: assumed(calendarDays(90), sop),
      recurrence: assumed(monthly(3), sop),
      dependsOn: [requires('AKS_SOP.T4', assumedP(sop))],
      provenance: assumedP(sop),
    },
    {
      code: 'AKS_SOP.T6',
      order: 6,
      kind: 'event',
      title: t('Diseminasi kedua', 'Second dissemination'),
      owner: assumedRole('TPPS_SECRETARIAT', sop),
      participants: assumedRoles(['SECTOR_AGENCIES', 'KECAMATAN', 'PUSKESMAS'], sop),
      deliverables: [
        deliverable(
          'AKS_SOP_DISEMINASI_2',
          'minutes',
          'Berita acara diseminasi kedua',
          'Minutes of the second dissemination',
          assumedP(sop),
        ),
      ],
      duration: assumed(workingDays(5), sop),
      milestones: ['disseminated'],
      dependsOn: [requires('AKS_SOP.T5', assumedP(sop))],
      provenance: assumedP(sop),
    },
    {
      code: 'AKS_SOP.T7',
      order: 7,
      kind: 'task',
      title: t('Laporan', 'Report'),
      owner: assumedRole('TPPS_SECRETARIAT', sop),
      participants: assumedRoles(['TPPS_CHAIR'], sop),
      deliverables: [
        deliverable(
          'AKS_SOP_LAPORAN',
          'document',
          'Laporan AKS kepada TPPS Provinsi',
          'Audit report to the province',
          assumedP(sop),
        ),
      ],
      duration: assumed(workingDays(5), sop),
      milestones: ['reported'],
      dependsOn: [requires('AKS_SOP.T6', assumedP(sop))],
      provenance: assumedP(sop),
    },
  ],
};

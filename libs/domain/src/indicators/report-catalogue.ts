import { blok, by, byTabel4, form, indicator, pct2024, printedAt, target } from './build';
import { type Indicator } from './types';

/**
 * The semester-report indicators as Metro (000 Tabel 2) and Dumai (003 §F) print them. An
 * indicator printed by both carries Metro's form code as primary and Dumai's block code as alias;
 * the pairing follows the names (letters within a pillar line up with Dumai's numbers; RAN PASTI
 * operational numbers do not). Dumai prints two indicators twice (1B-7 = 2C-16, 1B-1 = 2C-21): both
 * codes are aliases of one indicator.
 */

const t5 = (bidang: number, butir: number): string => `bidang ${bidang} butir ${butir}`;

/** Pilar 1 (Blok 2A): commitment and leadership. */
const pillar1: Indicator[] = [
  indicator(
    {
      name: 'Terselenggaranya rapat koordinasi di tingkat kabupaten/kota',
      responsible: by('BAPPEDA'),
      nationalTarget: target('1 kali setiap tahun', `000 Tabel 5 ${t5(3, 3)}`, 1, 'times'),
    },
    form('Pilar 1. A2', 'yesNo'),
    blok('2A', 2, 'yesNo'),
  ),
  indicator(
    {
      name: 'Terselenggaranya rembug Stunting tingkat kecamatan',
      responsible: by('KECAMATAN'),
      nationalTarget: target('2 kali per tahun', `000 Tabel 5 ${t5(3, 9)}`, 2, 'times'),
    },
    form('Pilar 1. A3', 'yesNo'),
    blok('2A', 3, 'yesNo'),
  ),
  indicator(
    {
      name: 'Jumlah Kecamatan yang telah melaksanakan rebug stunting 1 (satu) kali',
      responsible: by('KECAMATAN'),
      parent: 'Pilar 1. A3',
    },
    form('Pilar 1. A3_a', 'count'),
  ),
  indicator(
    {
      name: 'Jumlah Kecamatan yang telah melaksanakan rebug stunting 2 (dua) kali',
      responsible: by('KECAMATAN'),
      parent: 'Pilar 1. A3',
    },
    form('Pilar 1. A3_b', 'count'),
  ),
  indicator(
    {
      name: 'Jumlah desa/kelurahan yang memiliki bidan sesuai kebutuhan',
      responsible: by('DINKES'),
      nationalTarget: target('100% Tahun 2024', `000 Tabel 5 ${t5(2, 16)}`, 100, 'percent', 2024),
    },
    form('Pilar 1. A5', 'count'),
    blok('2A', 5, 'percentage', 'Tersedianya bidan desa/kelurahan sesuai kebutuhan'),
  ),
  indicator(
    { name: 'Jumlah desa/kelurahan bebas stunting', responsible: by('DINKES') },
    form('Pilar 1. A6', 'count'),
    blok('2A', 6, 'percentage'),
  ),
  indicator(
    {
      name: 'Jumlah pemerintah desa yang mendapatkan peningkatan kapasitas dalam penanganan Percepatan Penurunan Stunting',
      responsible: by('PMD'),
    },
    form('Pilar 1. B1', 'count'),
    blok('2A', 9, 'percentage'),
  ),
  indicator(
    {
      name: 'Jumlah desa/kelurahan yang kader pembangunan manusianya mendapatkan pembinaan dari Pemerintah Daerah Kabupaten/Kota',
      responsible: by('PMD'),
    },
    form('Pilar 1. B3', 'count'),
    blok(
      '2A',
      11,
      'percentage',
      'Persentase desa/kelurahan yang kader pembangunan manusianya mendapatkan pembinaan dari Pemerintah Daerah kabupaten/kota',
    ),
  ),
];

/** Pilar 2 (Blok 2B): behaviour change and community empowerment. */
const pillar2: Indicator[] = [
  indicator(
    {
      name: 'Terlaksananya kampanye nasional pencegahan stunting',
      responsible: by('KOMINFO'),
      nationalTarget: target('Terlaksana setiap bulan', `000 Tabel 5 ${t5(2, 1)}`),
    },
    form('Pilar 2. A1', 'yesNo'),
    blok('2B', 1, 'yesNo'),
  ),
  indicator(
    {
      name: 'Persentase keluarga yang stop Buang Air Besar Sembarangan (BABS)',
      responsible: by('DINKES'),
      nationalTarget: pct2024(90, t5(2, 2)),
    },
    form('Pilar 2. A2', 'percentage'),
    blok('2B', 2, 'percentage'),
  ),
  indicator(
    {
      name: 'Persentase keluarga yang melaksanakan Perilaku Hidup Bersih dan Sehat (PHBS)',
      responsible: byTabel4('DINKES', 18),
      nationalTarget: pct2024(70, t5(2, 3)),
    },
    form('Pilar 2. A3', 'percentage'),
    blok('2B', 3, 'percentage'),
  ),
  indicator(
    {
      name: 'Persentase anak usia di bawah lima tahun (balita) yang memperoleh imunisasi dasar lengkap',
      responsible: byTabel4('DINKES', 16),
      note: 'Metro reports it under Pilar 2, Dumai under Blok 1A',
    },
    form('Pilar 2. A4', 'percentage'),
    blok(
      '1A',
      9,
      'percentage',
      'Persentase anak berusia di bawah lima tahun (balita) yang memperoleh imunisasi dasar lengkap',
    ),
  ),
  indicator(
    {
      name: 'Jumlah desa/kelurahan yang memiliki guru Pendidikan Anak Usia Dini (PAUD) terlatih pengasuhan stimulasi penanganan stunting sebagai hasil pendidikan dan pelatihan di kabupaten/kota',
      responsible: by('PENDIDIKAN'),
      nationalTarget: target(
        'seluruh kabupaten/kota Tahun 2024',
        `000 Tabel 5 ${t5(2, 9)}`,
        undefined,
        undefined,
        2024,
      ),
    },
    form('Pilar 2. B2', 'count'),
    blok('2B', 6, 'percentage'),
  ),
  indicator(
    {
      name: 'Jumlah lembaga Pendidikan Anak Usia Dini (PAUD) yang mengembangkan Pendidikan Anak Usia Dini Holistik Integratif (PAUD-HI)',
      responsible: by('PENDIDIKAN'),
      nationalTarget: pct2024(70, t5(2, 10)),
    },
    form('Pilar 2. B3', 'count'),
    blok('2B', 7, 'percentage'),
  ),
  indicator(
    { name: 'Jumlah posyandu memiliki standar pelayanan pemantauan tumbuh kembang', responsible: by('DINKES') },
    form('Pilar 2. B4', 'count'),
    blok('2B', 8, 'yesNo', 'Terpenuhinya standar pelayanan pemantauan tumbuh kembang di posyandu'),
  ),
  indicator(
    {
      name: 'Jumlah desa/kelurahan yang melaksanakan kelas Bina Keluarga Balita (BKB) tentang pengasuhan 1.000 Hari Pertama Kehidupan (HPK)',
      responsible: by('FAMILY_PLANNING'),
      nationalTarget: pct2024(90, t5(2, 11)),
    },
    form('Pilar 2. B5', 'count'),
    blok('2B', 9, 'percentage'),
  ),
  indicator(
    {
      name: 'Persentase kelompok Keluarga Penerima Manfaat (KPM) Program Keluarga Harapan (PKH) yang mengikuti Pertemuan Peningkatan Kemampuan Keluarga (P2K2) dengan modul kesehatan dan gizi',
      responsible: by('DINSOS'),
      nationalTarget: pct2024(90, t5(4, 10)),
    },
    form('Pilar 2. B6', 'percentage'),
    blok('2B', 10, 'percentage'),
  ),
  indicator(
    {
      name: 'Persentase Pusat Informasi dan Konseling (PIK) Remaja dan Bina Keluarga Remaja (BKR) yang melaksanakan edukasi kesehatan reproduksi dan gizi bagi remaja',
      responsible: by('FAMILY_PLANNING'),
      nationalTarget: pct2024(90, t5(2, 12)),
    },
    form('Pilar 2. B7', 'percentage'),
    blok('2B', 11, 'percentage'),
  ),
  indicator(
    {
      name: 'Terlaksananya Forum Komunikasi Perubahan Perilaku dalam Penurunan Stunting Lintas Agama',
      responsible: by('KEMENAG'),
      nationalTarget: target('minimal 2 kali setiap tahun', `000 Tabel 5 ${t5(2, 13)}`, 2, 'times'),
    },
    form('Pilar 2. C1_a', 'yesNo'),
    blok('2B', 12, 'yesNo'),
  ),
  indicator(
    {
      name: 'Jumlah pelaksanaan forum komunikasi perubahan perilaku dalam penurunan stunting lintas agama',
      responsible: by('KEMENAG'),
      parent: 'Pilar 2. C1_a',
    },
    form('Pilar 2. C1_b', 'count'),
  ),
];

/** Pilar 3 (Blok 2C): convergence of specific and sensitive interventions. */
const pillar3: Indicator[] = [
  indicator(
    {
      name: 'Jumlah desa/kelurahan yang mengintegrasikan program dan kegiatan Percepatan Penurunan Stunting dalam dokumen perencanaan dan penganggaran desa/kelurahan',
      responsible: by('PMD'),
      nationalTarget: target(
        'seluruh kabupaten/kota tahun 2022',
        `000 Tabel 5 ${t5(3, 6)}`,
        undefined,
        undefined,
        2022,
      ),
    },
    form('Pilar 3. A3', 'count'),
    blok('2C', 3, 'percentage'),
  ),
  indicator(
    {
      name: 'Jumlah desa/kelurahan yang meningkatkan alokasi dana desa/kelurahan untuk Intervensi Spesifik dan Intervensi Sensitif dalam penurunan Stunting',
      responsible: by('PMD'),
      nationalTarget: pct2024(90, t5(3, 7)),
    },
    form('Pilar 3. A4', 'count'),
    blok('2C', 4, 'percentage'),
  ),
  indicator(
    {
      name: 'Jumlah desa/kelurahan yang melakukan konvergensi Percepatan Penurunan Stunting',
      responsible: by('PMD'),
      nationalTarget: target('80% Tahun 2022', `000 Tabel 5 ${t5(3, 8)}`, 80, 'percent', 2022),
    },
    form('Pilar 3. A5', 'count'),
    blok('2C', 5, 'percentage'),
  ),
  indicator(
    {
      name: 'Jumlah desa/kelurahan yang melaksanakan Sanitasi Total Berbasis Masyarakat (STBM)',
      responsible: byTabel4('DINKES', 17),
      nationalTarget: pct2024(90, t5(1, 2)),
    },
    form('Pilar 3. A6', 'count'),
    blok('2C', 6, 'percentage'),
  ),
  indicator(
    {
      name: 'Persentase calon pengantin/calon ibu yang menerima Tablet Tambah Darah (TTD)',
      responsible: byTabel4('DINKES', 3),
      nationalTarget: pct2024(90, t5(1, 3)),
    },
    form('Pilar 3. A7', 'percentage'),
    blok('2C', 7, 'percentage'),
  ),
  indicator(
    {
      name: 'Persentase Ibu Hamil Kurang Energi Kronik (KEK) yang menerima tambahan asupan gizi',
      responsible: byTabel4('DINKES', 8),
      nationalTarget: pct2024(90, t5(1, 4)),
    },
    form('Pilar 3. A8', 'percentage'),
    blok(
      '1A',
      1,
      'percentage',
      'Persentase ibu hamil Kurang Energi Kronik (KEK) yang mendapatkan tambahan asupan gizi',
    ),
  ),
  indicator(
    {
      name: 'Persentase Ibu Hamil yang mendapatkan tablet tambah darah (TTD) minimal 90 tablet selama masa kehamilan',
      responsible: by('DINKES'),
      nationalTarget: pct2024(80, t5(1, 5)),
      note: 'Metro reports it under Pilar 3, Dumai under Blok 1A',
    },
    form('Pilar 3. A9', 'percentage'),
    blok(
      '1A',
      2,
      'percentage',
      'Persentase ibu hamil yang mengonsumsi Tablet Tambah Darah (TTD) minimal 90 tablet selama masa kehamilan',
    ),
  ),
  indicator(
    {
      name: 'Persentase bayi usia kurang dari 6 bulan mendapat Air Susu Ibu (ASI) eksklusif',
      responsible: by('DINKES'),
      nationalTarget: pct2024(80, t5(1, 6)),
    },
    form('Pilar 3. A10', 'percentage'),
    blok('1A', 4, 'percentage'),
  ),
  indicator(
    {
      name: 'Persentase anak usia 6-23 bulan yang mendapat Makanan Pendamping Air Susu Ibu (MP-ASI)',
      responsible: by('DINKES'),
      nationalTarget: pct2024(80, t5(1, 7)),
    },
    form('Pilar 3. A11', 'percentage'),
    blok('1A', 5, 'percentage'),
  ),
  indicator(
    {
      name: 'Persentase anak berusia di bawah lima tahun (balita) gizi buruk yang mendapat pelayanan tata laksana gizi buruk',
      responsible: by('DINKES'),
    },
    form('Pilar 3. A12', 'percentage'),
    blok('1A', 6, 'percentage'),
  ),
  indicator(
    {
      name: 'Persentase anak berusia di bawah lima tahun (balita) gizi kurang yang mendapat tambahan asupan gizi',
      responsible: by('DINKES'),
      nationalTarget: pct2024(90, t5(1, 8)),
    },
    form('Pilar 3. A13', 'percentage'),
    blok('1A', 8, 'percentage'),
  ),
  indicator(
    {
      name: 'Cakupan pendampingan Keluarga Berisiko Stunting',
      responsible: by('FAMILY_PLANNING'),
      nationalTarget: pct2024(90, t5(2, 5)),
    },
    form('Pilar 3. B1', 'percentage'),
    blok('2C', 16, 'percentage'),
    blok('1B', 7, 'percentage', 'Cakupan keluarga berisiko Stunting yang memperoleh pendampingan'),
  ),
  indicator(
    {
      name: 'Cakupan calon pengantin yang menerima pendampingan kesehatan reproduksi dan edukasi gizi sejak 3 bulan pra-nikah',
      responsible: byTabel4('DINKES', 5),
      nationalTarget: pct2024(90, t5(2, 7)),
    },
    form('Pilar 3. B2', 'percentage'),
    blok('2C', 17, 'percentage'),
  ),
  indicator(
    {
      name: 'Persentase remaja putri yang menerima layanan pemeriksaan status anemia (hemoglobin)',
      responsible: by('DINKES'),
      nationalTarget: pct2024(90, t5(1, 10)),
    },
    form('Pilar 3. B3', 'percentage'),
    blok('2C', 18, 'percentage'),
  ),
  indicator(
    {
      name: 'Tersedianya data hasil surveilans keluarga berisiko Stunting',
      responsible: by('FAMILY_PLANNING'),
      nationalTarget: target('target 1 Setiap 6 bulan', `000 Tabel 5 ${t5(4, 9)}`),
    },
    form('Pilar 3. B4', 'yesNo'),
    blok('2C', 19, 'yesNo'),
  ),
  indicator(
    {
      name: 'Persentase pelayanan keluarga berencana pasca melahirkan',
      responsible: byTabel4('DINKES', 20),
      nationalTarget: pct2024(70, t5(1, 11)),
    },
    form('Pilar 3. B6', 'percentage'),
    blok('2C', 21, 'percentage'),
    blok('1B', 1, 'percentage', 'Persentase pelayanan Keluarga Berencana (KB) pascapersalinan'),
  ),
  indicator(
    {
      name: 'Persentase unmet need pelayanan keluarga berencana',
      responsible: by('FAMILY_PLANNING'),
      nationalTarget: pct2024(7.4, t5(1, 12)),
      note: 'Metro types the percentage directly ("4,60%"); Dumai gives numerator and denominator',
    },
    form('Pilar 3. B7', 'directPercentage'),
    blok('2C', 22, 'percentage'),
  ),
];

/** Pilar 4 (Blok 2D): food and nutrition security. */
const pillar4: Indicator[] = [
  indicator(
    {
      name: 'Persentase keluarga berisiko Stunting yang mendapatkan manfaat sumber daya pekarangan untuk peningkatan asupan gizi',
      responsible: byTabel4('KETAHANAN_PANGAN', 24),
    },
    form('Pilar 4. A1', 'percentage'),
    blok('2D', 1, 'percentage'),
  ),
  indicator(
    {
      name: 'Persentase keluarga berisiko Stunting yang mendapatkan promosi peningkatan konsumsi ikan dalam negeri',
      responsible: byTabel4('PERIKANAN', 21),
      nationalTarget: pct2024(90, t5(2, 6)),
    },
    form('Pilar 4. A2', 'percentage'),
    blok('2D', 2, 'percentage'),
  ),
  indicator(
    {
      name: 'Persentase Keluarga Penerima Manfaat (KPM) dengan ibu hamil, ibu menyusui dan anak baduta yang menerima variasi bantuan pangan selain beras dan telur (karbohidrat, protein hewani, protein nabati, vitamin dan mineral dan/atau Makanan Pendamping Air Susu Ibu/MPASI)',
      responsible: by('DINSOS'),
      nationalTarget: pct2024(90, t5(4, 13)),
    },
    form('Pilar 4. A3', 'percentage'),
    blok('2D', 3, 'percentage'),
  ),
  indicator(
    {
      name: 'Cakupan Pasangan Usia Subur (PUS) dengan status miskin dan penyandang masalah kesejahteraan sosial yang menerima bantuan tunai bersyarat',
      responsible: byTabel4('DINSOS', 6),
    },
    form('Pilar 4. A4', 'percentage'),
    blok('2D', 4, 'percentage'),
  ),
  indicator(
    {
      name: 'Cakupan Pasangan Usia Subur (PUS) dengan status miskin dan penyandang masalah kesejahteraan sosial yang menerima bantuan pangan non-tunai',
      responsible: byTabel4('DINSOS', 7),
      nationalTarget: pct2024(90, t5(4, 11)),
    },
    form('Pilar 4. A5', 'percentage'),
    blok('2D', 5, 'percentage'),
  ),
  indicator(
    {
      name: 'Cakupan Pasangan Usia Subur (PUS) fakir miskin dan orang tidak mampu yang menjadi Penerima Bantuan Iuran (PBI) jaminan kesehatan',
      responsible: by('DINSOS'),
      nationalTarget: pct2024(90, t5(4, 12)),
    },
    form('Pilar 4. A6', 'percentage'),
    blok('2D', 6, 'percentage'),
  ),
  indicator(
    {
      name: 'Persentase pengawasan produk pangan fortifikasi yang ditindaklanjuti oleh Pelaku Usaha',
      responsible: by('KETAHANAN_PANGAN'),
    },
    form('Pilar 4. B1', 'percentage'),
    blok('2D', 7, 'percentage'),
  ),
];

/** Pilar 5 (Blok 2E): data, information, research and innovation. */
const pillar5: Indicator[] = [
  indicator(
    {
      name: 'Terselenggaranya Pemantauan dan Evaluasi Percepatan Penurunan Stunting di Pemerintah Daerah kabupaten/kota',
      responsible: by('BAPPEDA'),
      nationalTarget: target('2 kali setiap tahun', `000 Tabel 5 ${t5(4, 3)}`, 2, 'times'),
    },
    form('Pilar 5. A6', 'yesNo'),
    blok('2E', 6, 'yesNo'),
  ),
  indicator(
    {
      name: 'Terselenggaranya Pemantauan dan Evaluasi Percepatan Penurunan Stunting di Pemerintah Desa',
      responsible: by('PMD'),
      nationalTarget: target('2 kali setiap tahun', `000 Tabel 5 ${t5(4, 3)}`, 2, 'times'),
    },
    form('Pilar 5. A7', 'yesNo'),
    blok('2E', 7, 'count'),
  ),
  indicator(
    {
      name: 'Terselenggaranya audit anak berusia di bawah dua tahun (baduta) Stunting',
      responsible: by('AUDIT_TEAM'),
      derived: 'badutaAuditHeld',
      nationalTarget: target('50% Tahun 2024', `000 Tabel 5 ${t5(4, 4)}`, 50, 'percent', 2024),
    },
    form('Pilar 5. A8', 'yesNo'),
    blok('2E', 8, 'yesNo'),
  ),
  indicator(
    {
      name: 'Tersedianya data keluarga risiko Stunting yang termutakhirkan melalui Sistem Informasi Keluarga (SIGA)',
      responsible: by('FAMILY_PLANNING'),
      nationalTarget: target('target 1 Setiap 6 bulan', `000 Tabel 5 ${t5(4, 5)}`),
    },
    form('Pilar 5. B3', 'yesNo'),
    blok('2E', 11, 'yesNo'),
  ),
];

const auditTarget = target('2 kali dalam setahun', '003 §F Blok 3B Indikator 5-7 (nama indikator)', 2, 'times');

/** Blok 3: RAN PASTI managerial (3A) and operational (3B) clusters. */
const ranPasti: Indicator[] = [
  indicator(
    {
      name: 'Kabupaten/kota mengalokasikan proporsi 70% anggaran intervensi sensitif, 25% anggaran intervensi spesifik dan 5% anggaran intervensi koordinatif',
      responsible: by('BAPPEDA'),
    },
    form('RAN PASTI Manajerial 2', 'yesNo'),
    blok('3A', 2, 'yesNo'),
  ),
  indicator(
    {
      name: 'Kabupaten/kota memiliki temuan hasil pemeriksaan atas perencanaan dan penyelenggaraan kegiatan Percepatan Penurunan Stunting',
      responsible: by('BAPPEDA'),
      note: 'polarity: Dumai names it "tidak memiliki temuan" but asks "Apakah ada temuan?"; both answer Tidak, meaning no findings',
    },
    form('RAN PASTI Manajerial 3', 'yesNo'),
    blok(
      '3A',
      3,
      'yesNo',
      'Persentase kabupaten/kota yang tidak memiliki temuan hasil pemeriksaan atas perencanaan dan penyelenggaraan kegiatan Percepatan Penurunan Stunting',
    ),
  ),
  indicator(
    {
      name: 'Jumlah desa/kelurahan yang meningkatkan alokasi APBDes minimal 10% untuk Percepatan Penurunan Stunting dari tahun sebelumnya',
      responsible: by('PMD'),
    },
    form('RAN PASTI Manajerial 4', 'count'),
    blok('3A', 4, 'percentage'),
  ),
  indicator(
    {
      name: 'Jumlah desa/kelurahan yang TPK nya melakukan KIE kelompok minimal 1 kali per bulan',
      responsible: by('FAMILY_PLANNING'),
    },
    form('RAN PASTI Operasional 3', 'count'),
    blok('3B', 1, 'percentage'),
  ),
  indicator(
    {
      name: 'Persentase keluarga berisiko Stunting yang mendapatkan KIE interpersonal sesuai standar',
      responsible: by('FAMILY_PLANNING'),
    },
    form('RAN PASTI Operasional 4', 'percentage'),
    blok('3B', 2, 'percentage'),
  ),
  indicator(
    { name: 'Persentase Ibu hamil yang menerima pendampingan', responsible: by('FAMILY_PLANNING') },
    form('RAN PASTI Operasional 5', 'percentage'),
    blok('3B', 13, 'percentage'),
  ),
  indicator(
    {
      name: 'Persentase Ibu hamil dengan Pertumbuhan Janin Terhambat (PJT) yang mendapat tata laksana kesehatan',
      responsible: by('DINKES'),
    },
    form('RAN PASTI Operasional 8', 'percentage'),
    blok('3B', 12, 'percentage'),
  ),
  indicator(
    {
      name: 'Persentase keluarga dengan anak usia 0-23 bulan yang mendapatkan pendampingan',
      responsible: by('FAMILY_PLANNING'),
    },
    form('RAN PASTI Operasional 11', 'percentage'),
    blok('3B', 23, 'percentage'),
  ),
  indicator(
    {
      name: 'Persentase keluarga dengan anak usia 0 bulan dengan berat badan < 2.500 gram yang mendapatkan tatalaksana kesehatan dan gizi',
      responsible: by('DINKES'),
    },
    printedAt(1, form('RAN PASTI Operasional 12', 'percentage')),
    blok('3B', 20, 'percentage'),
  ),
  indicator(
    {
      name: 'Persentase keluarga dengan anak usia 0 bulan dengan panjang < 48 cm yang mendapatkan tatalaksana kesehatan dan gizi',
      responsible: by('DINKES'),
    },
    form('RAN PASTI Operasional 13', 'percentage'),
    blok('3B', 21, 'percentage'),
  ),
  indicator(
    {
      name: 'Persentase keluarga dengan anak usia 0-23 bulan dengan infeksi kronis yang mendapatkan tatalaksana kesehatan',
      responsible: by('DINKES'),
    },
    printedAt(1, form('RAN PASTI Operasional 17', 'percentage')),
    blok('3B', 22, 'percentage'),
  ),
  indicator(
    {
      name: 'Persentase keluarga anak usia 0-23 bulan dengan gizi buruk yang mendapatkan tata laksana gizi buruk',
      responsible: by('DINKES'),
    },
    form('RAN PASTI Operasional 19', 'percentage'),
    blok('3B', 15, 'percentage'),
  ),
  indicator(
    {
      name: 'Persentase Balita 0-23 bulan dengan berat badan dan panjang/tinggi badan sesuai standard',
      responsible: by('DINKES'),
    },
    form('RAN PASTI Operasional 20', 'percentage'),
    printedAt(1, blok('3B', 29, 'percentage')),
  ),
  indicator(
    { name: 'Persentase balita 0-23 bulan yang dipantau perkembangannya sesuai standard', responsible: by('DINKES') },
    form('RAN PASTI Operasional 21', 'percentage'),
    printedAt(1, blok('3B', 30, 'percentage')),
  ),
  indicator(
    {
      name: 'Persentase anak usia 24-59 bulan dengan infeksi kronis yang mendapatkan tatalaksana kesehatan',
      responsible: by('DINKES'),
    },
    form('RAN PASTI Operasional 22', 'percentage'),
    blok('3B', 28, 'percentage'),
  ),
  indicator(
    {
      name: 'Persentase Balita 0-59 bulan dengan berat badan dan panjang/tinggi badan sesuai standard',
      responsible: by('DINKES'),
    },
    form('RAN PASTI Operasional 25', 'percentage'),
    printedAt(1, blok('3B', 31, 'percentage')),
  ),
  indicator(
    {
      name: 'Persentase balita 0-59 bulan yang dipantau perkembangannya sesuai standard',
      responsible: by('DINKES'),
      note: '000 prints the same label for the _a and _b rows',
    },
    form('RAN PASTI Operasional 26', 'percentage'),
    printedAt(1, blok('3B', 32, 'percentage')),
  ),
  indicator(
    {
      name: 'Cakupan keluarga prasejahtera beresiko Stunting penerima bantuan sosial',
      responsible: byTabel4('DINSOS', 35),
    },
    form('RAN PASTI Operasional 27', 'percentage'),
    blok('3B', 9, 'percentage', 'Cakupan keluarga prasejahtera berisiko Stunting penerima bantuan sosial'),
  ),
  indicator(
    {
      name: 'Persentase keluarga berisiko Stunting yang mempunyai air minum layak',
      responsible: byTabel4('PU_CIPTA_KARYA', 27),
    },
    form('RAN PASTI Operasional 32', 'percentage'),
    blok('3B', 18, 'percentage'),
  ),
  indicator(
    { name: 'Persentase keluarga berisiko Stunting yang memiliki rumah layak huni', responsible: by('PERKIM') },
    form('RAN PASTI Operasional 33', 'percentage'),
    blok('3B', 16, 'percentage'),
  ),
  indicator(
    {
      name: 'Persentase keluarga berisiko Stunting yang mempunyai jamban sehat',
      responsible: byTabel4('PU_CIPTA_KARYA', 29),
    },
    form('RAN PASTI Operasional 34', 'percentage'),
    blok('3B', 17, 'percentage'),
  ),
  indicator(
    {
      name: 'Persentase Desa Prioritas yang Melaksanakan Dapur Gizi Keluarga Berbasis Pangan Lokal',
      responsible: by('FAMILY_PLANNING'),
    },
    form('RAN PASTI Operasional 35', 'percentage'),
    blok('3B', 33, 'percentage'),
  ),
  indicator(
    { name: 'Persentase catin anemia yang mengonsumsi 90 Tablet Tambah Darah (TTD)', responsible: by('DINKES') },
    form('RAN PASTI Operasional 37', 'percentage'),
    blok('3B', 10, 'percentage'),
  ),
  indicator(
    { name: 'Persentase catin yang mendapatkan tatalaksana kesehatan dan gizi', responsible: by('DINKES') },
    form('RAN PASTI Operasional 38', 'percentage'),
    blok('3B', 11, 'percentage'),
  ),
  indicator(
    { name: 'Kabupaten/kota yang memiliki tim audit Stunting', responsible: by('TPPS_CHAIR'), derived: 'hasAuditTeam' },
    form('RAN PASTI Operasional 39', 'yesNo'),
    blok('3B', 4, 'yesNo', 'Persentase kab/kota yang memiliki tim audit Stunting'),
  ),
  indicator(
    {
      name: 'Jumlah Pelaksanaan audit kasus Stunting kabupaten/kota dan manajemen pendampingan keluarga',
      responsible: by('AUDIT_TEAM'),
      derived: 'auditsHeld',
      nationalTarget: auditTarget,
    },
    form('RAN PASTI Operasional 40', 'count'),
    blok(
      '3B',
      5,
      'percentage',
      'Persentase pelaksanaan audit kasus Stunting dan manajemen pendampingan keluarga 2 kali dalam setahun',
    ),
  ),
  indicator(
    {
      name: 'Jumlah Tindak lanjut hasil audit kasus Stunting kabupaten/kota dan manajemen pendampingan keluarga',
      responsible: by('AUDIT_TEAM'),
      derived: 'auditsFollowedUp',
      nationalTarget: auditTarget,
    },
    form('RAN PASTI Operasional 41', 'count'),
    blok(
      '3B',
      6,
      'percentage',
      'Persentase tindak lanjut hasil audit kasus Stunting dan manajemen pendampingan keluarga 2 kali dalam setahun',
    ),
  ),
  indicator(
    {
      name: 'Jumlah pelaksanaan Diseminasi hasil audit kasus Stunting kabupaten/kota dan manajemen pendampingan keluarga',
      responsible: by('AUDIT_TEAM'),
      derived: 'auditsDisseminated',
      nationalTarget: auditTarget,
    },
    form('RAN PASTI Operasional 42', 'count'),
    blok(
      '3B',
      7,
      'percentage',
      'Persentase diseminasi hasil audit kasus Stunting dan manajemen pendampingan keluarga 2 kali dalam setahun',
    ),
  ),
];

/** Indicators only Dumai prints (29); their primary code is the block code. */
const dumaiOnly: Indicator[] = [
  indicator(
    { name: 'Persentase remaja putri yang mengonsumsi Tablet Tambah Darah (TTD)', responsible: byTabel4('DINKES', 1) },
    blok('1A', 3, 'percentage'),
  ),
  indicator(
    {
      name: 'Persentase anak berusia di bawah lima tahun (balita) yang dipantau pertumbuhan dan perkembangannya',
      responsible: by('DINKES'),
    },
    blok('1A', 7, 'percentage'),
  ),
  indicator(
    { name: 'Persentase kehamilan yang tidak diinginkan', responsible: by('FAMILY_PLANNING') },
    blok('1B', 2, 'percentage'),
  ),
  indicator(
    {
      name: 'Cakupan calon pengantin yang memperoleh pemeriksaan kesehatan sebagai bagian dari pelayanan nikah',
      responsible: by('DINKES'),
    },
    blok('1B', 3, 'percentage'),
  ),
  indicator(
    {
      name: 'Persentase rumah tangga yang mendapatkan akses air minum layak di kabupaten/kota lokasi prioritas',
      responsible: byTabel4('PU_CIPTA_KARYA', 27),
    },
    blok('1B', 4, 'percentage'),
  ),
  indicator(
    {
      name: 'Persentase rumah tangga yang mendapatkan akses sanitasi (air limbah domestik) layak di kabupaten/kota lokasi prioritas',
      responsible: byTabel4('PU_CIPTA_KARYA', 29),
    },
    blok('1B', 5, 'percentage'),
  ),
  indicator(
    { name: 'Cakupan Bantuan Jaminan Nasional. Penerima Bantuan Iuran (PBI) Kesehatan', responsible: by('DINSOS') },
    blok('1B', 6, 'percentage'),
  ),
  indicator(
    {
      name: 'Jumlah keluarga miskin dan rentan yang memperoleh bantuan tunai bersyarat',
      responsible: by('DINSOS'),
      note: 'named "Jumlah" but printed as a percentage',
    },
    blok('1B', 8, 'percentage'),
  ),
  indicator(
    {
      name: 'Persentase target sasaran yang memiliki pemahaman yang baik tentang Stunting di lokasi prioritas',
      responsible: by('FAMILY_PLANNING'),
    },
    blok('1B', 9, 'percentage'),
  ),
  indicator(
    {
      name: 'Jumlah keluarga miskin dan rentan yang menerima bantuan sosial pangan',
      responsible: by('DINSOS'),
      note: 'named "Jumlah" but printed as a percentage',
    },
    blok('1B', 10, 'percentage'),
  ),
  indicator(
    {
      name: 'Persentase desa/kelurahan stop Buang Air Besar Sembarangan (BABS) atau Open Defecation Free (ODF)',
      responsible: by('DINKES'),
    },
    blok('1B', 11, 'percentage'),
  ),
  indicator(
    {
      name: 'Tersedianya kebijakan/peraturan bupati/walikota tentang kewenangan desa/kelurahan dalam penurunan Stunting',
      responsible: by('PMD'),
      nationalTarget: target(
        'seluruh kabupaten/kota tahun 2022',
        `000 Tabel 5 ${t5(3, 1)}`,
        undefined,
        undefined,
        2022,
      ),
    },
    blok('2A', 4, 'yesNo'),
  ),
  indicator(
    {
      name: 'Persentase Pemerintah Daerah kabupaten/kota yang meningkatkan alokasi Anggaran Pendapatan dan Belanja Daerah untuk Percepatan Penurunan Stunting',
      responsible: by('BAPPEDA'),
    },
    blok('2A', 8, 'yesNo'),
  ),
  indicator(
    {
      name: 'Jumlah pendamping Program Keluarga Harapan (PKH) yang terlatih modul kesehatan dan gizi',
      responsible: by('DINSOS'),
      note: 'named "Jumlah" but printed as a percentage',
    },
    blok('2A', 10, 'percentage'),
  ),
  indicator(
    {
      name: 'Persentase pasangan calon pengantin yang mendapatkan bimbingan perkawinan dengan materi pencegahan Stunting',
      responsible: by('KEMENAG'),
      nationalTarget: pct2024(90, t5(2, 14)),
    },
    blok('2B', 13, 'percentage'),
  ),
  indicator(
    {
      name: 'Jumlah kabupaten/kota yang mengintegrasikan program dan kegiatan Percepatan Penurunan Stunting dalam dokumen perencanaan dan penganggaran daerah',
      responsible: by('BAPPEDA'),
    },
    blok('2C', 1, 'yesNo'),
  ),
  indicator(
    {
      name: 'Persentase kabupaten/kota yang melaksanakan aksi konvergensi Percepatan Penurunan Stunting',
      responsible: by('BAPPEDA'),
      nationalTarget: target('100% Tahun 2022', `000 Tabel 5 ${t5(3, 2)}`, 100, 'percent', 2022),
    },
    blok('2C', 2, 'yesNo'),
  ),
  indicator(
    {
      name: 'Persentase kabupaten/kota yang mengintervensi keamanan pangan untuk mendukung Percepatan Penurunan Stunting',
      responsible: by('KETAHANAN_PANGAN'),
    },
    blok('2C', 14, 'yesNo'),
  ),
  indicator(
    {
      name: 'Persentase kabupaten/kota yang mendapatkan fasilitasi sebagai daerah ramah perempuan dan layak anak dalam Percepatan Penurunan Stunting',
      responsible: by('WOMEN_CHILD_PROTECTION'),
      nationalTarget: target('100% tahun 2024', `000 Tabel 5 ${t5(2, 15)}`, 100, 'percent', 2024),
    },
    blok('2C', 15, 'yesNo'),
  ),
  indicator(
    {
      name: 'Persentase kabupaten/kota dengan Age Spesific Fertility Rate /ASFR (15-19) paling sedikit 18 per 1.000',
      responsible: by('FAMILY_PLANNING'),
      nationalTarget: target(
        '90% tahun 2024 (ASFR 15-19 paling sedikit 18 per 1.000)',
        `000 Tabel 5 ${t5(2, 4)}`,
        18,
        'perThousand',
        2024,
      ),
      note: 'births to women aged 15-19 per 1.000 such women; 003 prints the formula and "6%" for 6,11 per mille',
    },
    blok('2C', 20, 'ratePerThousand'),
  ),
  indicator(
    {
      name: 'Publikasi data Stunting tingkat kabupaten/kota',
      responsible: by('DINKES'),
      nationalTarget: target('1 publikasi Setiap tahun', `000 Tabel 5 ${t5(4, 2)}`, 1, 'times'),
    },
    blok('2E', 3, 'yesNo'),
  ),
  indicator(
    {
      name: 'Persentase kabupaten/kota yang mengimplementasikan sistem data surveilans gizi elektronik dalam Pemantauan intervensi gizi untuk penurunan Stunting',
      responsible: by('DINKES'),
      nationalTarget: pct2024(100, t5(4, 7)),
    },
    blok('2E', 13, 'yesNo'),
  ),
  indicator(
    {
      name: 'Persentase kabupaten/kota yang menerima pendampingan Percepatan Penurunan Stunting melalui Tri Dharma perguruan tinggi',
      responsible: by('BAPPEDA'),
    },
    blok('2E', 15, 'yesNo'),
  ),
  indicator(
    {
      name: 'Persentase kabupaten/kota yang meningkatkan alokasi APBD minimal 10% untuk Percepatan Penurunan Stunting dari tahun sebelumnya',
      responsible: by('BAPPEDA'),
    },
    blok('3A', 1, 'yesNo'),
  ),
  indicator(
    {
      name: 'Cakupan catin yang melakukan pemeriksaan kesehatan dalam 3 (tiga) bulan sebelum menikah',
      responsible: by('DINKES'),
    },
    blok('3B', 3, 'percentage'),
  ),
  indicator(
    {
      name: 'Persentase keluarga dengan anak usia 0-6 bulan yang mendapatkan ASI eksklusif',
      responsible: by('DINKES'),
    },
    blok('3B', 24, 'percentage'),
  ),
  indicator(
    { name: 'Persentase desa/kelurahan yang minimal memiliki 1 TPK', responsible: by('FAMILY_PLANNING') },
    blok('3B', 25, 'percentage'),
  ),
  indicator(
    { name: 'Persentase TPK yang mendapatkan orientasi', responsible: by('FAMILY_PLANNING') },
    blok('3B', 26, 'percentage'),
  ),
  indicator(
    {
      name: 'Persentase keluarga dengan anak usia 0-23 bulan dengan gizi kurang yang mendapatkan tambahan asupan gizi',
      responsible: by('DINKES'),
    },
    blok('3B', 35, 'percentage'),
  ),
];

export const reportIndicators: readonly Indicator[] = [
  ...pillar1,
  ...pillar2,
  ...pillar3,
  ...pillar4,
  ...pillar5,
  ...ranPasti,
  ...dumaiOnly,
];

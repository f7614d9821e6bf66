import { aksFiveStage, aksWithMonitoring } from '../template/aks';
import { derivedInput } from '../indicators/evaluate';
import { aksAuditFacts } from './facts';
import { isValidNik, maskNik, mentionsIdentity } from './nik';
import { aksRecap } from './recap';
import { looksLikeFormula, neutraliseCsvValue } from '../common/csv';
import { missingAksColumns, validateAksCaseRow, validateAksMeasurement } from './case-row';
import { aksStageRequirements, emptyAksEvidence, missingAksOutputs } from './stage-outputs';

const places = {
  kecamatan: [
    { code: '14.72.01', name: 'Dumai Barat' },
    { code: '14.72.02', name: 'Dumai Timur' },
  ],
  kelurahan: [
    { code: '14.72:purnama', name: 'Purnama', parentCode: '14.72.01' },
    { code: '14.72:teluk-binjai', name: 'Teluk Binjai', parentCode: '14.72.02' },
  ],
  today: '2026-11-20',
};

const goodRow = {
  nik: '1472014101240003',
  nama: 'Anak Uji',
  tanggal_lahir: '01/01/2025',
  alamat: 'Jl. Uji No. 1',
  kecamatan: 'Dumai Barat',
  kelurahan: 'Purnama',
  kelompok_sasaran: 'baduta',
  berat_badan: '7,5',
  tinggi_badan: '68.2',
  lingkar_lengan: '',
  tanggal_ukur: '2026-11-02',
};

describe('NIK', () => {
  it('accepts 16 digits with a plausible region and birth date and refuses the rest', () => {
    expect(isValidNik('1472014101240003')).toBe(true);
    expect(isValidNik('147201410124000')).toBe(false);
    expect(isValidNik('0972014101240003')).toBe(false);
    expect(isValidNik('1472019913240003')).toBe(false);
    expect(isValidNik('1472014101240000')).toBe(false);
  });

  it('finds a NIK or a whole name in free text, but not a short name inside a word', () => {
    const people = [
      { nik: '1871010101010003', nama: 'Ani' },
      { nik: '1871010101010004', nama: 'Sekar  Ayu' },
    ];
    expect(mentionsIdentity(['Pupuk organik untuk kebun gizi'], people)).toBe(false);
    expect(mentionsIdentity(['Kunjungi ani setiap minggu'], people)).toBe(true);
    expect(mentionsIdentity(['Rujuk SEKAR AYU ke puskesmas'], people)).toBe(true);
    expect(mentionsIdentity(['NIK 1871010101010003 perlu dicek'], people)).toBe(true);
    expect(mentionsIdentity(['Nomor 18710101010100031'], people)).toBe(false);
  });

  it('masks all but the first and last four digits', () => {
    expect(maskNik('1871010101010003')).toBe('1871********0003');
  });
});

describe('AKS case rows', () => {
  it('turns a good row into a case with its places, group and measurement', () => {
    const result = validateAksCaseRow(goodRow, places);
    expect(result).toEqual({
      ok: true,
      value: {
        identity: { nik: '1472014101240003', nama: 'Anak Uji', tanggalLahir: '2025-01-01', alamat: 'Jl. Uji No. 1' },
        targetGroup: 'baduta',
        kecamatanCode: '14.72.01',
        kecamatanName: 'Dumai Barat',
        kelurahanCode: '14.72:purnama',
        kelurahanName: 'Purnama',
        measurement: { beratBadan: 7.5, tinggiBadan: 68.2, lingkarLengan: null, tanggalUkur: '2026-11-02' },
      },
    });
  });

  it('names every problem of a bad row by column, in Indonesian, without repeating the identity', () => {
    const result = validateAksCaseRow(
      { ...goodRow, nik: '12', nama: '=HYPERLINK("x")', kelompok_sasaran: 'remaja', berat_badan: '900' },
      places,
    );
    expect(result.ok).toBe(false);
    const errors = result.ok ? [] : result.errors;
    expect(errors.map((e) => e.column).sort()).toEqual(['berat_badan', 'kelompok_sasaran', 'nama', 'nik']);
    expect(errors.find((e) => e.column === 'nama')?.message).toMatch(/rumus/);
    expect(JSON.stringify(errors)).not.toContain('HYPERLINK');
  });

  it('refuses an age that does not fit the target group and a kelurahan of another kecamatan', () => {
    const result = validateAksCaseRow({ ...goodRow, tanggal_lahir: '2020-01-01', kelurahan: 'Teluk Binjai' }, places);
    expect(result.ok ? [] : result.errors.map((e) => e.column).sort()).toEqual(['kelurahan', 'tanggal_lahir']);
  });

  it('refuses a measurement after today and impossible dates', () => {
    expect(validateAksCaseRow({ ...goodRow, tanggal_ukur: '2026-12-01' }, places).ok).toBe(false);
    expect(validateAksCaseRow({ ...goodRow, tanggal_lahir: '31/02/2025' }, places).ok).toBe(false);
  });

  it('validates a typed measurement with the same ranges', () => {
    expect(
      validateAksMeasurement({ berat_badan: '8', tinggi_badan: '70', tanggal_ukur: '2026-11-10' }, '2026-11-20'),
    ).toEqual({
      ok: true,
      value: { beratBadan: 8, tinggiBadan: 70, lingkarLengan: null, tanggalUkur: '2026-11-10' },
    });
    expect(validateAksMeasurement({ berat_badan: '-8', tinggi_badan: '70', tanggal_ukur: 'x' }, '2026-11-20').ok).toBe(
      false,
    );
  });

  it('lists the required columns a header lacks and neutralises formulas for export', () => {
    expect(missingAksColumns(['NIK', 'nama'])).toContain('tanggal_ukur');
    expect(
      missingAksColumns([
        'nik',
        'nama',
        'tanggal_lahir',
        'alamat',
        'kecamatan',
        'kelurahan',
        'kelompok_sasaran',
        'berat_badan',
        'tinggi_badan',
        'tanggal_ukur',
      ]),
    ).toEqual([]);
    expect(looksLikeFormula('+62 811')).toBe(true);
    expect(neutraliseCsvValue('=1+1')).toBe("'=1+1");
    expect(neutraliseCsvValue('Jl. Uji')).toBe('Jl. Uji');
    expect(neutraliseCsvValue(' \t=1+1')).toBe("' \t=1+1");
  });
});

describe('AKS recap', () => {
  it("reproduces 003's Tabel Rekapitulasi of the first audit (Dumai, semester I 2023)", () => {
    const rows: [string, number, number, number, number][] = [
      ['DUMAI BARAT', 3, 4, 1, 12],
      ['DUMAI TIMUR', 1, 3, 1, 6],
      ['BUKIT KAPUR', 2, 2, 0, 8],
    ];
    const cases = rows.flatMap(([kecamatan, catin, bumil, bufas, baduta]) => [
      ...Array.from({ length: catin }, () => ({ kecamatan, targetGroup: 'catin' as const })),
      ...Array.from({ length: bumil }, () => ({ kecamatan, targetGroup: 'ibu_hamil' as const })),
      ...Array.from({ length: bufas }, () => ({ kecamatan, targetGroup: 'ibu_nifas_menyusui' as const })),
      ...Array.from({ length: baduta }, () => ({ kecamatan, targetGroup: 'baduta' as const })),
    ]);
    const recap = aksRecap(cases, ['DUMAI BARAT', 'DUMAI TIMUR', 'BUKIT KAPUR']);
    expect(
      recap.rows.map((r) => [
        r.kecamatan,
        r.counts.catin,
        r.counts.ibu_hamil,
        r.counts.ibu_nifas_menyusui,
        r.counts.baduta,
      ]),
    ).toEqual(rows);
    expect(recap.total.counts).toEqual({ catin: 6, ibu_hamil: 9, ibu_nifas_menyusui: 2, baduta: 26, balita: 0 });
    expect(recap.total.total).toBe(43);
  });
});

describe('AKS facts', () => {
  it('counts the year up to the semester, as Dumai reported one of two audits in semester I', () => {
    const audits = [
      {
        year: 2023,
        semester: 1,
        milestones: ['auditTeamFormed', 'auditHeld', 'followUpPlanned', 'disseminated'],
        followUpTasks: 2,
        hasTeamRoster: true,
      },
      { year: 2023, semester: 2, milestones: ['auditHeld'], followUpTasks: 0, hasTeamRoster: true },
    ];
    const first = aksAuditFacts(audits, 2023, 1);
    expect(first).toEqual({ hasAuditTeam: true, auditsHeld: 1, auditsFollowedUp: 1, auditsDisseminated: 1 });
    expect(aksAuditFacts(audits, 2023, 2)).toMatchObject({ auditsHeld: 2, auditsFollowedUp: 1 });
    expect(derivedInput('Blok 3B Indikator 5', first)).toEqual({
      ok: true,
      value: { kind: 'fraction', numerator: 1, denominator: 2 },
    });
    expect(aksAuditFacts([], 2023, 2)).toEqual({
      hasAuditTeam: false,
      auditsHeld: 0,
      auditsFollowedUp: 0,
      auditsDisseminated: 0,
    });
  });
});

describe('AKS stage outputs', () => {
  const requirementsOf = (stage: (typeof aksFiveStage.stages)[number]) =>
    aksStageRequirements(
      stage.deliverables.map((d) => ({ code: d.code, kind: d.kind, title: d.title.id })),
      stage.recurrence?.value.kind === 'monthly' ? (stage.recurrence.value.times ?? 1) : 0,
    );

  it("derives 003's outputs of the five stages from the template's deliverables", () => {
    expect(
      aksFiveStage.stages.map((s) => requirementsOf(s).map((r) => (r.kind === 'document' ? r.code : r.kind))),
    ).toEqual([
      ['AKS_SK', 'team'],
      ['cases', 'remeasurement'],
      ['analysis', 'expertSignoff'],
      ['followUpPlan', 'AKS_DISEMINASI'],
      ['report'],
    ]);
  });

  it('gives the SOP variant three months of monitoring and a second dissemination', () => {
    const kinds = aksWithMonitoring.stages.map((s) =>
      requirementsOf(s).map((r) => (r.kind === 'document' ? r.code : r.kind)),
    );
    expect(kinds).toContainEqual(['monitoring']);
    expect(kinds).toContainEqual(['AKS_SOP_DISEMINASI_2']);
    expect(requirementsOf(aksWithMonitoring.stages[4]!)).toEqual([{ kind: 'monitoring', months: 3 }]);
  });

  it('says what is missing in Indonesian and nothing once the outputs exist', () => {
    const team = requirementsOf(aksFiveStage.stages[0]!);
    expect(missingAksOutputs(team, emptyAksEvidence)).toEqual([
      'Dokumen "SK Tim AKS" belum diunggah.',
      'Susunan Tim Teknis AKS belum diisi.',
      'Susunan Tim Pakar AKS belum diisi.',
      'Tetapkan tepat satu ketua (lead) Tim Teknis AKS.',
    ]);
    expect(
      missingAksOutputs(team, {
        ...emptyAksEvidence,
        documents: ['AKS_SK'],
        technicalMembers: 1,
        expertMembers: 1,
        leads: 1,
      }),
    ).toEqual([]);
    const monitoring = [{ kind: 'monitoring' as const, months: 3 }];
    expect(
      missingAksOutputs(monitoring, { ...emptyAksEvidence, cases: 2, casesMonitored: 2, monitoringMonthsOpen: 2 }),
    ).toEqual(['Pemantauan bulanan baru berjalan 2 dari 3 bulan.']);
    expect(missingAksOutputs([{ kind: 'report' }], { ...emptyAksEvidence, reportStatus: 'approved' })).toEqual([
      'Laporan AKS belum ditandai terkirim ke TPPS Provinsi.',
    ]);
  });
});

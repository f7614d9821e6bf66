import { findIndicator, regencyUnits, roundHalfUp } from '@konvergensi/domain';
import { dumaiPercentageRows } from '../../domain/src/indicators/fixtures/dumai-capaian';
import { metroPercentageRows, metroRowsThatDisagree } from '../../domain/src/indicators/fixtures/metro-tabel-2';
import { compileSemesterReport, reportRows, type SemesterReportInput } from './compile';
import { type PlannedActivity } from './planned-activities';

const metroUnits = regencyUnits('18.72').map((u) => ({ code: u.code, name: u.name, roles: u.roles }));

function tracking(status: 'belum' | 'diusulkan' | 'tercantum') {
  const reference = status === 'tercantum' ? 'Dokumen 2024' : null;
  return {
    rkpd: { status, reference },
    renja: { status, reference },
    kuaPpas: { status: 'belum' as const, reference: null },
    rka: { status: 'belum' as const, reference: null },
  };
}

/** Two rows of 000 Tabel 4: TTD for adolescent girls (DAK non-fisik) and PKH assistance (APBD). */
const activities: PlannedActivity[] = [
  {
    id: 'a1',
    unitCode: 'DINKES',
    unitName: 'Dinas Kesehatan Kota Metro',
    name: 'Kegiatan Aksi Bergizi',
    intervention: 'spesifik',
    target: '15840 orang',
    location: 'Kota Metro',
    budget: 30_000_000,
    fundingSource: 'dak_non_fisik',
    tracking: tracking('tercantum'),
  },
  {
    id: 'a2',
    unitCode: 'DINSOS',
    unitName: 'Dinas Sosial',
    name: 'Pendampingan program keluarga harapan (PKH)',
    intervention: 'sensitif',
    target: '4431 KPM',
    location: 'Kota Metro',
    budget: 120_860_400,
    fundingSource: 'apbd_kabupaten_kota',
    tracking: tracking('diusulkan'),
  },
];

function input(overrides: Partial<SemesterReportInput> = {}): SemesterReportInput {
  return {
    regency: { code: '18.72', name: 'Kota Metro' },
    year: 2024,
    semester: 1,
    generatedAt: '2024-07-12T03:00:00.000Z',
    units: metroUnits,
    values: metroPercentageRows.map(([code, denominator, numerator]) => ({
      code,
      reportedCode: code,
      reportedKind: 'percentage' as const,
      input: { kind: 'fraction' as const, numerator, denominator },
    })),
    audits: [],
    actions: null,
    plannedActivities: activities,
    lokus: { source: 'none', description: 'Belum ada daftar lokus.', villages: [] },
    ...overrides,
  };
}

function parsePrinted(printed: string): { value: number; decimals: number } {
  const [, fraction = ''] = printed.split(',');
  return { value: Number(printed.replace(',', '.')), decimals: fraction.length };
}

describe('compileSemesterReport with Kota Metro Tabel 2 (seed 000)', () => {
  const report = compileSemesterReport(input());
  const rows = new Map(reportRows(report).map((r) => [r.code, r]));
  const disagreeing = new Set(metroRowsThatDisagree.map(([code]) => code));

  it.each(metroPercentageRows.filter(([code]) => !disagreeing.has(code)))(
    '%s shows %d as denominator, %d as numerator and the printed achievement %s',
    (code, denominator, numerator, printed) => {
      const row = rows.get(code);
      expect(row).toMatchObject({ denominator, numerator, source: 'submitted' });
      const { value, decimals } = parsePrinted(printed);
      expect(row?.achievement?.status).toBe('computed');
      const computed = row?.achievement?.status === 'computed' ? row.achievement.value : NaN;
      expect(roundHalfUp(computed, decimals)).toBe(value);
    },
  );

  it.each(metroRowsThatDisagree)('%s, printed %s for 0/0, reads "%s"', (code, _printed, library) => {
    expect(rows.get(code)).toMatchObject({ display: library, explanation: expect.stringContaining('Penyebut 0') });
  });

  it('lists every indicator without a value as a gap with the unit that owes it', () => {
    const gap = report.gaps.find((g) => g.code === 'Pilar 1. A5');
    expect(gap).toMatchObject({
      reason: 'notSubmitted',
      unitCode: 'DINKES',
      message: expect.stringContaining('Dinas Kesehatan'),
    });
    expect(rows.get('Pilar 1. A5')).toMatchObject({ display: '-', source: 'missing', achievement: null });
    expect(report.summary.gaps).toBe(report.gaps.length);
    expect(report.gapsByUnit.find((g) => g.unitCode === 'DINKES')?.codes).toContain('Pilar 1. A5');
  });

  it('shows the audit-derived indicators as missing while no audit is recorded', () => {
    expect(rows.get('RAN PASTI Operasional 39')).toMatchObject({ source: 'missing', unitCode: 'TIM_AKS' });
    expect(report.gaps.find((g) => g.code === 'RAN PASTI Operasional 39')?.reason).toBe('noAuditData');
  });

  it('fills the audit-derived indicators from the audit stages that are done', () => {
    const withAudit = compileSemesterReport(
      input({ audits: [{ semester: 1, templateCode: 'AKS', currentStage: 'AKS.T4', status: 'in_progress' }] }),
    );
    const derived = new Map(reportRows(withAudit).map((r) => [r.code, r]));
    expect(derived.get('RAN PASTI Operasional 39')).toMatchObject({ source: 'derived', display: 'Ya' });
    expect(derived.get('RAN PASTI Operasional 40')).toMatchObject({ source: 'derived', display: '1' });
    expect(derived.get('RAN PASTI Operasional 41')).toMatchObject({ source: 'derived', display: '0' });
    expect(withAudit.auditFacts).toEqual({
      hasAuditTeam: true,
      auditsHeld: 1,
      auditsFollowedUp: 0,
      auditsDisseminated: 0,
    });
    expect(withAudit.audits[0]?.stages.map((s) => s.state)).toEqual([
      'selesai',
      'selesai',
      'selesai',
      'berjalan',
      'belum',
    ]);
  });

  it('compares achievements with the national target, lower being better for unmet need', () => {
    expect(rows.get('Pilar 3. A7')?.target).not.toBeNull();
    const met = reportRows(report).filter((r) => r.met !== null);
    expect(met.length).toBeGreaterThan(0);
    const unmet = compileSemesterReport(
      input({
        values: [
          {
            code: 'Pilar 3. B7',
            reportedCode: 'Pilar 3. B7',
            reportedKind: 'directPercentage',
            input: { kind: 'directPercentage', value: 4.6 },
          },
        ],
      }),
    );
    expect(reportRows(unmet).find((r) => r.code === 'Pilar 3. B7')).toMatchObject({ display: '4,60', met: true });
  });

  it('sums the planned budget by unit, funding source and document', () => {
    expect(report.budget.total).toMatchObject({ activities: 2, budget: 150_860_400 });
    expect(report.budget.total.budgetBySource).toMatchObject({
      dak_non_fisik: 30_000_000,
      apbd_kabupaten_kota: 120_860_400,
    });
    expect(report.budget.units.map((u) => [u.unitCode, u.documents.rkpd.included, u.documents.rkpd.proposed])).toEqual([
      ['DINKES', 1, 0],
      ['DINSOS', 0, 1],
    ]);
    expect(report.budget.budgetByIntervention).toEqual({ spesifik: 30_000_000, sensitif: 120_860_400 });
  });

  it('lists the TPPS agenda items of the first semester and the summary in Indonesian', () => {
    expect(report.tppsActivities.map((a) => a.code)).toContain('TPPS.REMBUK_KECAMATAN');
    expect(report.tppsActivities.map((a) => a.code)).not.toContain('TPPS.REMBUK_KOTA');
    expect(report.summary.text[0]).toContain('Laporan Semester I Tahun 2024 Kota Metro');
  });
});

describe('compileSemesterReport with Kota Dumai capaian indikator (seed 003)', () => {
  // Rows entered by hand: percentages that are not derived from audit facts, each indicator once
  // (003 prints 1B-1 = 2C-21 and 1B-7 = 2C-16 twice with the same numbers).
  const seen = new Set<string>();
  const entered = dumaiPercentageRows.flatMap(([code, denominator, numerator, printed]) => {
    const match = findIndicator(code);
    if (typeof denominator !== 'number' || typeof numerator !== 'number' || denominator === 0) return [];
    if (match === undefined || match.code.kind !== 'percentage' || match.indicator.derived !== undefined) return [];
    const primary = match.indicator.parent ?? match.indicator.code;
    if (seen.has(primary)) return [];
    seen.add(primary);
    return [{ code, primary, denominator, numerator, printed }];
  });
  const values = entered.map((e) => ({
    code: e.primary,
    reportedCode: e.code,
    reportedKind: 'percentage' as const,
    input: { kind: 'fraction' as const, numerator: e.numerator, denominator: e.denominator },
  }));
  const dumaiUnits = regencyUnits('14.72').map((u) => ({ code: u.code, name: u.name, roles: u.roles }));
  const report = compileSemesterReport(
    input({
      regency: { code: '14.72', name: 'Kota Dumai' },
      year: 2023,
      units: dumaiUnits,
      values,
      plannedActivities: [],
    }),
  );
  const rows = reportRows(report);

  it.each(entered.map((e) => [e.code, e.denominator, e.numerator, e.printed, e.primary] as const))(
    '%s, reported under its block code, shows %d and %d as the printed %s',
    (_code, denominator, numerator, printed, primary) => {
      const row = rows.find((r) => r.code === primary);
      expect(row).toMatchObject({ denominator, numerator, source: 'submitted' });
      const { value, decimals } = parsePrinted(printed.replace('%', ''));
      const computed = row?.achievement?.status === 'computed' ? row.achievement.value : NaN;
      expect(roundHalfUp(computed, decimals)).toBe(value);
    },
  );

  it('places Dumai-only indicators in block 1 and owes them to Dumai units', () => {
    const block1 = report.blocks.find((b) => b.number === 1);
    expect(block1?.sections.map((s) => s.block)).toEqual(['1A', '1B']);
    expect(block1?.sections[0]?.rows.length).toBeGreaterThan(0);
    expect(report.gaps.every((g) => g.unitCode === null || dumaiUnits.some((u) => u.code === g.unitCode))).toBe(true);
  });
});

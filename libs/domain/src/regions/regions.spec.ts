import { isRegencyCode } from '../regency-code';
import { dumaiVillageId } from './dumai';
import {
  findRegency,
  findVillage,
  focusLocationsFor,
  kecamatanOf,
  provinces,
  regencies,
  regencyTimeZone,
  villagesOf,
} from './regions';

const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);

describe('Kota Metro (seed 000)', () => {
  it('has 5 kecamatan and 22 kelurahan with Kemendagri and BPS codes', () => {
    expect(kecamatanOf('18.72')).toHaveLength(5);
    const villages = villagesOf('18.72');
    expect(villages).toHaveLength(22);
    expect(new Set(villages.map((v) => v.kemendagriCode)).size).toBe(22);
    expect(villages.every((v) => v.bpsCode?.length === 10)).toBe(true);
    expect(villagesOf('18.72', '18.72.05').map((v) => v.name)).toEqual([
      'Sumbersari Bantul',
      'Rejomulyo',
      'Margodadi',
      'Margorejo',
    ]);
  });

  it('corrects the printed province prefix of Sumbersari Bantul (1972051003) and says so', () => {
    const v = findVillage('18.72', 'Sumpersari');
    expect(v?.kemendagriCode).toBe('18.72.05.1003');
    expect(v?.seedNote).toContain('1972051003');
  });

  it('sums Tabel 1 to 22.682 / 22.571 / 24.220 families and 9.812 / 4.636 / 3.436 at risk, although the printed total row drops a digit', () => {
    const villages = villagesOf('18.72');
    const byYear = (year: number, key: 'families' | 'atRiskFamilies'): number =>
      sum(villages.map((v) => v.familyCounts.find((c) => c.year === year)?.[key] ?? 0));
    expect([2021, 2022, 2023].map((y) => byYear(y, 'families'))).toEqual([22682, 22571, 24220]);
    expect([2021, 2022, 2023].map((y) => byYear(y, 'atRiskFamilies'))).toEqual([9812, 4636, 3436]);
  });

  it('runs on WIB', () => {
    expect(regencyTimeZone('18.72')).toBe('Asia/Jakarta');
    expect(isRegencyCode(findRegency('18.72')?.code ?? '')).toBe(true);
  });
});

describe('Kota Dumai (seed 003)', () => {
  it('has 7 kecamatan and 36 kelurahan with PK 2022 family counts summing to 71.282 and 12.855 at risk', () => {
    expect(kecamatanOf('14.72')).toHaveLength(7);
    const villages = villagesOf('14.72');
    expect(villages).toHaveLength(36);
    expect(sum(villages.map((v) => v.familyCounts[0]?.families ?? 0))).toBe(71282);
    expect(sum(villages.map((v) => v.familyCounts[0]?.atRiskFamilies ?? 0))).toBe(12855);
  });

  it('places the 9 kelurahan that no seed places in a kecamatan by assumption, and says so', () => {
    const assumed = villagesOf('14.72').filter((v) => v.placement.source === 'assumed');
    expect(assumed.map((v) => v.name).sort()).toEqual(
      [
        'Bukit Batrem',
        'Bukit Datuk',
        'Bukit Timah',
        'Buluh Kasap',
        'Bumi Ayu',
        'Gurun Panjang',
        'Mekar Sari',
        'Ratu Sima',
        'Tanjung Palas',
      ].sort(),
    );
  });

  it('places Purnama in Dumai Barat from the lokus tables although §5 prints "PURNAMA" as its kecamatan', () => {
    const v = findVillage('14.72', 'Purnama');
    expect(v?.kecamatanId).toBe('14.72.01');
    expect(v?.placement.source).toBe('seed');
  });

  it('finds Simpang Tetap Darul Ichsan under each of its spellings', () => {
    for (const name of ['Simpang Tetap Darul Ihsan', 'STDI', 'simpang tetap darul ichsan']) {
      expect(findVillage('14.72', name)?.id).toBe('14.72:simpang-tetap-darul-ichsan');
    }
  });

  it('lists the lokus kelurahan of 2022 (6), 2023 (10) and 2024 (6), all of them known villages', () => {
    expect([2022, 2023, 2024].map((y) => focusLocationsFor('14.72', y)?.villageIds.length)).toEqual([6, 10, 6]);
    const known = new Set(villagesOf('14.72').map((v) => v.id));
    for (const y of [2022, 2023, 2024]) {
      expect(focusLocationsFor('14.72', y)?.villageIds.every((id) => known.has(id))).toBe(true);
    }
    expect(focusLocationsFor('14.72', 2023)?.decree).toBe('Keputusan Walikota Dumai Nomor 440/308/2022');
    expect(focusLocationsFor('14.72', 2021)).toBeUndefined();
  });

  it('builds village ids from names', () => {
    expect(dumaiVillageId('Bangsal Aceh')).toBe('14.72:bangsal-aceh');
  });
});

describe('regions', () => {
  it('knows the provinces of the demo regencies', () => {
    expect(regencies.map((r) => provinces.find((p) => p.code === r.provinceCode)?.name)).toEqual(['Lampung', 'Riau']);
  });

  it('refuses the zone of an unknown regency and returns empty lists for it', () => {
    expect(() => regencyTimeZone('99.99')).toThrow(RangeError);
    expect(villagesOf('99.99')).toEqual([]);
    expect(kecamatanOf('99.99')).toEqual([]);
    expect(findVillage('99.99', 'x')).toBeUndefined();
  });
});

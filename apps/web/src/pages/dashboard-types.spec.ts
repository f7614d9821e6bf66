import { ApiFailure } from '../lib/api';
import { isMissingRoute } from '../lib/use-resource';
import { blockersFromStatus, targetValueOf } from './dashboard-types';
import { modelFromStatus } from './DashboardPage';
import type { CycleStatus } from './dashboard-types';

describe('dashboard helpers', () => {
  it('reads the number of a printed national target', () => {
    expect(targetValueOf('90%')).toBe(90);
    expect(targetValueOf('≥ 14,3 %')).toBe(14.3);
    expect(targetValueOf('Ya')).toBeUndefined();
    expect(targetValueOf(null)).toBeUndefined();
  });

  it('tells an endpoint missing on the server from a record that does not exist', () => {
    expect(isMissingRoute(new ApiFailure(404, 'NOT_FOUND', 'Data atau alamat yang diminta tidak ditemukan.'))).toBe(
      true,
    );
    expect(isMissingRoute(new ApiFailure(404, 'CYCLE_NOT_FOUND', 'Belum ada siklus tahun 2026.'))).toBe(false);
    expect(isMissingRoute(new ApiFailure(403, 'FORBIDDEN', ''))).toBe(false);
  });

  it('reads blockers defensively from a status answer of unknown shape', () => {
    expect(blockersFromStatus({})).toBeUndefined();
    expect(
      blockersFromStatus({ blockers: [{ stage: { title: 'Rembuk' }, unit: { name: 'Bappeda' }, daysLate: 4 }] }),
    ).toEqual([{ key: '0', title: 'Rembuk', unitName: 'Bappeda', daysLate: 4, escalationLevel: null, taskId: null }]);
  });

  it('turns the cycle status into what the dashboard draws', () => {
    const status = {
      regencyCode: '18.72',
      regencyName: 'Kota Metro',
      year: 2026,
      asOf: '2026-11-22T00:00:00Z',
      actions: [],
      blockers: [
        {
          action: { code: 'AKSI_3', number: 3, title: 'Rembuk Stunting' },
          stage: {
            id: 's1',
            code: 'AKSI_3.T2',
            title: 'Menyiapkan agenda',
            ownerUnit: { code: 'BAPPEDA', name: 'Bappeda Kota Metro' },
            dueAt: null,
            daysLate: 12,
          },
          tasks: [
            {
              taskId: 't1',
              title: 'Agenda rembuk',
              unit: { code: 'DINKES', name: 'Dinas Kesehatan Kota Metro' },
              status: 'open',
              waitingFor: 'submission',
              dueAt: '2026-11-10T16:59:59Z',
              daysLate: 12,
              escalationLevel: 3,
            },
          ],
        },
      ],
      overdueByUnit: [{ unit: { code: 'DINKES', name: 'Dinas Kesehatan Kota Metro' }, count: 2, tasks: [] }],
      units: [
        {
          unit: { code: 'DINKES', name: 'Dinas Kesehatan Kota Metro' },
          openTasks: 3,
          overdueTasks: 2,
          closedTasks: 4,
          onTimeRate: 75,
        },
      ],
      indicators: {
        semester: 1,
        values: [
          {
            code: 'Pilar 3. A7',
            name: 'Cakupan',
            achievement: { status: 'computed', value: 44.63, display: '44,63' },
            target: '90%',
            targetValue: 90,
            met: false,
          },
          {
            code: 'Pilar 1. A2',
            name: 'Ada regulasi',
            achievement: { status: 'yesNo', value: true, display: 'Ya' },
            target: null,
            targetValue: null,
            met: null,
          },
        ],
      },
      focusVillages: { source: 'decree', villages: [{ code: 'x', name: 'Yosodadi', rank: 1 }] },
    } satisfies CycleStatus;
    const model = modelFromStatus(status);
    expect(model.blockers).toEqual([
      {
        key: 's1',
        title: 'Aksi 3 · Menyiapkan agenda',
        ownerUnitName: 'Bappeda Kota Metro',
        daysLate: 12,
        tasks: [
          {
            taskId: 't1',
            title: 'Agenda rembuk',
            unitName: 'Dinas Kesehatan Kota Metro',
            daysLate: 12,
            escalationLevel: 3,
            waitingFor: 'submission',
          },
        ],
      },
    ]);
    expect(model.overdueByUnit).toEqual([{ code: 'DINKES', name: 'Dinas Kesehatan Kota Metro', count: 2 }]);
    expect(model.units[0]).toMatchObject({ code: 'DINKES', onTimeRate: 75 });
    expect(model.chart).toEqual([{ code: 'Pilar 3. A7', name: 'Cakupan', value: 44.63, target: 90 }]);
    expect(model.focusVillages).toEqual({ names: ['Yosodadi'], source: 'decree', decree: undefined });
  });
});

import { matchPath } from './router';

describe('route matching', () => {
  it('matches parameters and decodes them', () => {
    expect(matchPath('/aksi/:code/:year/:action', '/aksi/18.72/2026/AKSI_1')).toEqual({
      code: '18.72',
      year: '2026',
      action: 'AKSI_1',
    });
    expect(matchPath('/tugas/:id', '/tugas/a%20b')).toEqual({ id: 'a b' });
  });

  it('refuses paths of another shape', () => {
    expect(matchPath('/tugas/:id', '/tugas')).toBeUndefined();
    expect(matchPath('/tugas/:id', '/dasbor/1')).toBeUndefined();
  });
});

import { findMachineryKey } from './validation';

describe('findMachineryKey', () => {
  it('finds a constructor, prototype or __proto__ key at any depth, by its path', () => {
    expect(findMachineryKey(JSON.parse('{"a":1,"constructor":{"prototype":{}}}'))).toBe('constructor');
    expect(findMachineryKey({ items: [{ ok: 1 }, { prototype: 2 }] })).toBe('items.1.prototype');
    expect(findMachineryKey(JSON.parse('{"x":{"__proto__":{"admin":true}}}'))).toBe('x.__proto__');
  });

  it('finds nothing in ordinary data, whose objects only inherit those names', () => {
    expect(findMachineryKey({ nama: 'Ani', tags: ['a'], nested: { constructorName: 'x' } })).toBeUndefined();
    expect(findMachineryKey('teks')).toBeUndefined();
    expect(findMachineryKey(null)).toBeUndefined();
  });
});

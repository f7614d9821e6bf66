import { refuseHostileJson } from './json-guards';

const parse = (text: string) => JSON.parse(text, refuseHostileJson) as unknown;

describe('refuseHostileJson (the JSON body reviver)', () => {
  it('refuses __proto__, constructor and prototype keys at any depth', () => {
    expect(() => parse('{"__proto__":{"admin":true}}')).toThrow(SyntaxError);
    expect(() => parse('{"constructor":{"admin":true}}')).toThrow(/constructor/);
    expect(() => parse('{"constructor":{"prototype":{"admin":true}}}')).toThrow(SyntaxError);
    expect(() => parse('{"a":[{"b":{"prototype":1}}]}')).toThrow(/prototype/);
    expect(() => parse('{"constructor":null}')).toThrow(SyntaxError);
  });

  it('sees keys after unescaping, so \\u escapes do not get past it', () => {
    expect(() => parse('{"\\u0063onstructor":{}}')).toThrow(/constructor/);
    expect(() => parse('{"\\u005f_proto__":{}}')).toThrow(/__proto__/);
  });

  it('keeps those words as values and inside longer keys', () => {
    expect(parse('{"note":"constructor prototype __proto__","constructorName":"x","prototypes":[1]}')).toEqual({
      note: 'constructor prototype __proto__',
      constructorName: 'x',
      prototypes: [1],
    });
  });

  it('refuses NUL bytes and lone surrogates in keys and strings', () => {
    expect(() => parse('{"a":"x\\u0000y"}')).toThrow(/NUL/);
    expect(() => parse('{"\\ud800":"x"}')).toThrow(/NUL/);
  });
});

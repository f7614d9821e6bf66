import { isUtf8 } from 'node:buffer';

// A NUL byte or a lone UTF-16 surrogate is never text a person typed, and PostgreSQL refuses NUL.
// eslint-disable-next-line no-control-regex -- the NUL character is exactly what this refuses
const unstorableText = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * Keys that reach an object's prototype when code merges or assigns a parsed body (prototype
 * pollution: `{"constructor": {"prototype": {...}}}` works where `__proto__` is filtered). No
 * field of the API is named so; the reviver sees keys after JSON unescaping, so `"\u0063onstructor"`
 * is refused too.
 */
export const prototypeKeys: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Parse-time guards on every JSON body: a prototype key (`__proto__`, `constructor`, `prototype`)
 * at any depth is never data, and no string may carry characters the database cannot store;
 * either makes the body malformed (400), never a 500.
 */
export function refuseHostileJson(key: string, value: unknown): unknown {
  if (prototypeKeys.has(key)) throw new SyntaxError(`${key} is not allowed as a key in a request body`);
  if ((typeof value === 'string' && unstorableText.test(value)) || unstorableText.test(key))
    throw new SyntaxError('a string holds a NUL byte or a lone surrogate');
  return value;
}

/**
 * A JSON body must be valid UTF-8: body-parser would decode broken bytes to U+FFFD and store the
 * replacement characters as if the person had typed them. Marked as a parse failure (400).
 */
export function refuseInvalidUtf8(_request: unknown, _response: unknown, body: Buffer): void {
  if (!isUtf8(body)) {
    throw Object.assign(new Error('the body is not valid UTF-8'), { status: 400, type: 'entity.parse.failed' });
  }
}

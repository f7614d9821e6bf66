import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !name.endsWith('.spec.ts') ? [path] : [];
  });
}

describe('the web app renders text, never markup', () => {
  it('uses no dangerouslySetInnerHTML, innerHTML or outerHTML anywhere in its sources', () => {
    const offenders = sourceFiles(__dirname).filter((file) =>
      /dangerouslySetInnerHTML|\.innerHTML|\.outerHTML|insertAdjacentHTML/.test(readFileSync(file, 'utf8')),
    );
    expect(offenders).toEqual([]);
  });
});

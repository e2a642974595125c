// The code's shape (issue #15), kept by a test as refined-github keeps its
// conventions: thin entrypoints, and small modules unless a file says why not.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './fixtures/store';

const lines = (file: string) => readFileSync(join(ROOT, file), 'utf8').split('\n').length - 1;

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(join(ROOT, path)).isDirectory()) return sources(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

/** A file may be longer only if its first lines say why (a comment with "longer than 250 lines because"). */
const saysWhy = (file: string) =>
  /longer than 250 lines because/i.test(readFileSync(join(ROOT, file), 'utf8').split('\n').slice(0, 15).join('\n'));

describe('the shape of the code', () => {
  it.each(['entrypoints/content/index.tsx', 'entrypoints/background.ts'])('%s wires, in under 130 lines', (file) => {
    expect(lines(file)).toBeLessThan(130);
  });

  it('keeps every module of lib/ and components/ within 250 lines, or says why at its top', () => {
    const long = [...sources('lib'), ...sources('components')].filter((f) => lines(f) > 250 && !saysWhy(f));
    expect(long).toEqual([]);
  });
});

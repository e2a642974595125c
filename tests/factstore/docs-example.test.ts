import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFactStore } from '../../lib/factstore/load-compiled';
import { scanText } from '../../lib/factstore/scan';
import { validatePack } from '../../lib/factstore/validate';
import { ROOT } from '../fixtures/store';

describe('docs/fact-packs.md', () => {
  const doc = readFileSync(join(ROOT, 'docs/fact-packs.md'), 'utf8');
  const json = /```json\n([\s\S]*?)```/.exec(doc)?.[1] ?? '';

  it('has a complete example that validates and links', () => {
    const result = validatePack(JSON.parse(json));
    expect(result.ok ? [] : result.errors).toEqual([]);
    if (!result.ok) return;
    const store = createFactStore([result.pack]);
    expect(scanText(store, 'The UN Charter binds every UN member.').map((m) => m.entityId)).toEqual([
      'un-charter',
      'united-nations',
    ]);
  });
});

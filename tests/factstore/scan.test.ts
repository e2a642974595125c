import { describe, expect, it } from 'vitest';
import { mergeCandidates } from '../../lib/factstore/scan';
import type { Candidate } from '../../lib/match/find-candidates';

/** A candidate at `[start, end)` naming `ids`. */
const at = (start: number, end: number, ...ids: string[]): Candidate => ({
  start,
  end,
  text: 'x'.repeat(end - start),
  aliases: ids.map((entityId) => ({ entityId, kind: 'name' })),
});

/** A candidate as `start-end:ids`, for short expectations. */
const show = (c: Candidate) => `${c.start}-${c.end}:${c.aliases.map((a) => a.entityId).join('+')}`;

describe('mergeCandidates (bundled and reader-pack candidates as one list)', () => {
  it.each([
    ['keeps both lists in text order when they do not overlap', [at(0, 4, 'a')], [at(6, 9, 'r')], ['0-4:a', '6-9:r']],
    ['lets the earlier span win an overlap', [at(2, 8, 'a')], [at(0, 4, 'r')], ['0-4:r']],
    ['lets the longer span win at the same start', [at(0, 4, 'a')], [at(0, 9, 'r')], ['0-9:r']],
    ['gives the same span both lists’ aliases', [at(0, 4, 'a')], [at(0, 4, 'r')], ['0-4:a+r']],
    ['returns the bundled list when the reader’s is empty', [at(0, 4, 'a')], [], ['0-4:a']],
  ])('%s', (_, bundled, reader, expected) => {
    expect(mergeCandidates(bundled, reader).map(show)).toEqual(expected);
  });
});

// People joined across datasets (issue #12): a row without a Wikidata id is joined to
// another source's person only by a name that person alone has. Congress's executive
// file lists most presidents without one: "George Bush" is two presidents, "John
// Adams" two presidents and, in the Wikidata-derived legislators, an Ohio state
// representative; none may lend the others their offices.
import { describe, expect, it } from 'vitest';
import { loadGeneratedPacks } from '../../build/packs';
import type { Entity } from '../../lib/factstore/schema';

const people = new Map<string, Entity>();
for (const pack of loadGeneratedPacks()) for (const e of pack.entities) if (e.type === 'person') people.set(e.name, e);
const roles = (name: string) =>
  (people.get(name)?.facts ?? []).filter((f) => f.label === 'Role').map((f) => `${f.value} ${f.from}`);

describe('presidents who share a name', () => {
  it('are two people, each with only their own offices', () => {
    expect(roles('George H. W. Bush')).toEqual([
      'Vice President of the United States 1981-01-20',
      'President of the United States 1989-01-20',
    ]);
    expect(roles('George W. Bush')).toContain('President of the United States 2001-01-20');
    expect(roles('George W. Bush')).not.toContain('President of the United States 1989-01-20');
    expect(people.get('George W. Bush')?.id).toBe('q207');
    expect(people.get('George H. W. Bush')?.aliases.map((a) => a.text)).toEqual(
      expect.arrayContaining(['George Herbert Walker Bush', 'George Bush']),
    );
  });

  it('keep a president apart from a state legislator of the same name', () => {
    expect(roles('John Adams')).toEqual([
      'Vice President of the United States 1789-04-21',
      'President of the United States 1797-03-04',
    ]);
    expect(roles('John Q. Adams')).toEqual(['President of the United States 1825-03-04']);
  });
});

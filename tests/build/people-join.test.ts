// People joined across datasets (issue #12): a row without a Wikidata id is joined to
// another source's person only by a name that person alone has. Congress's executive
// file lists most presidents without one: "George Bush" is two presidents, "John
// Adams" two presidents and, in the Wikidata-derived legislators, an Ohio state
// representative; none may lend the others their offices.
import { describe, expect, it } from 'vitest';
import { loadGeneratedPacks } from '../../build/packs';
import type { Entity } from '../../lib/factstore/schema';

const people = new Map<string, Entity>();
const ids: string[] = [];
for (const pack of loadGeneratedPacks())
  for (const e of pack.entities)
    if (e.type === 'person') {
      people.set(e.name, e);
      ids.push(e.id);
    }
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

describe('a president Congress gives no Wikidata id', () => {
  it('is the Wikidata person of that surname who took that office the same day, once', () => {
    // Congress's "William Clinton" (no Wikidata id) and Wikidata's "Bill Clinton" are one person.
    const clintons = [...people.values()].filter((e) =>
      e.facts.some((f) => f.label === 'Role' && f.value.startsWith('President') && f.from === '1993-01-20'),
    );
    expect(clintons.map((e) => e.id)).toEqual(['q1124']);
    expect(clintons[0]?.aliases.map((a) => a.text)).toContain('Bill Clinton');
  });
});

describe('the ids of people who share one', () => {
  it('are told apart by a small counter, not by a number that moves when the data adds someone', () => {
    // (A reader's notes are kept by entity id.)
    const counted = ids
      .filter((id) => /-\d+$/.test(id) && !/^q\d+$/.test(id))
      .map((id) => Number(/-(\d+)$/.exec(id)?.[1]));
    expect(counted.every((n) => n < 10)).toBe(true);
  });
});

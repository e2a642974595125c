import { describe, expect, it } from 'vitest';
import { parseHeadLine } from '../../build/knowledge/people';

// Lines written the way the Factbook writes its chiefs of state and heads of government.
describe('reading a Factbook head-of-state line', () => {
  it.each([
    [
      'Prime Minister Keir STARMER (since 5 July 2024)',
      { title: 'Prime Minister', name: 'Keir Starmer', short: 'Starmer' },
    ],
    // A title that names its realm is the title, not the name; a regnal name has no surname.
    ['Lord of Mann King CHARLES III (since 8 September 2022)', { title: 'Lord of Mann King', name: 'Charles III' }],
    ['King HAMAD bin Isa Al-Khalifa (since 6 March 1999)', { title: 'King', name: 'Hamad bin Isa Al-Khalifa' }],
    [
      'Chairman of the Presidency Denis BECIROVIC (since 16 November 2022)',
      { title: 'Chairman of the Presidency', name: 'Denis Becirovic', short: 'Becirovic' },
    ],
  ])('%s', (line, want) => {
    const [head] = parseHeadLine(line);
    expect(head).toMatchObject(want);
    if (!('short' in want)) expect(head?.short).toBeUndefined();
  });
});

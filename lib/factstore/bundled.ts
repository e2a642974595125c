import seedStory from '../../assets/packs/iran-iraq-2025.json';
import type { Pack } from './schema';

/**
 * The packs that ship inside the extension. They are validated by the unit
 * tests (`tests/factstore/bundled-packs.test.ts`), so the background trusts
 * their shape.
 */
export const BUNDLED_PACKS: readonly Pack[] = [seedStory as Pack];

// The Factbook names some bodies in English and French ("Constitutional
// Council (Conseil Constitutionnel)", Burkina Faso and Senegal) and France's in
// English only; a Le Monde page names it "le Conseil constitutionnel".
import { describe, expect, it } from 'vitest';
import { shareTranslations } from '../../build/knowledge/body-translations';
import { scanText } from '../../lib/factstore/scan';
import type { Entity } from '../../lib/factstore/schema';
import { fullStore } from '../fixtures/store';

const body = (id: string, country: string, english: string, ...other: string[]): Entity => ({
  id,
  type: 'organization',
  name: `${english} (${country})`,
  country,
  description: 'A body.',
  facts: [],
  aliases: [english, ...other].map((text) => ({ text, kind: 'short' as const })),
});
const LANGUAGES: Record<string, string[]> = {
  bf: ['fra'],
  sn: ['fra', 'wol'],
  fr: ['fra'],
  de: ['deu'],
  eg: ['ara'],
  sy: ['ara'],
  om: ['ara'],
};

describe('a body’s name in its country’s language, learnt from other countries’ same bodies', () => {
  it('goes to a body of a country of that language that has only its English name, tagged with the language', () => {
    const entities = [
      body('bf', 'bf', 'Constitutional Council', 'Conseil Constitutionnel'),
      body('sn', 'sn', 'Constitutional Council', 'Conseil Constitutionnel'),
      body('fr', 'fr', 'Constitutional Council'),
      body('de', 'de', 'Constitutional Council'),
    ];
    expect(shareTranslations(entities, (c) => LANGUAGES[c] ?? [])).toBe(1);
    expect(entities[2]?.aliases).toContainEqual({ text: 'Conseil Constitutionnel', kind: 'short', lang: 'fr' });
    expect(entities[3]?.aliases).toHaveLength(1);
  });

  it('is not learnt from one country alone, nor from another English name', () => {
    const one = [body('bf', 'bf', 'Senate', 'Sénat'), body('fr', 'fr', 'Senate')];
    expect(shareTranslations(one, (c) => LANGUAGES[c] ?? [])).toBe(0);
    const english = [
      body('eg', 'eg', 'Supreme Court', 'Court of Cassation'),
      body('sy', 'sy', 'Supreme Court', 'Court of Cassation'),
      body('om', 'om', 'Supreme Court'),
    ];
    expect(shareTranslations(english, (c) => LANGUAGES[c] ?? [])).toBe(0);
  });

  it('links “le Conseil constitutionnel” on a French page about France to France’s', { timeout: 120_000 }, () => {
    const text = 'En France, le texte sera examiné par le Conseil constitutionnel, saisi par des députés.';
    expect(scanText(fullStore(), text, { lang: 'fr' }).map((m) => `${m.text}→${m.entityId}`)).toContain(
      'Conseil constitutionnel→org-constitutional-council-france',
    );
  });
});

// A French party's members as French writes them, in lower case: "les
// socialistes" are the Parti socialiste's deputies in a Le Monde report on a
// vote in the Assemblée nationale; linked only on a page in French, to the
// party of the country the text is about.
import { describe, expect, it } from 'vitest';
import { frenchMemberForms } from '../../build/knowledge/bodies';
import { createFactStore } from '../../lib/factstore/load-compiled';
import { scanText } from '../../lib/factstore/scan';
import { entity, fullStore, pack } from '../fixtures/store';

const linked = (text: string, lang: string) =>
  scanText(fullStore(), text, { lang }).map((m) => `${m.text}→${m.entityId}`);

describe('French member forms of parties, and French bodies', { timeout: 120_000 }, () => {
  it('are read off the party’s French name', () => {
    expect(frenchMemberForms('Parti socialiste')).toEqual(['socialiste', 'socialistes']);
    expect(frenchMemberForms('Parti communiste français')).toEqual(['communiste', 'communistes']);
    expect(frenchMemberForms('Parti radical de gauche')).toEqual([]);
    expect(frenchMemberForms('Socialist Party')).toEqual([]);
  });

  it('link the party of the country a French text is about', () => {
    const france = linked('En France, douze députés socialistes ont voté contre le texte.', 'fr');
    expect(france).toContain('socialistes→party-1478');
    const senegal = linked('Au Sénégal, les socialistes ont quitté le gouvernement.', 'fr');
    expect(senegal).toContain('socialistes→party-2380');
  });

  it('and French institutions as French writes them: “l’Assemblée”, “la Cour de cassation”', () => {
    const text = 'En France, le texte approuvé à l’Assemblée ira devant des magistrats de la Cour de cassation.';
    expect(linked(text, 'fr')).toEqual([
      'France→france',
      'Assemblée→org-national-assembly-france',
      'Cour de cassation→org-court-of-cassation-france',
    ]);
  });

  it('are members, not an adjective: “le régime communiste chinois”, “le bloc communiste”', () => {
    const text = 'En France, le président a défendu le régime communiste chinois et l’ancien bloc communiste.';
    expect(linked(text, 'fr').filter((l) => l.startsWith('communiste'))).toEqual([]);
  });

  it('keep another assembly’s name whole, and a capital after an article: “l’Assemblée de Corse”, “La réunion”', () => {
    expect(linked('En France, l’Assemblée de Corse a voté le texte mardi.', 'fr')).toEqual(['France→france']);
    expect(linked('En France, l’Assemblée des évêques a publié une lettre.', 'fr')).toEqual(['France→france']);
    expect(linked('La réunion a commencé à midi à Paris, a indiqué le ministère.', 'fr')).toEqual([
      'Paris→place-paris-fr',
    ]);
  });

  it('are the only lower-case short forms that must name people: a surname such as “al-Araji” links after its full name', () => {
    const store = createFactStore([
      pack([entity({ id: 'araji', name: 'Qasim al-Araji', aliases: [{ text: 'al-Araji', kind: 'short' }] })]),
    ]);
    const text = 'Qasim al-Araji met the envoy on Monday. Later, al-Araji said the talks went well.';
    expect(scanText(store, text).map((m) => m.text)).toEqual(['Qasim al-Araji', 'al-Araji']);
  });

  it('are left alone on a page in another language, or where the text names no country of theirs', () => {
    expect(linked('In France, the socialistes walked out.', 'en')).not.toContain('socialistes→party-1478');
    expect(linked('Douze députés socialistes ont voté contre le texte.', 'fr')).toEqual([]);
  });
});

// The contested facts of issue #17, item 1: each entity the issue lists and the others the
// CIA World Factbook marks, with the words its card and its description must say.

export interface Row {
  /** What the issue calls it. */
  what: string;
  /** The store entity that carries it. */
  id: string;
  /** The card's fact: its label, and words its value or note says. */
  label: string;
  onCard: string;
  /** Words the description says (the qualifier, or the part of it the description keeps). */
  inDescription: string;
}

const ISRAEL_NOTE = 'the US recognized Jerusalem as Israel’s capital in 2017, without taking a position';
const NOT_RECOGNIZED_OBLASTS =
  "the United States does not recognize Russia's annexation … of the Ukrainian oblasts Donetsk, Luhansk, Zaporizhzhia, and Kherson";

export const ROWS: Row[] = [
  {
    what: 'Israel',
    id: 'israel',
    label: 'Capital',
    onCard: ISRAEL_NOTE,
    inDescription: `capital Jerusalem (${ISRAEL_NOTE}`,
  },
  { what: 'Jerusalem', id: 'place-jerusalem-il', label: 'Capital of', onCard: ISRAEL_NOTE, inDescription: ISRAEL_NOTE },
  {
    what: 'Palestine',
    id: 'palestine',
    label: 'Territory',
    onCard:
      'in 2001, negotiations to determine the permanent status of the West Bank, East Jerusalem, and Gaza Strip stalled',
    inDescription: 'the West Bank and the Gaza Strip; in 2001, negotiations to determine the permanent status',
  },
  {
    what: 'West Bank (a name of Palestine)',
    id: 'palestine',
    label: 'Territory',
    onCard: 'the larger of the two Palestinian territories',
    inDescription: 'the West Bank',
  },
  {
    what: 'Gaza Strip (a name of Palestine)',
    id: 'palestine',
    label: 'Territory',
    onCard: 'Israel captured it in the Six-Day War in 1967',
    inDescription: 'the Gaza Strip',
  },
  {
    what: 'Kosovo',
    id: 'kosovo',
    label: 'Capital',
    onCard: "Serbia continues to reject Kosovo's independence",
    inDescription:
      "capital Pristina (Prishtine, Prishtina); on 17 February 2008, the Kosovo Assembly declared Kosovo independent; Serbia continues to reject Kosovo's independence",
  },
  {
    what: 'Pristina',
    id: 'place-pristina-xk',
    label: 'Capital of',
    onCard: "Serbia continues to reject Kosovo's independence",
    inDescription: "Serbia continues to reject Kosovo's independence",
  },
  {
    what: 'Taiwan',
    id: 'taiwan',
    label: 'Capital',
    onCard: 'China considers Taiwan its 23rd province',
    inDescription: 'capital Taipei (China considers Taiwan its 23rd province)',
  },
  {
    what: 'Taipei',
    id: 'place-taipei-tw',
    label: 'Capital of',
    onCard: 'China considers Taiwan its 23rd province',
    inDescription: 'China considers Taiwan its 23rd province',
  },
  {
    what: 'Western Sahara',
    id: 'western-sahara',
    label: 'Status',
    onCard: 'many neighboring states reject Moroccan administration of Western Sahara',
    inDescription:
      "many neighboring states reject Moroccan administration of Western Sahara; others support Morocco's proposal to grant the territory autonomy as part of Morocco",
  },
  {
    what: 'Western Sahara (the US position)',
    id: 'western-sahara',
    label: 'Status',
    onCard: "the US government recognizes Morocco's sovereignty over the territory of former Western Sahara",
    inDescription: 'Non-self-governing territory on the northwest coast of Africa',
  },
  {
    what: 'Crimea',
    id: 'region-ua-11',
    label: 'Status',
    onCard:
      "the United States does not recognize Russia's annexation or renaming of Ukraine's Autonomous Republic of Crimea",
    inDescription: 'Russia annexed Crimea in 2014; the United States does not recognize',
  },
  {
    what: 'Sevastopol',
    id: 'region-ua-20',
    label: 'Status',
    onCard: 'the municipality of Sevastopol',
    inDescription: "the United States does not recognize Russia's annexation or renaming",
  },
  // Donetsk oblast has no region of its own in the store (its name is the city's): the city carries it.
  {
    what: 'Donetsk',
    id: 'place-donetsk-ua',
    label: 'Status',
    onCard: NOT_RECOGNIZED_OBLASTS,
    inDescription: NOT_RECOGNIZED_OBLASTS,
  },
  {
    what: 'Luhansk',
    id: 'region-ua-14',
    label: 'Status',
    onCard: NOT_RECOGNIZED_OBLASTS,
    inDescription: NOT_RECOGNIZED_OBLASTS,
  },
  {
    what: 'Zaporizhzhia',
    id: 'region-ua-26',
    label: 'Status',
    onCard: NOT_RECOGNIZED_OBLASTS,
    inDescription: NOT_RECOGNIZED_OBLASTS,
  },
  {
    what: 'Kherson',
    id: 'region-ua-08',
    label: 'Status',
    onCard: NOT_RECOGNIZED_OBLASTS,
    inDescription: NOT_RECOGNIZED_OBLASTS,
  },
  {
    what: 'Jammu and Kashmir',
    id: 'region-in-12',
    label: 'Status',
    onCard: 'the disputed region of Jammu and Kashmir, the status of which has been unsettled',
    inDescription: 'the disputed region of Jammu and Kashmir, the status of which has been unsettled',
  },
  {
    what: 'Azad Kashmir',
    id: 'region-pk-06',
    label: 'Administrative divisions',
    onCard: '2 Pakistan-administered areas*',
    inDescription: 'one of the 2 Pakistan-administered areas in the CIA World Factbook',
  },
  {
    what: 'Gilgit-Baltistan',
    id: 'region-pk-07',
    label: 'Administrative divisions',
    onCard: 'Gilgit-Baltistan*',
    inDescription: 'one of the 2 Pakistan-administered areas in the CIA World Factbook',
  },
  {
    what: 'Kashmir (absent as one region: on the cards of India and Pakistan)',
    id: 'india',
    label: 'Status',
    onCard: 'the disputed region of Jammu and Kashmir',
    inDescription: 'Country in Southern Asia',
  },
  {
    what: 'Northern Cyprus (absent: on the card of Cyprus)',
    id: 'cyprus',
    label: 'Status',
    onCard: 'only Turkey recognizes these proclamations',
    inDescription: 'refers to itself as the "Turkish Republic of Northern Cyprus" or "TRNC"',
  },
  {
    what: 'Keryneia (Kyrenia)',
    id: 'region-cy-02',
    label: 'Status',
    onCard: 'the only district located entirely in the Turkish Cypriot community',
    inDescription: 'the only district located entirely in the Turkish Cypriot community',
  },
  {
    what: 'Abkhazia',
    id: 'region-ge-02',
    label: 'Status',
    onCard: 'the United States recognizes the breakaway regions of Abkhazia and South Ossetia as part of Georgia',
    inDescription: 'is Russian-occupied; the seized area includes all of Abkhazia',
  },
  {
    what: 'South Ossetia (absent: on the card of Georgia)',
    id: 'georgia',
    label: 'Status',
    onCard: 'the breakaway region of South Ossetia',
    inDescription: 'the breakaway region of South Ossetia',
  },
  {
    what: 'Somaliland (absent: on the card of Somalia)',
    id: 'somalia',
    label: 'Status',
    onCard: 'the self-declared Republic of Somaliland in northwestern Somalia',
    inDescription: 'the self-declared Republic of Somaliland in northwestern Somalia',
  },
  // Others the Factbook marks.
  {
    what: 'Transnistria',
    id: 'region-md-58',
    label: 'Status',
    onCard: 'the breakaway region of Transnistria',
    inDescription: 'the breakaway region of Transnistria',
  },
  {
    what: 'Nagorno-Karabakh (absent: on the card of Azerbaijan)',
    id: 'azerbaijan',
    label: 'Status',
    onCard: 'the final status of the region has yet to be determined',
    inDescription: 'capital Baku',
  },
  {
    what: 'Abyei (absent: on the cards of Sudan and South Sudan)',
    id: 'south-sudan',
    label: 'Status',
    onCard: 'final sovereignty status of Abyei Area pending negotiations',
    inDescription: 'capital Juba',
  },
  {
    what: 'the Golan Heights (absent: on the card of Syria)',
    id: 'syria',
    label: 'Status',
    onCard: 'Israeli-occupied territory',
    inDescription: 'capital Damascus',
  },
  {
    what: 'Falkland Islands',
    id: 'falkland-islands',
    label: 'Status',
    onCard: 'also claimed by Argentina',
    inDescription: 'also claimed by Argentina',
  },
  {
    what: 'Afghanistan (its name)',
    id: 'afghanistan',
    label: 'Official name',
    onCard: 'current country name disputed',
    inDescription: 'capital Kabul',
  },
  {
    what: 'Myanmar (its name and capital)',
    id: 'myanmar',
    label: 'Capital',
    onCard: 'continues to be recognized as the primary Burmese capital by the US Government',
    inDescription: 'continues to be recognized as the primary Burmese capital by the US Government',
  },
  {
    what: 'Montserrat (its capital abandoned)',
    id: 'montserrat',
    label: 'Capital',
    onCard: 'Plymouth was abandoned in 1997',
    inDescription: 'capital Plymouth (Plymouth was abandoned in 1997',
  },
  {
    what: 'the Netherlands (its seat of government)',
    id: 'netherlands',
    label: 'Capital',
    onCard: 'The Hague is the seat of government',
    inDescription: 'capital Amsterdam (The Hague is the seat of government)',
  },
];

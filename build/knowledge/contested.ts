// Contested capitals and sovereignty (issue #17, item 1): where the CIA World
// Factbook qualifies a capital, a country's name or a territory's status —
// its `note:` fields on capitals, country names and boundaries, the disputes
// it lists, the "breakaway" and "Russian-occupied" of its texts — the fact
// carries the Factbook's own words, cut and never reworded, and the one-line
// description says no more than they do. Each quotation below is checked
// against the data at build (`Factbook.quote` throws when the words are not
// the Factbook's), so the wording is the source's; what is chosen, and where
// it goes, is written here.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeHtml } from './names';

/** Words quoted from one Factbook field: `file` is the region folder and FIPS code ("middle-east/is"). */
export interface Quote {
  file: string;
  path: readonly string[];
  /** The words, as the field writes them once HTML is decoded and spaces folded. */
  text: string;
}

/** The Factbook's files, read once, and its fields as plain text. */
export class Factbook {
  private readonly docs = new Map<string, Record<string, unknown>>();

  constructor(dataDir: string) {
    const root = join(dataDir, 'factbook');
    for (const region of readdirSync(root, { withFileTypes: true })) {
      if (!region.isDirectory() || region.name === 'meta') continue;
      for (const f of readdirSync(join(root, region.name)))
        if (f.endsWith('.json'))
          this.docs.set(
            `${region.name}/${f.slice(0, -5)}`,
            JSON.parse(readFileSync(join(root, region.name, f), 'utf8')) as Record<string, unknown>,
          );
    }
  }

  /** The files, by region folder and FIPS code. */
  files(): string[] {
    return [...this.docs.keys()].sort();
  }

  /** A field's text (a `{text}` object or a bare string), decoded, its spaces folded; undefined when absent. */
  field(file: string, path: readonly string[]): string | undefined {
    let v: unknown = this.docs.get(file);
    for (const p of path) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[p] : undefined;
    if (v && typeof v === 'object') v = (v as { text?: unknown }).text;
    if (typeof v !== 'string') return undefined;
    return decodeHtml(v).replace(/\s+/g, ' ').trim();
  }

  /** Every text field of a file with its path ("Transportation › Ports"), decoded, its spaces folded. */
  texts(file: string): { path: string[]; text: string }[] {
    const out: { path: string[]; text: string }[] = [];
    const walk = (v: unknown, path: string[]) => {
      if (!v || typeof v !== 'object') return;
      const { text, ...rest } = v as { text?: unknown } & Record<string, unknown>;
      if (typeof text === 'string') out.push({ path, text: decodeHtml(text).replace(/\s+/g, ' ').trim() });
      for (const [k, child] of Object.entries(rest)) walk(child, [...path, k]);
    };
    walk(this.docs.get(file), []);
    return out;
  }

  /** The quoted words, once checked to be the field's own; throws when they are not. */
  quote(q: Quote): string {
    const text = this.field(q.file, q.path);
    if (text === undefined || !isCutOf(text, q.text))
      throw new Error(
        `contested.ts: the Factbook's ${q.file} › ${q.path.join(' › ')} does not say "${q.text}"${text ? ` (it says "${text.slice(0, 300)}")` : ' (no such field)'}`,
      );
    return q.text;
  }

  /**
   * The Factbook's capital: its name field as written ("Yamoussoukro
   * (legislative capital), Abidjan (administrative and economic capital)"),
   * and its note (the field's `note`, or the "; note - …" the name carries).
   * Where it names none but says why in its note (Tokelau), the note's first
   * clause is the value.
   */
  capital(file: string): { value?: string; note?: string } {
    const name = this.field(file, ['Government', 'Capital', 'name']);
    const fieldNote = this.field(file, ['Government', 'Capital', 'note'])?.replace(/^note\s*:\s*/i, '');
    const [value, inline] = (name ?? '').split(/;\s*note -\s*/);
    const note = [inline?.replace(/\.$/, ''), fieldNote].filter(Boolean).join('; ') || undefined;
    if (value) return { value: value.trim(), ...(note ? { note } : {}) };
    if (!note) return {};
    const [first, ...rest] = note.split('; ');
    return { value: first as string, ...(rest.length ? { note: rest.join('; ') } : {}) };
  }
}

const q = (file: string, path: string, text: string): Quote => ({ file, path: path.split(' › '), text });

/**
 * Whether `words` are `text`'s own, cut and never reworded: one run of its
 * words, or several in their order with " … " where words were left out.
 */
export function isCutOf(text: string, words: string): boolean {
  let from = 0;
  for (const piece of words.split(' … ')) {
    const at = text.indexOf(piece, from);
    if (piece === '' || at < 0) return false;
    from = at + piece.length;
  }
  return true;
}

/**
 * Capitals the description qualifies with the Factbook's note (its words, or
 * a cut of them: "…" marks what was cut). Other capital notes (how a name is
 * pronounced, how high a city lies) stay on the card's fact only.
 */
export const CAPITAL_NOTE_IN_DESCRIPTION: Readonly<Record<string, readonly string[]>> = {
  // ISO 3166 alpha-3 of the world pack's country → the words of its capital note the description keeps.
  ISR: [
    'the US recognized Jerusalem as Israel’s capital in 2017, without taking a position on the specific boundaries of Israeli sovereignty',
  ],
  BDI: ["as of 2023, the government's move to Gitega remains incomplete"],
  FSM: ['Kolonia, the former capital, remains the site for many foreign embassies'],
  HND: [
    'the Honduran constitution states that Tegucigalpa and Comayaguela jointly constitute the capital of Honduras, but virtually all governmental institutions are on the Tegucigalpa side',
  ],
  MSR: [
    'Plymouth was abandoned in 1997 because of volcanic activity',
    'interim government buildings have been built at Brades Estate, the de facto capital',
  ],
  IDN: [
    'Nusantara ("archipelago"), the new capital, was in development as of 2024 and is expected to be completed in 2045',
  ],
  KOR: ['Sejong … serves as an administrative capital for segments of the South Korean government'],
  MYS: ['nearby Putrajaya is referred to as a federal government administrative center but not as the capital'],
  NLD: ['The Hague is the seat of government'],
  MNE: ['Cetinje retains the status of "Old Royal Capital"'],
  TUV: ['administrative offices are in Vaiaku Village on Fongafale Islet'],
  GNQ: ['some months of the year, the government operates out of Bata on the mainland region'],
  CHL: ['Valparaiso is the seat of the national legislature'],
  TKL: [
    'the location of the capital rotates among the three atolls along with the head of government or Ulu o Tokelau',
  ],
};

/** A qualified fact about one store entity, every word of it the Factbook's. */
export interface Qualifier {
  /** The store entity: a world-pack country ("israel"), or a region or city of the places pack ("region-ua-11"). */
  entity: string;
  /** The fact's label: "Capital" qualifies the entity's capital (its value is the Factbook's capital). */
  label: 'Capital' | 'Official name' | 'Status' | 'Name' | 'Territory' | 'Administrative divisions';
  /** The fact's value, quoted; none for a capital (the Factbook's capital is the value). */
  value?: Quote;
  /** The source's own qualifier: quotations joined with "; ". */
  note?: readonly Quote[];
  /** What the one-line description adds after the entity's kind (and capital), joined with "; ". */
  describe?: readonly Quote[];
  /** Words around the description's quotation, "{}" where it goes ("one of the {} in the CIA World Factbook"). */
  framing?: string;
}

const KOSOVO_INDEPENDENCE = q(
  'europe/kv',
  'Introduction › Background',
  "Serbia continues to reject Kosovo's independence",
);
const KOSOVO_DECLARED = q(
  'europe/kv',
  'Introduction › Background',
  'On 17 February 2008, the Kosovo Assembly declared Kosovo independent',
);
const TAIWAN_PROVINCE = q(
  'east-n-southeast-asia/ch',
  'Government › Administrative divisions › note',
  'China considers Taiwan its 23rd province',
);
const CRIMEA_ANNEXED = q('europe/up', 'Geography › Area › note', 'Russia annexed Crimea in 2014');
const CRIMEA_NOT_RECOGNIZED = q(
  'europe/up',
  'Government › Administrative divisions › note',
  "the United States does not recognize Russia's annexation or renaming of Ukraine's Autonomous Republic of Crimea and the municipality of Sevastopol",
);
const OBLASTS_NOT_RECOGNIZED = [
  q(
    'europe/up',
    'Government › Administrative divisions › note',
    "the United States does not recognize Russia's annexation … of the Ukrainian oblasts Donetsk, Luhansk, Zaporizhzhia, and Kherson",
  ),
];
const ANNEXATIONS_NOT_RECOGNIZED = (file: string) =>
  q(
    file,
    'Government › Administrative divisions › note',
    "the United States does not recognize Russia's annexation or renaming of Ukraine's Autonomous Republic of Crimea and the municipality of Sevastopol; it similarly does not recognize the annexation of the Ukrainian oblasts Donetsk, Luhansk, Zaporizhzhia, and Kherson",
  );
const GEORGIA_OCCUPIED = q(
  'central-asia/gg',
  'Geography › Area › note',
  "approximately 12,560 sq km, or about 18% of Georgia's area, is Russian-occupied; the seized area includes all of Abkhazia and the breakaway region of South Ossetia",
);
const GEORGIA_US = q(
  'central-asia/gg',
  'Government › Administrative divisions › note',
  'the United States recognizes the breakaway regions of Abkhazia and South Ossetia as part of Georgia',
);
const KASHMIR = (file: string) =>
  q(
    file,
    'Military and Security › Military - note',
    "three of the wars have been over the disputed region of Jammu and Kashmir, the status of which has been unsettled since the UK's 1947 withdrawal and the partition and independence of India and Pakistan",
  );
const CYPRUS_TRNC = q(
  'europe/cy',
  'Government › Country name › note',
  'the Turkish Cypriot community, which administers the northern part of the island, refers to itself as the "Turkish Republic of Northern Cyprus" or "TRNC"',
);
const CYPRUS_RECOGNITION = q(
  'europe/cy',
  'Government › Independence › note',
  'Turkish Cypriots proclaimed self-rule on 13 February 1975 and independence in 1983, but only Turkey recognizes these proclamations',
);
const SOMALILAND = q(
  'africa/so',
  'Government › Government - note',
  'regional and local governing bodies continue to exist and control various areas of the country, including the self-declared Republic of Somaliland in northwestern Somalia',
);
const WESTERN_SAHARA_KIND = q(
  'africa/wi',
  'Introduction › Background',
  'non-self-governing territory on the northwest coast of Africa',
);
const WESTERN_SAHARA_DISPUTE = q(
  'africa/wi',
  'Transnational Issues › Disputes - international',
  'many neighboring states reject Moroccan administration of Western Sahara; several states have extended diplomatic relations to the "Sahrawi Arab Democratic Republic" represented by the Polisario Front in exile in Algeria, while others support Morocco\'s proposal to grant the territory autonomy as part of Morocco',
);
const WESTERN_SAHARA_US = q(
  'africa/mo',
  'Government › Administrative divisions › note',
  "effective 10 December 2020, the US government recognizes Morocco's sovereignty over the territory of former Western Sahara",
);
const PALESTINIAN_TERRITORIES = q(
  'middle-east/gz',
  'Introduction › Background',
  'in 2001, negotiations to determine the permanent status of the West Bank, East Jerusalem, and Gaza Strip stalled',
);
const FALKLANDS = (file: string, text: string) => q(file, 'Government › Dependency status', text);

/**
 * Every entity whose capital, name or sovereignty the Factbook qualifies, with
 * the qualifier it gives. Absent from the store (no entity of their own):
 * Northern Cyprus, South Ossetia, Somaliland, Kashmir as one region, Nagorno-
 * Karabakh, Abyei, the Golan Heights: their qualifiers are on the countries'
 * cards (Cyprus, Georgia, Somalia, India and Pakistan, Azerbaijan, Sudan and
 * South Sudan, Syria).
 */
export const QUALIFIERS: readonly Qualifier[] = [
  // Capitals and sovereignty in dispute.
  { entity: 'israel', label: 'Capital' },
  {
    entity: 'kosovo',
    label: 'Capital',
    note: [KOSOVO_DECLARED, KOSOVO_INDEPENDENCE],
    describe: [KOSOVO_DECLARED, KOSOVO_INDEPENDENCE],
  },
  { entity: 'taiwan', label: 'Capital', note: [TAIWAN_PROVINCE], describe: [TAIWAN_PROVINCE] },
  {
    entity: 'palestine',
    label: 'Territory',
    value: q('middle-east/we', 'Government › Country name › conventional short form', 'West Bank'),
    note: [
      q('middle-east/we', 'Introduction › Background', 'the larger of the two Palestinian territories'),
      q('middle-east/we', 'Introduction › Background', 'Israel then captured it in the Six-Day War in 1967'),
    ],
  },
  {
    entity: 'palestine',
    label: 'Territory',
    value: q('middle-east/gz', 'Government › Country name › conventional short form', 'Gaza Strip'),
    note: [
      q('middle-east/gz', 'Introduction › Background', 'Israel captured it in the Six-Day War in 1967'),
      PALESTINIAN_TERRITORIES,
    ],
    describe: [PALESTINIAN_TERRITORIES],
  },
  {
    entity: 'western-sahara',
    label: 'Status',
    value: WESTERN_SAHARA_KIND,
    note: [WESTERN_SAHARA_DISPUTE],
    // Both sides, as the Factbook gives them.
    describe: [
      q(
        'africa/wi',
        'Transnational Issues › Disputes - international',
        'many neighboring states reject Moroccan administration of Western Sahara',
      ),
      q(
        'africa/wi',
        'Transnational Issues › Disputes - international',
        "others support Morocco's proposal to grant the territory autonomy as part of Morocco",
      ),
    ],
  },
  { entity: 'western-sahara', label: 'Status', value: WESTERN_SAHARA_US },
  {
    entity: 'afghanistan',
    label: 'Official name',
    value: q(
      'south-asia/af',
      'Government › Country name › conventional long form',
      'Islamic Republic of Afghanistan (prior to 15 August 2021)',
    ),
    note: [q('south-asia/af', 'Government › Country name › conventional long form', 'current country name disputed')],
  },
  {
    entity: 'myanmar',
    label: 'Name',
    value: q('east-n-southeast-asia/bm', 'Government › Country name › conventional short form', 'Burma'),
    note: [
      q(
        'east-n-southeast-asia/bm',
        'Government › Country name › note',
        'since 1989 the military authorities in Burma and the deposed parliamentary government have promoted the name Myanmar as a conventional name for their state; the US Government has not officially adopted the name',
      ),
    ],
  },
  // Countries whose territory the Factbook marks (the places themselves, where the store has them, below).
  { entity: 'cyprus', label: 'Status', value: CYPRUS_TRNC, note: [CYPRUS_RECOGNITION], describe: [CYPRUS_TRNC] },
  { entity: 'georgia', label: 'Status', value: GEORGIA_OCCUPIED, note: [GEORGIA_US], describe: [GEORGIA_OCCUPIED] },
  { entity: 'somalia', label: 'Status', value: SOMALILAND, describe: [SOMALILAND] },
  {
    entity: 'ukraine',
    label: 'Status',
    value: CRIMEA_ANNEXED,
    note: [ANNEXATIONS_NOT_RECOGNIZED('europe/up')],
  },
  { entity: 'russia', label: 'Status', value: ANNEXATIONS_NOT_RECOGNIZED('central-asia/rs') },
  { entity: 'china', label: 'Status', value: TAIWAN_PROVINCE },
  { entity: 'morocco', label: 'Status', value: WESTERN_SAHARA_US },
  {
    entity: 'serbia',
    label: 'Status',
    value: q(
      'europe/ri',
      'Introduction › Background',
      'In 2008, Kosovo also declared independence -- an action Serbia still refuses to recognize',
    ),
  },
  { entity: 'india', label: 'Status', value: KASHMIR('south-asia/in') },
  { entity: 'pakistan', label: 'Status', value: KASHMIR('south-asia/pk') },
  {
    entity: 'azerbaijan',
    label: 'Status',
    value: q(
      'central-asia/aj',
      'Geography › Area › note',
      'the Nagorno-Karabakh region; the final status of the region has yet to be determined',
    ),
  },
  {
    entity: 'south-sudan',
    label: 'Status',
    value: q(
      'africa/od',
      'Geography › Land boundaries › note',
      'final sovereignty status of Abyei Area pending negotiations between South Sudan and Sudan',
    ),
  },
  {
    entity: 'sudan',
    label: 'Status',
    value: q(
      'africa/su',
      'Geography › Land boundaries › note',
      'final sovereignty status of Abyei region pending negotiations between Sudan and South Sudan',
    ),
  },
  {
    entity: 'syria',
    label: 'Status',
    value: q('middle-east/sy', 'Geography › Area › note', 'includes 1,295 sq km of Israeli-occupied territory'),
  },
  {
    entity: 'falkland-islands',
    label: 'Status',
    value: FALKLANDS('south-america/fk', 'overseas territory of the UK; also claimed by Argentina'),
    describe: [FALKLANDS('south-america/fk', 'overseas territory of the UK; also claimed by Argentina')],
  },
  {
    entity: 'south-georgia',
    label: 'Status',
    value: FALKLANDS('south-america/sx', 'overseas territory of the UK, also claimed by Argentina'),
    describe: [FALKLANDS('south-america/sx', 'overseas territory of the UK, also claimed by Argentina')],
  },
  // Regions (GeoNames first-level regions in the places pack).
  {
    entity: 'region-ua-11',
    label: 'Status',
    value: CRIMEA_ANNEXED,
    note: [CRIMEA_NOT_RECOGNIZED],
    describe: [CRIMEA_ANNEXED, CRIMEA_NOT_RECOGNIZED],
  },
  {
    entity: 'region-ua-20',
    label: 'Status',
    value: CRIMEA_NOT_RECOGNIZED,
    describe: [CRIMEA_NOT_RECOGNIZED],
  },
  // Donetsk has no region of its own in the store (its name is the city's): the city carries it.
  ...['region-ua-05', 'region-ua-14', 'region-ua-26', 'region-ua-08'].map(
    (entity): Qualifier => ({
      entity,
      label: 'Status',
      value: OBLASTS_NOT_RECOGNIZED[0] as Quote,
      describe: OBLASTS_NOT_RECOGNIZED,
    }),
  ),
  {
    entity: 'region-ge-02',
    label: 'Status',
    value: GEORGIA_OCCUPIED,
    note: [GEORGIA_US],
    describe: [GEORGIA_OCCUPIED],
  },
  { entity: 'region-in-12', label: 'Status', value: KASHMIR('south-asia/in'), describe: [KASHMIR('south-asia/in')] },
  ...['region-pk-06', 'region-pk-07'].map(
    (entity): Qualifier => ({
      entity,
      label: 'Administrative divisions',
      value: q(
        'south-asia/pk',
        'Government › Administrative divisions',
        '4 provinces, 2 Pakistan-administered areas*, and 1 capital territory**; Azad Kashmir*, Balochistan, Gilgit-Baltistan*, Islamabad Capital Territory**, Khyber Pakhtunkhwa, Punjab, Sindh',
      ),
      describe: [q('south-asia/pk', 'Government › Administrative divisions', '2 Pakistan-administered areas')],
      framing: 'one of the {} in the CIA World Factbook',
    }),
  ),
  {
    entity: 'region-md-58',
    label: 'Status',
    value: q(
      'europe/md',
      'Introduction › Background',
      'Russian forces have remained on Moldovan territory east of the Nistru River in the breakaway region of Transnistria',
    ),
    describe: [
      q(
        'europe/md',
        'Introduction › Background',
        'Russian forces have remained on Moldovan territory east of the Nistru River in the breakaway region of Transnistria',
      ),
    ],
  },
  ...(
    [
      ['region-cy-02', 'the only district located entirely in the Turkish Cypriot community'],
      ['region-cy-01', 'all but a small part located in the Turkish Cypriot community'],
    ] as const
  ).map(
    ([entity, text]): Qualifier => ({
      entity,
      label: 'Status',
      value: q('europe/cy', 'Government › Administrative divisions', text),
      note: [CYPRUS_TRNC],
      describe: [q('europe/cy', 'Government › Administrative divisions', text)],
    }),
  ),
];

/**
 * GeoNames regions that lie where the Factbook's territories are contested and
 * that GeoNames files under one claimant: the description says whose listing
 * it is ("First-level region of Israel in GeoNames") rather than state it.
 */
export const ATTRIBUTED_REGIONS: ReadonlySet<string> = new Set(['region-il-we', 'region-ma-11', 'region-ma-12']);

/** The words of a list of quotations, checked, joined as the fact's note or the description's clause. */
export function quoted(fb: Factbook, quotes: readonly Quote[] | undefined, joiner = '; '): string | undefined {
  if (!quotes || quotes.length === 0) return undefined;
  return quotes.map((x) => fb.quote(x)).join(joiner);
}

/** Where the quotations of a qualifier come from, for its source's record line. */
export function recordOf(x: Qualifier, capitalFile?: string): string {
  const quotes = [...(x.value ? [x.value] : []), ...(x.note ?? [])];
  const fields = new Set<string>();
  if (x.label === 'Capital' && capitalFile) fields.add(`${capitalFile}.json › Government › Capital`);
  for (const y of quotes) fields.add(`${y.file}.json › ${y.path.join(' › ')}`);
  return [...fields].join('; ');
}

/** A quotation that starts a sentence ("On 17 February 2008, …"), written to go after a semicolon. */
export function midSentence(text: string): string {
  return /^(On|In) /.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}

/** What the description says instead of "Country in …" where the kind is what is disputed. */
export const DESCRIPTION_LEAD: Readonly<Record<string, Quote>> = {
  'western-sahara': WESTERN_SAHARA_KIND,
};

/**
 * What the Factbook's capital line says of one city, by its names: "Porto-
 * Novo (constitutional capital); Cotonou (seat of government)" makes Cotonou
 * the "Seat of government"; "Nay Pyi Taw is the administrative capital" an
 * "Administrative capital"; "Rangoon (aka Yangon, continues to be recognized
 * as the primary Burmese capital by the US Government)" a city the line
 * qualifies (`clause`), not a capital outright. Undefined when the line does
 * not name the city ("no official capital; government offices in the Yaren
 * District" names no capital Yaren).
 */
export function capitalRole(line: string, names: readonly string[]): { kind?: string; clause?: string } | undefined {
  const fold = (t: string) =>
    t
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, ' ')
      .trim();
  const segments: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i <= line.length; i++) {
    const ch = line[i];
    if (ch === '(' || ch === '[') depth++;
    else if (ch === ')' || ch === ']') depth = Math.max(0, depth - 1);
    else if (i === line.length || ((ch === ';' || ch === ',') && depth === 0)) {
      segments.push(line.slice(from, i).trim());
      from = i + 1;
    }
  }
  for (const segment of segments) {
    const key = fold(segment);
    if (!names.some((n) => fold(n) !== '' && (key === fold(n) || key.startsWith(`${fold(n)} `)))) continue;
    const said = /\((.*)\)\s*$/.exec(segment)?.[1] ?? /\bis the (.*capital)$/.exec(segment)?.[1];
    if (!said || !/capital|seat of government/i.test(said)) return { kind: 'Capital' };
    if (/^[\w\s,[\]-]*(capital|seat of government)$/i.test(said) && !/\baka\b/i.test(said))
      return { kind: said.charAt(0).toUpperCase() + said.slice(1) };
    return { clause: said.replace(/^aka [^,]+,\s*/i, '') };
  }
  return undefined;
}

/** The clause a qualifier adds to a description: its quotations, framed when it says whose words they are. */
export function describeClause(fb: Factbook, x: Qualifier): string | undefined {
  if (!x.describe || x.describe.length === 0) return undefined;
  const words = x.describe.map((d) => midSentence(fb.quote(d))).join('; ');
  return x.framing ? x.framing.replace('{}', words) : words;
}

import * as v from 'valibot';

/**
 * The fact-pack format. One schema serves the build (bundled packs), the
 * options page (reader packs) and `npm run packs:check`.
 * Documented with a full example in `docs/fact-packs.md`.
 */

const Id = v.pipe(v.string(), v.regex(/^[a-z0-9][a-z0-9._-]*$/, 'expected a lower-case id (a-z, 0-9, . _ -)'));
const IsoDate = v.pipe(
  v.string(),
  v.regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'expected a date as YYYY, YYYY-MM or YYYY-MM-DD'),
);
const Text = v.pipe(v.string(), v.trim(), v.minLength(1, 'expected a non-empty string'));

export const EntityTypeSchema = v.picklist(['person', 'organization', 'place', 'agreement', 'outlet', 'event']);

const Url = v.pipe(v.string(), v.url('expected a URL'), v.regex(/^https?:/, 'expected an http(s) URL'));

/**
 * Where a fact comes from. Title, date and URL are each given only where they
 * are really known (a reference work has no single date; a saved article may
 * have lost its headline); `note` says what is missing or inferred.
 */
export const SourceSchema = v.strictObject({
  id: Id,
  outlet: Text,
  title: v.optional(Text),
  date: v.optional(IsoDate),
  url: v.optional(Url),
  note: v.optional(Text),
});

export const AliasSchema = v.strictObject({
  text: Text,
  /** BCP 47 language tag of the alias, e.g. "fa", "ar", "ckb". */
  lang: v.optional(v.string()),
  /**
   * How the linker treats the alias: `name` is a full name; `short` a surname
   * or short form (linked after the full name, or when it is unambiguous);
   * `demonym` links to its country; `generic` a phrase like "the pact" that is
   * linked only by context; `metonym` a place that stands for this entity
   * when it acts ("Washington opposed the deal": the US government).
   */
  kind: v.optional(v.picklist(['name', 'short', 'acronym', 'demonym', 'generic', 'metonym'])),
});

export const FactSchema = v.strictObject({
  label: Text,
  value: Text,
  date: v.optional(IsoDate),
  from: v.optional(IsoDate),
  to: v.optional(IsoDate),
  /**
   * For an open-ended fact from data that stopped being updated: the date the
   * source last confirmed it (its snapshot). The card says "as of" this date
   * instead of presenting the fact as current.
   */
  asOf: v.optional(IsoDate),
  /**
   * The source's own qualifier of the fact, in its words (cut, never
   * reworded): for a contested capital or sovereignty, the note the source
   * gives ("the US recognized Jerusalem as Israel’s capital in 2017, without
   * taking a position on the specific boundaries of Israeli sovereignty").
   * The card shows it with the fact, so that the fact is never said more
   * certainly than its source says it. Optional: packs without it stay valid.
   */
  note: v.optional(Text),
  source: Id,
});

export const ReactionSchema = v.strictObject({
  who: Id,
  stance: v.picklist(['supports', 'opposes', 'criticizes', 'defends', 'neutral']),
  date: IsoDate,
  summary: Text,
  source: Id,
});

export const AgreementSchema = v.strictObject({
  kind: Text,
  parties: v.array(Id),
  signatories: v.array(Id),
  signed: v.strictObject({ date: IsoDate, place: v.optional(Id) }),
  status: Text,
  reactions: v.array(ReactionSchema),
});

export const EntitySchema = v.strictObject({
  id: Id,
  type: EntityTypeSchema,
  name: Text,
  aliases: v.array(AliasSchema),
  description: Text,
  facts: v.array(FactSchema),
  related: v.optional(v.array(Id)),
  /** The country a place, body or person belongs to: lets "Baghdad" stand for Iraq in context. */
  country: v.optional(Id),
  agreement: v.optional(AgreementSchema),
  /**
   * Ids of entities in earlier packs that are the same person or thing (a
   * generated entry keyed by its Wikidata id): they are merged into this one,
   * which keeps its id.
   */
  sameAs: v.optional(v.array(Id)),
  /**
   * How prominent, 0–3 (3: a head of state or government; 2: a national
   * minister or member of a national legislature; 1: others): chooses among
   * namesakes, and lets a head of state's surname link on its own.
   */
  prominence: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(3))),
});

export const CoverageSchema = v.strictObject({
  id: Id,
  /** The headline, when known; never made up. */
  title: v.optional(Text),
  outlet: Text,
  date: IsoDate,
  url: v.optional(Url),
  entities: v.array(Id),
  /** One line in the pack author's own words. */
  summary: Text,
  note: v.optional(Text),
});

/** One public dataset a generated pack is built from, as the options page lists it. */
export const DatasetSchema = v.strictObject({
  name: Text,
  /** Where the dataset is published (its repository or home page). */
  upstream: v.optional(Url),
  /** The snapshot the pack was built from: its newest data or commit date. */
  snapshot: IsoDate,
  license: Text,
  /** The credit line the licence asks for, shown with the pack. */
  attribution: Text,
  /** Set when the data stopped being updated (e.g. "Wikidata position holders frozen mid-2022"). */
  stale: v.optional(Text),
});

/** What a pack is about, for the options page: kind, region and the datasets behind it. */
export const PackAboutSchema = v.strictObject({
  kind: v.picklist(['people', 'organizations', 'places', 'agreements', 'companies', 'mixed']),
  region: Text,
  datasets: v.array(DatasetSchema),
});

export const PackSchema = v.strictObject({
  id: Id,
  name: Text,
  version: Text,
  license: Text,
  about: v.optional(PackAboutSchema),
  sources: v.array(SourceSchema),
  entities: v.array(EntitySchema),
  coverage: v.array(CoverageSchema),
});

export type EntityType = v.InferOutput<typeof EntityTypeSchema>;
export type Source = v.InferOutput<typeof SourceSchema>;
export type Alias = v.InferOutput<typeof AliasSchema>;
export type Fact = v.InferOutput<typeof FactSchema>;
export type Agreement = v.InferOutput<typeof AgreementSchema>;
export type Entity = v.InferOutput<typeof EntitySchema>;
export type CoverageItem = v.InferOutput<typeof CoverageSchema>;
export type Pack = v.InferOutput<typeof PackSchema>;
export type PackAbout = v.InferOutput<typeof PackAboutSchema>;
export type Dataset = v.InferOutput<typeof DatasetSchema>;

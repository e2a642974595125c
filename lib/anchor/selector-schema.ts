import * as v from 'valibot';

/**
 * A W3C Web Annotation selector as Backstory stores it (see ./quote.ts), checked
 * wherever one comes from outside: a content script's message or an imported
 * notes file. Kept apart from quote.ts so the content script needs no valibot.
 */
export const SelectorSchema = v.variant('type', [
  v.strictObject({
    type: v.literal('TextQuoteSelector'),
    exact: v.pipe(v.string(), v.minLength(1), v.maxLength(20_000)),
    prefix: v.optional(v.pipe(v.string(), v.maxLength(1000))),
    suffix: v.optional(v.pipe(v.string(), v.maxLength(1000))),
  }),
  v.strictObject({
    type: v.literal('TextPositionSelector'),
    start: v.pipe(v.number(), v.integer(), v.minValue(0)),
    end: v.pipe(v.number(), v.integer(), v.minValue(0)),
  }),
]);

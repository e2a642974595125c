import * as v from 'valibot';

// Part of the message contract (lib/contract.ts), in a module of its own so that
// the content script, which parses these, bundles nothing else of the contract.

/** Messages to a page's content script (from the background, or the popup). */
export const TabMessageSchema = v.variant('type', [
  /** The reader switched Backstory on or off for the site (the settings are out of a content script's reach). */
  v.strictObject({ type: v.literal('siteEnabled'), site: v.string(), enabled: v.boolean() }),
  /** The manifest's keyboard commands: open the card of the next or previous name. */
  v.strictObject({ type: v.literal('mentionStep'), direction: v.picklist([1, -1]) }),
  /** The context menu's "Add a Backstory note on this passage". */
  v.strictObject({ type: v.literal('notePassage') }),
  /** The note editor in the card was saved, or closed without saving. */
  v.strictObject({ type: v.literal('noteEditor'), saved: v.boolean() }),
  /** The popup: show where an entity is first named. */
  v.strictObject({ type: v.literal('reveal'), entityId: v.string() }),
]);

export type TabMessage = v.InferOutput<typeof TabMessageSchema>;

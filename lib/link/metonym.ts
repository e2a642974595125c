import type { Candidate } from '../match/find-candidates';
import type { LinkContext } from './link-mentions';
import { outOfPlace } from './namesakes';
import { neighbours } from './neighbours';
import type { LinkReason } from './reasons';

// A place after one of these is the place itself: "in Washington", "to Baghdad".
const LOCATIVE =
  /\b(in|at|to|from|near|into|outside|inside|around|across|via|toward|towards|visit|visited|visiting)\s+(the\s+)?$/i;

// A place followed by one of these acts: "Washington opposes", "Baghdad committed",
// "Tehran has since increased" (an auxiliary alone, as in "Washington was cold", is not enough).
const ACTS =
  /^\s+((has|have|had|is|was|will|would|did|does|could|should|must)\s+(not\s+)?((since|also|now|already|long|repeatedly|publicly|firmly)\s+)?)?(says?|said|opposes?|opposed|opposing|supports?|supported|wants?|wanted|insists?|insisted|stresse[sd]|stress|maintains?|maintained|rejects?|rejected|warns?|warned|accuses?|accused|committed|commits?|agreed|agrees?|signed|criticized|criticised|slammed|urged|demanded|denied|failed|threatened|responded|announced|condemned|defended|welcomed|increased|sought|seeks?|pledged|vowed|refused|approved|imposed|sanctioned)\b/i;

// A place after one of these is acted on as a government: "accused Washington", "talks with Baghdad".
const ACTED_ON =
  /\b(accused|accuses|accuse|criticized|criticised|criticizes|urged|urges|warned|warns|slammed|condemned|blamed|told|pressed|against|with|between|pressure on|called on)\s+$/i;

function sentenceAround(text: string, start: number, end: number): [number, number] {
  let a = start;
  while (a > 0 && text[a - 1] !== '\n' && !(/[.!?]/.test(text[a - 2] ?? '') && /\s/.test(text[a - 1] ?? ''))) a--;
  let b = end;
  while (b < text.length && text[b] !== '\n' && !(/[.!?]/.test(text[b] ?? '') && /\s|$/.test(text[b + 1] ?? ''))) b++;
  return [a, b];
}

/**
 * A place name that can also stand for a government ("Washington": the city,
 * or the United States acting through it) is the government when it acts in
 * a sentence about policy, and the place otherwise:
 * - in a dateline ("…, BBC News, Washington", "WASHINGTON —") it is the place;
 * - after "in", "at", "to", "from"… it is the place ("the embassy in Washington");
 * - followed by a verb of saying or doing ("Washington opposes"), or in a
 *   sentence that also names a person, a government body, an agreement or a
 *   country, it is the government ("drew the ire of Washington");
 * - otherwise the place.
 */
export function resolveMetonym(
  text: string,
  i: number,
  all: readonly Candidate[],
  ctx: LinkContext,
  lands: ReadonlySet<string>,
): { entityId: string; reason: LinkReason } | undefined {
  const c = all[i] as Candidate;
  const metonym = c.aliases.find((a) => a.kind === 'metonym');
  // The place itself: a place's name, not someone's surname ("Washington", not George Washington);
  // the one in the country it stands for, not a town of that name elsewhere (Washington, Aruba).
  const places = c.aliases.filter(
    (a) => a.kind === 'name' && ctx.type(a.entityId) === 'place' && !outOfPlace(a.entityId, ctx, lands),
  );
  const place = places.find((a) => ctx.countryOf(a.entityId) === metonym?.entityId) ?? places[0];
  if (!metonym || !place) return undefined;
  const placeName = ctx.name(place.entityId) ?? place.entityId;
  const govName = ctx.name(metonym.entityId) ?? metonym.entityId;
  const before = text.slice(Math.max(0, c.start - 24), c.start);
  // "into Baghdad and Tehran’s security affairs": the possessive of the last
  // of two coordinated places makes both the governments.
  const next = all[i + 1];
  const coordinatedPossessive =
    next !== undefined &&
    next.aliases.some((a) => a.kind === 'metonym') &&
    /^\s*(,\s*and|,|and)\s*$/.test(text.slice(c.end, next.start)) &&
    /^[’']s\b/.test(text.slice(next.end, next.end + 3));
  // A dateline names where the story was filed: "…, BBC News, Washington" ending its line,
  // or "WASHINGTON —" and "Washington (Reuters) -" starting one.
  const lineStart = /(^|\n)[ \t]*$/.test(text.slice(Math.max(0, c.start - 8), c.start));
  const dateline =
    (/,[ \t]*$/.test(before) && /^[ \t]*(\n|$)/.test(text.slice(c.end, c.end + 4))) ||
    (lineStart && /^[ \t]*(\([^)\n]{1,40}\)[ \t]*)?[—–-][ \t]/.test(text.slice(c.end, c.end + 50)));
  if (dateline) return { entityId: place.entityId, reason: { why: 'dateline', text: c.text, name: placeName } };
  if (ACTED_ON.test(before)) {
    return { entityId: metonym.entityId, reason: { why: 'addressedAsGovernment', text: c.text, name: govName } };
  }
  if (LOCATIVE.test(before) && !coordinatedPossessive) {
    return {
      entityId: place.entityId,
      reason: { why: 'place', text: `${before.trim().split(/\s+/).pop()} ${c.text}`, name: placeName },
    };
  }
  if (ACTS.test(text.slice(c.end, c.end + 24))) {
    return { entityId: metonym.entityId, reason: { why: 'actsAsGovernment', text: c.text, name: govName } };
  }
  const [a, b] = sentenceAround(text, c.start, c.end);
  const policy = neighbours(all, i, a, b).some((o) =>
    o.aliases.some((x) => {
      if (x.kind === 'generic') return true;
      const type = ctx.type(x.entityId);
      return (
        type === 'person' ||
        type === 'organization' ||
        type === 'agreement' ||
        (type === 'place' && !ctx.countryOf(x.entityId))
      );
    }),
  );
  if (policy) {
    return { entityId: metonym.entityId, reason: { why: 'policyGovernment', text: c.text, name: govName } };
  }
  return { entityId: place.entityId, reason: { why: 'place', text: c.text, name: placeName } };
}

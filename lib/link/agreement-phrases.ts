import type { Candidate } from '../match/find-candidates';
import type { Mention } from './link-mentions';
import { neighbours } from './neighbours';
import { entityIds, mentionOf, type Reading } from './reading';
import type { LinkReason } from './reasons';

const YEAR = /\b(19|20)\d{2}\b/g;
const NEW_CUE = /\b(new|newly|recent|recently|latest|fresh)\b/i;
/** How far back (in characters) "the agreement" may refer to the last one named. */
const BACK_REFERENCE_WINDOW = 1500;

/**
 * A generic phrase ("the pact", "the MoU") is linked to the agreement that the
 * paragraph points to: at least two of its parties, signatories, place of
 * signing or related entities named there (a capital counts for its country),
 * with a year written there that fits its signing as the strongest sign, and
 * the newest as the tie-break. With no such paragraph evidence it refers back
 * to the agreement linked just before; otherwise it is left alone. Records
 * the agreement it links in `r.lastAgreement`, for the next phrase.
 */
export function linkGeneric(r: Reading, i: number): Mention | undefined {
  const { text, all, ctx } = r;
  const c = all[i] as Candidate;
  const paraStart = text.lastIndexOf('\n', c.start) + 1;
  const nl = text.indexOf('\n', c.end);
  const paraEnd = nl === -1 ? text.length : nl;
  const inPara = new Set<string>();
  for (const o of neighbours(all, i, paraStart, paraEnd)) {
    for (const a of o.aliases) {
      if (a.kind === 'generic') continue;
      inPara.add(a.entityId);
      const country = ctx.countryOf(a.entityId);
      if (country) inPara.add(country);
    }
  }
  const years = [...text.slice(paraStart, paraEnd).matchAll(YEAR)].map((m) => Number(m[0]));
  // "a newly signed agreement", "the new pact": the most recent one.
  const saysNew = NEW_CUE.test(text.slice(Math.max(paraStart, c.start - 40), c.start));
  let best: { id: string; score: number; reason: LinkReason } | undefined;
  for (const id of entityIds(c.aliases)) {
    const agreement = ctx.agreement(id);
    if (!agreement) continue;
    let named = 0;
    for (const e of agreement.evidence) if (inPara.has(e)) named++;
    if (named < 2) continue;
    const yearFits = years.includes(agreement.year);
    // Among agreements that fit equally, the newest: news is mostly about it.
    const score = named + (yearFits ? 10 : 0) + agreement.year / 10_000 + (saysNew ? agreement.year / 1_000 : 0);
    const name = ctx.name(id) ?? id;
    const reason: LinkReason = yearFits
      ? { why: 'agreementYear', text: c.text, name, year: agreement.year }
      : { why: 'agreement', text: c.text, name };
    if (!best || score > best.score) best = { id, score, reason };
  }
  const mention = (id: string, reason: LinkReason): Mention => {
    r.lastAgreement = { id, end: c.end };
    return mentionOf(c, id, reason);
  };
  if (best) return mention(best.id, best.reason);
  const last = r.lastAgreement;
  if (last && c.start - last.end < BACK_REFERENCE_WINDOW && entityIds(c.aliases).includes(last.id)) {
    return mention(last.id, { why: 'refersBack', text: c.text, name: ctx.name(last.id) ?? last.id });
  }
  return undefined;
}

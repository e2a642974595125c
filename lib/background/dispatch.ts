import * as v from 'valibot';
import { type MessageType, REQUESTS, RequestSchema } from '../contract';
import type { Refused } from '../messages';
import type { Handlers, Sender } from './handlers';

/**
 * Checks an incoming message against the contract (`lib/contract.ts`) and
 * calls its handler. Messages come from pages we do not control: anything
 * that does not fit, or comes from a sender the request does not accept (a
 * content script asking what only Backstory's own pages may ask), is refused
 * with a reason, never passed on.
 */
export async function dispatch(handlers: Handlers, message: unknown, sender: Sender): Promise<unknown> {
  const parsed = v.safeParse(RequestSchema, message);
  if (!parsed.success) return refuse(v.summarize(parsed.issues).split('\n')[0] ?? 'not a request');
  const req = parsed.output;
  const type = req.type as MessageType;
  if (REQUESTS[type].callers === 'extension' && !sender.extensionPage)
    return refuse(`“${type}” is accepted only from Backstory's own pages`);
  const handler = handlers[type] as (r: typeof req, s: Sender) => Promise<unknown>;
  return handler(req, sender);
}

function refuse(why: string): Refused {
  return { ok: false, error: `Refused message: ${why}` };
}

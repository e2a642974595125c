import type { MessageChannel } from './messages';

/** The part of a `runtime.Port` this needs. */
export interface PortLike {
  postMessage(message: unknown): void;
  onMessage: { addListener(fn: (message: unknown) => void): void };
  onDisconnect: { addListener(fn: () => void): void };
}

/** The name of Backstory's port from a content script to the background. */
export const PORT_NAME = 'backstory';

/**
 * Requests over one long-lived port instead of a new message channel each
 * time: a content script's scans reach the background and come back sooner.
 * The port is opened on first use and again after the background restarts;
 * requests in flight when it closes fail over to `fallback`.
 */
export function portChannel(
  connect: () => PortLike,
  fallback: MessageChannel,
): MessageChannel & {
  /**
   * Opens the port ahead of the first request (a page's script, at its start):
   * the connection, and the background's wake if it was stopped, happen while
   * the page's text is collected.
   */
  connect(): void;
} {
  let port: PortLike | undefined;
  let next = 0;
  const pending = new Map<number, { message: unknown; resolve: (v: unknown) => void; reject: (e: unknown) => void }>();
  const open = (): PortLike => {
    if (port) return port;
    const p = connect();
    p.onMessage.addListener((reply) => {
      const r = reply as { id?: unknown; result?: unknown };
      if (typeof r?.id !== 'number') return;
      const waiting = pending.get(r.id);
      pending.delete(r.id);
      waiting?.resolve(r.result);
    });
    p.onDisconnect.addListener(() => {
      if (port === p) port = undefined;
      const stranded = [...pending.values()];
      pending.clear();
      for (const w of stranded) fallback.sendMessage(w.message).then(w.resolve, w.reject);
    });
    port = p;
    return p;
  };
  return {
    connect() {
      try {
        open();
      } catch {
        port = undefined;
      }
    },
    sendMessage(message) {
      return new Promise((resolve, reject) => {
        const id = next++;
        pending.set(id, { message, resolve, reject });
        try {
          open().postMessage({ id, message });
        } catch {
          pending.delete(id);
          port = undefined;
          fallback.sendMessage(message).then(resolve, reject);
        }
      });
    },
  };
}

import { describe, expect, it } from 'vitest';
import { type PortLike, portChannel } from '../lib/port-channel';

/** A port whose far end answers with `answer`, or stays silent when it is undefined. */
function fakePort(answer?: (message: unknown) => unknown) {
  const onMessage: ((m: unknown) => void)[] = [];
  const onDisconnect: (() => void)[] = [];
  const port: PortLike & { disconnect(): void; sent: unknown[] } = {
    sent: [],
    postMessage(m) {
      port.sent.push(m);
      const { id, message } = m as { id: number; message: unknown };
      if (answer) {
        queueMicrotask(() => {
          for (const fn of onMessage) fn({ id, result: answer(message) });
        });
      }
    },
    onMessage: { addListener: (fn) => void onMessage.push(fn) },
    onDisconnect: { addListener: (fn) => void onDisconnect.push(fn) },
    disconnect: () => {
      for (const fn of onDisconnect) fn();
    },
  };
  return port;
}

describe('portChannel', () => {
  it('answers each request over one port, matching replies to requests', async () => {
    let opened = 0;
    const port = fakePort((m) => `echo ${(m as { n: number }).n}`);
    const channel = portChannel(
      () => {
        opened++;
        return port;
      },
      { sendMessage: async () => 'fallback' },
    );
    expect(await Promise.all([channel.sendMessage({ n: 1 }), channel.sendMessage({ n: 2 })])).toEqual([
      'echo 1',
      'echo 2',
    ]);
    expect(opened).toBe(1);
  });

  it('opens its port ahead of the first request when asked, and sends that request over it', async () => {
    let opened = 0;
    const port = fakePort(() => 'over the early port');
    const channel = portChannel(
      () => {
        opened++;
        return port;
      },
      { sendMessage: async () => 'fallback' },
    );
    channel.connect();
    expect(opened).toBe(1);
    expect(port.sent).toEqual([]);
    expect(await channel.sendMessage({ n: 1 })).toBe('over the early port');
    expect(opened).toBe(1);
  });

  it('sends requests in flight to the fallback when the background restarts, and reconnects after', async () => {
    const silent = fakePort();
    const ports = [silent, fakePort(() => 'new port')];
    const channel = portChannel(() => ports.shift() as PortLike, { sendMessage: async () => 'fallback' });
    const stranded = channel.sendMessage({ n: 1 });
    silent.disconnect();
    expect(await stranded).toBe('fallback');
    expect(await channel.sendMessage({ n: 2 })).toBe('new port');
  });
});

// Who sent a message, as the background decides it before any handler runs (issue #14).
import { describe, expect, it } from 'vitest';
import { senderOf } from '../../lib/background/senders';

const OWN = { id: 'backstory-id', pages: 'chrome-extension://backstory-id/' };
const now = async (tabId: number) => (tabId === 7 ? 'https://example.org/next-article' : undefined);

describe('a message’s sender', () => {
  it('is a content script speaking for its tab’s address now, not the one its port opened with', async () => {
    const sender = await senderOf(
      { id: OWN.id, url: 'https://example.org/first-article', frameId: 0, tab: { id: 7 } },
      OWN,
      now,
    );
    expect(sender).toEqual({ tabId: 7, url: 'https://example.org/next-article', extensionPage: false });
  });

  it('is ignored when its tab has since gone to another origin (what the page it left asked is not answered)', async () => {
    const elsewhere = async () => 'https://victim.example/account';
    expect(
      await senderOf({ id: OWN.id, url: 'https://evil.example/', frameId: 0, tab: { id: 7 } }, OWN, elsewhere),
    ).toBe(undefined);
  });

  it('is ignored when it is a frame inside the page, or another extension', async () => {
    expect(await senderOf({ id: OWN.id, url: 'https://ads.example/', frameId: 3, tab: { id: 7 } }, OWN, now)).toBe(
      undefined,
    );
    expect(await senderOf({ id: 'other-extension', url: OWN.pages, tab: { id: 7 } }, OWN, now)).toBe(undefined);
  });

  it('is one of Backstory’s own pages only at an extension address, the note editor in a page’s card included', async () => {
    expect(await senderOf({ id: OWN.id, url: `${OWN.pages}popup.html` }, OWN, now)).toEqual({
      url: `${OWN.pages}popup.html`,
      extensionPage: true,
    });
    // The editor framed in a tab, under Chrome's per-session dynamic id: still ours, and in that tab.
    const editor = 'chrome-extension://4f0a-dynamic/note-editor.html';
    expect(await senderOf({ id: OWN.id, url: editor, frameId: 5, tab: { id: 7 } }, OWN, now)).toEqual({
      tabId: 7,
      url: editor,
      extensionPage: true,
    });
    expect(
      (await senderOf({ id: OWN.id, url: 'moz-extension://uuid/note-editor.html', tab: { id: 7 } }, OWN, now))
        ?.extensionPage,
    ).toBe(true);
    // A page whose address merely mentions an extension is a page.
    expect(
      (
        await senderOf(
          { id: OWN.id, url: 'https://evil.example/chrome-extension://x/', frameId: 0, tab: { id: 8 } },
          OWN,
          now,
        )
      )?.extensionPage,
    ).toBe(false);
  });

  it('says when it is in a private window', async () => {
    expect(
      await senderOf(
        { id: OWN.id, url: 'https://example.org/a', frameId: 0, tab: { id: 9, incognito: true } },
        OWN,
        now,
      ),
    ).toEqual({ tabId: 9, url: 'https://example.org/a', incognito: true, extensionPage: false });
  });
});

import { browser } from 'wxt/browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';

/**
 * How many times this script started in this frame's isolated world: the
 * page cannot reach this global (nor forge it), while a second copy of the
 * script injected into the same world counts up. (Counted when the script's
 * code is first run, before WXT's context announces itself.)
 */
const WORLD = globalThis as { __backstoryStarted?: number };
WORLD.__backstoryStarted = (WORLD.__backstoryStarted ?? 0) + 1;

/**
 * WXT stops this copy of the script when a newer one announces itself with an
 * event on the document, which a page can forge to take every underline off.
 * A real newer copy either runs in this world (the count went up) or this
 * one's extension context is gone (reloaded or updated): any other
 * announcement is the page's, and is stopped before WXT hears it.
 */
export function ignoreForgedStarts(ctx: ContentScriptContext): void {
  const started = WORLD.__backstoryStarted ?? 0;
  ctx.addEventListener(
    window,
    // (WXT's own name for the event; private in its types.)
    (ContentScriptContext as unknown as { SCRIPT_STARTED_MESSAGE_TYPE: string })
      .SCRIPT_STARTED_MESSAGE_TYPE as keyof WindowEventMap,
    (event) => {
      const newer = (WORLD.__backstoryStarted ?? 0) > started;
      if (!newer && browser.runtime?.id) event.stopImmediatePropagation();
    },
    { capture: true },
  );
}

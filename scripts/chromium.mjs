// Finding and launching a Chromium that can load an unpacked extension.
// Shared by `npm run demo` and the end-to-end tests.
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/snap/bin/chromium',
  '/usr/lib/chromium/chromium',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  'C:\\Program Files\\Chromium\\Application\\chrome.exe',
];

// Branded Google Chrome 137 and later ignores --load-extension.
const BRANDED_CHROME = [
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
];

/**
 * The Chromium to use: `CHROME_PATH`, else the usual install paths.
 * @returns {{ path: string } | { error: string }}
 */
export function findChromium(env = process.env) {
  if (env.CHROME_PATH) {
    return existsSync(env.CHROME_PATH)
      ? { path: env.CHROME_PATH }
      : { error: `CHROME_PATH is set to ${env.CHROME_PATH}, which does not exist.` };
  }
  const found = CANDIDATES.find((p) => existsSync(p));
  if (found) return { path: found };
  const branded = BRANDED_CHROME.find((p) => existsSync(p));
  if (branded) {
    return {
      error: `Found only Google Chrome (${branded}); Chrome 137 and later ignores --load-extension. Install Chromium (Debian/Ubuntu: sudo apt-get install -y chromium) or set CHROME_PATH to a Chromium binary.`,
    };
  }
  return {
    error:
      'No Chromium found. Install it (Debian/Ubuntu: sudo apt-get install -y chromium; macOS: brew install --cask chromium) or set CHROME_PATH to a Chromium binary.',
  };
}

/** Flags that keep Chromium from phoning home on machines with a closed network. */
export const QUIET_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/**
 * The environment and flags that start Chromium with its interface in `language`
 * ("fr", "en-US"), so that `chrome.i18n.getUILanguage()` and the extension's
 * messages follow. On Linux only the `LANGUAGE` variable does (`--lang` is read on
 * Windows and macOS), and only with the language's resources installed (Debian:
 * chromium-l10n); otherwise Chromium stays in American English.
 * @param {string} language
 */
export function browserLanguage(language) {
  return { args: [`--lang=${language}`], env: { LANGUAGE: language.replace('-', '_') } };
}

/**
 * Launches Chromium with the unpacked extension in `extensionDir`. `args` are added
 * to its flags and `env` to its environment (by default it inherits this process's).
 * @param {{ extensionDir: string, executablePath: string, headless?: boolean, userDataDir?: string, viewport?: { width: number, height: number }, args?: string[], env?: Record<string, string> }} options
 */
export async function launchWithExtension(options) {
  const userDataDir = options.userDataDir ?? mkdtempSync(join(tmpdir(), 'backstory-profile-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: options.executablePath,
    headless: options.headless ?? true,
    viewport: options.viewport ?? { width: 1280, height: 900 },
    ...(options.env ? { env: { ...process.env, ...options.env } } : {}),
    args: [
      ...QUIET_FLAGS,
      // The popup is reachable only through the DevTools target list.
      '--remote-debugging-port=0',
      `--disable-extensions-except=${options.extensionDir}`,
      `--load-extension=${options.extensionDir}`,
      ...(options.args ?? []),
    ],
  });
  let [worker] = context.serviceWorkers();
  worker ??= await context.waitForEvent('serviceworker', { timeout: 30_000 });
  const extensionId = new URL(worker.url()).host;
  return { context, worker, extensionId, userDataDir };
}

/**
 * Opens the extension's real popup for `tabPage` (made the active tab first)
 * and returns a Playwright page for it. The popup is not one of the persistent
 * context's pages; a second DevTools connection to the same browser sees it.
 * @param {{ context: import('playwright-core').BrowserContext, worker: import('playwright-core').Worker, userDataDir: string }} launched
 * @param {import('playwright-core').Page} tabPage
 */
export async function openRealPopup(launched, tabPage) {
  await tabPage.bringToFront();
  await launched.worker.evaluate(() => chrome.action.openPopup());
  const port = readFileSync(join(launched.userDataDir, 'DevToolsActivePort'), 'utf8').split('\n')[0];
  const cdp = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
  const deadline = Date.now() + 10_000;
  for (;;) {
    const popup = cdp
      .contexts()
      .flatMap((c) => c.pages())
      .find((p) => p.url().endsWith('/popup.html'));
    if (popup) return { page: popup, close: () => cdp.close() };
    if (Date.now() > deadline) {
      await cdp.close();
      throw new Error('The popup did not open within 10 s.');
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Finds a page of the browser whose URL contains `fragment`, including the
 * extension's popup (which the persistent context does not list), within
 * `timeoutMs`. Returns it with a `close` for the extra DevTools connection.
 * @param {{ userDataDir: string }} launched
 * @param {string} fragment
 */
export async function findPage(launched, fragment, timeoutMs = 10_000) {
  const port = readFileSync(join(launched.userDataDir, 'DevToolsActivePort'), 'utf8').split('\n')[0];
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    // A fresh connection each time: a popup that opens after connecting is not reported to it.
    const cdp = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
    const page = cdp
      .contexts()
      .flatMap((c) => c.pages())
      .find((p) => p.url().includes(fragment));
    if (page) return { page, close: () => cdp.close() };
    await cdp.close();
    if (Date.now() > deadline) throw new Error(`No page with “${fragment}” in its URL within ${timeoutMs} ms.`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

import { defineConfig } from 'wxt';
import { addCompiledStore } from './build/fact-store-plugin';
import { lazyFranc } from './build/lazy-franc';
import { noRawHtml } from './build/no-raw-html';
import { addPrivacyPage } from './build/privacy-page';
import { NEWS_SITES_PLACEHOLDER } from './lib/news-sites-placeholder';
import { NEWS_SITE_MATCHES, TEST_SITE_MATCHES } from './lib/sites';

/**
 * The `e2e` mode (`wxt build --mode e2e`) is the build the tests and the demo
 * load: it also runs on localhost, where they serve their pages. The shipped
 * build (`wxt build`) never does.
 */
export default defineConfig({
  // @wxt-dev/i18n: the interface's messages, locales/*.yml, built into _locales and read with `i18n.t` from '#i18n'.
  modules: ['@wxt-dev/webextension-polyfill', '@wxt-dev/auto-icons', '@wxt-dev/i18n/module'],
  // The icon's one source (assets/icon.svg) drawn at each size the manifests name, at build.
  autoIcons: { baseIconPath: 'assets/icon.svg', sizes: [128, 96, 48, 32, 16] },
  // `npm run zip`: the Chrome zip, the Firefox zip and the sources zip AMO asks for. The
  // sources leave out what is not ours to ship or not needed to build: WXT already leaves
  // out node_modules, dotfiles (.packs, .output, .git) and tests' spec files.
  zip: { excludeSources: ['scratch/**', 'demo-output/**', 'test-output/**'] },
  // MV3 everywhere: Firefox 140+ supports it, and one manifest shape is simpler to keep least-privileged.
  manifestVersion: 3,
  manifest: ({ mode, browser }) => ({
    // The name, description and keyboard commands in the browser's language (locales/*.yml).
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // unlimitedStorage: the reader's notes and history are never evicted when the disk fills.
    permissions: ['storage', 'unlimitedStorage', 'contextMenus', 'scripting', 'activeTab'],
    // Any other site only once the reader turns Backstory on for it (one site at a time, from the popup).
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    host_permissions: mode === 'e2e' ? [...NEWS_SITE_MATCHES, ...TEST_SITE_MATCHES] : [...NEWS_SITE_MATCHES],
    action: {
      default_title: 'Backstory',
      // The toolbar's own sizes (Firefox does not fall back to the extension's icons).
      default_icon: { 16: 'icons/16.png', 32: 'icons/32.png', 48: 'icons/48.png' },
    },
    // The note editor is shown inside the card on pages, so a page never sees what the
    // reader types. Nothing else is exposed; on Chrome only under an address that changes
    // every session (Firefox's extension addresses already differ per install).
    web_accessible_resources: [
      {
        resources: ['note-editor.html'],
        matches: ['https://*/*', 'http://*/*'],
        ...(browser === 'chrome' ? { use_dynamic_url: true } : {}),
      },
    ],
    commands: {
      'next-mention': {
        suggested_key: { default: 'Alt+Shift+N' },
        description: '__MSG_command_nextMention__',
      },
      'previous-mention': {
        suggested_key: { default: 'Alt+Shift+P' },
        description: '__MSG_command_previousMention__',
      },
    },
    browser_specific_settings: {
      gecko: {
        id: 'backstory@backstory.invalid',
        strict_min_version: '140.0',
        // Backstory collects nothing: no data leaves the browser.
        data_collection_permissions: { required: ['none'] },
      },
      // Firefox for Android reads the data-collection declaration from 142 on.
      gecko_android: { strict_min_version: '142.0' },
    },
  }),
  hooks: {
    'build:publicAssets': (wxt, files) => {
      addCompiledStore(wxt, files);
      addPrivacyPage(wxt, files);
    },
    'build:manifestGenerated': (wxt, manifest) => {
      for (const script of manifest.content_scripts ?? []) {
        // The news sites (see lib/news-sites-placeholder.ts), and in the e2e build localhost too.
        script.matches = (script.matches ?? []).flatMap((m) =>
          m === NEWS_SITES_PLACEHOLDER ? NEWS_SITE_MATCHES : [m],
        );
        if (wxt.config.mode === 'e2e') script.matches.push(...TEST_SITE_MATCHES);
      }
    },
  },
  vite: () => ({
    esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
    // lazyFranc: the language detector's tables are built at its first use, not at every worker start.
    plugins: [noRawHtml(), lazyFranc()],
  }),
});

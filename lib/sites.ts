import outlets from './outlets.json';

/**
 * Where Backstory runs without being asked: the world's major news outlets
 * (`lib/outlets.json`: wire services, public broadcasters, national dailies
 * and the outlets of the seed articles, each with its country, language and
 * one line of provenance). `https://*.` also matches the bare host. Anywhere
 * else the reader turns Backstory on from the popup, one site at a time.
 */
export const NEWS_SITE_MATCHES: readonly string[] = outlets.flatMap((o) => o.domains.map((d) => `https://*.${d}/*`));

/** Hosts the tests and the demo serve pages from; only in the e2e build. */
export const TEST_SITE_MATCHES: readonly string[] = ['http://localhost/*', 'http://127.0.0.1/*'];

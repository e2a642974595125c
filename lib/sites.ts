/**
 * Where Backstory runs without being asked: major news sites, the outlets of
 * the seed articles, and the outlets of the saved pages in
 * `../shared/corpus/readability/INDEX.tsv`.
 */
export const NEWS_SITE_MATCHES: readonly string[] = [
  'rudaw.net',
  'bbc.co.uk',
  'bbc.com',
  'nytimes.com',
  'theguardian.com',
  'washingtonpost.com',
  'lemonde.fr',
  'liberation.fr',
  'telegraph.co.uk',
  'independent.co.uk',
  'cnn.com',
  'nbcnews.com',
  'apnews.com',
  'reuters.com',
  'aljazeera.com',
  'news.yahoo.com',
  'seattletimes.com',
  'heraldsun.com.au',
  'lanacion.com.ar',
  'folha.uol.com.br',
  'aktualne.cz',
  'heise.de',
  'arstechnica.com',
  'theverge.com',
  'engadget.com',
  'lwn.net',
  'salon.com',
  'buzzfeednews.com',
  'breitbart.com',
].map((host) => `https://*.${host}/*`); // "*." also matches the bare host

/** Hosts the tests and the demo serve pages from; only in the e2e build. */
export const TEST_SITE_MATCHES: readonly string[] = ['http://localhost/*', 'http://127.0.0.1/*'];

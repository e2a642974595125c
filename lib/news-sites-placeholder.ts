/**
 * Stands for the news outlets' match patterns in the content script's
 * definition: wxt.config.ts puts `NEWS_SITE_MATCHES` (lib/sites.ts, from
 * lib/outlets.json) in its place in the manifest, so that the list of 400
 * outlets with their provenance is not bundled into the script every page
 * runs. `.invalid` is reserved (RFC 2606): no page is ever served from it.
 */
export const NEWS_SITES_PLACEHOLDER = 'https://news-sites.backstory.invalid/*';

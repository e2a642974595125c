// A small static server for the demo pages and the pages built from seeds.

import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { listSeeds, seedCanonical, seedOutlet, seedPageFromFile } from './seed-pages.mjs';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css',
  '.js': 'text/javascript',
  '.json': 'application/json',
};

/**
 * Serves `/demo/*` from `demoDir`, `/seeds/<name>.html` built from the seeds
 * in `seedsDir`, and any extra routes given as `{ path: html }`.
 * @param {{ demoDir: string, seedsDir?: string, routes?: Record<string, string | { body: string, headers: Record<string, string> }>, port?: number }} options
 * @returns {Promise<{ origin: string, routes: Record<string, string | { body: string, headers: Record<string, string> }>, close: () => Promise<void> }>}
 */
export function startServer(options) {
  // The caller's object itself, so that a test can change a page between visits.
  const routes = options.routes ?? {};
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const send = (status, body, type = 'text/html; charset=utf-8') => {
      res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
      res.end(body);
    };
    const route = routes[url.pathname];
    if (typeof route === 'string') return send(200, route);
    if (route && typeof route === 'object') {
      // A route with its own headers (a strict CSP, say): { body, headers }.
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', ...route.headers });
      res.end(route.body);
      return;
    }
    if (url.pathname === '/' || url.pathname === '/demo/' || url.pathname === '/demo') {
      res.writeHead(302, { location: '/demo/index.html' });
      res.end();
      return;
    }
    if (url.pathname.startsWith('/demo/')) {
      const root = resolve(options.demoDir);
      const file = normalize(join(root, decodeURIComponent(url.pathname.slice('/demo/'.length))));
      if (file.startsWith(root) && existsSync(file) && statSync(file).isFile()) {
        return send(200, readFileSync(file), TYPES[extname(file)] ?? 'application/octet-stream');
      }
    }
    const seed = /^\/seeds\/([\w-]+)\.html$/.exec(url.pathname);
    if (seed && options.seedsDir) {
      const found = listSeeds(options.seedsDir).find((s) => s.name === seed[1]);
      if (found) {
        return send(
          200,
          seedPageFromFile(
            found.path,
            `Seed article ${found.name.slice(0, 3)}`,
            seedOutlet(found.name),
            seedCanonical(found.name),
          ),
        );
      }
    }
    send(404, 'Not found', 'text/plain');
  });
  return new Promise((resolvePromise) => {
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      resolvePromise({
        origin: `http://127.0.0.1:${port}`,
        routes,
        close: () => new Promise((r) => server.close(() => r())),
      });
    });
  });
}

import type { Plugin } from 'vite';

/**
 * Backstory never renders text as HTML. Preact's only raw-HTML path is
 * `dangerouslySetInnerHTML`, which this project does not use; this build step
 * turns that path's `el.innerHTML = props.__html` into a `textContent`
 * assignment, so that even a future mistake renders text, and so that
 * addons-linter finds no unsafe assignment in the bundle.
 */
export function noRawHtml(): Plugin {
  return {
    name: 'backstory-no-raw-html',
    enforce: 'pre',
    transform(code, id) {
      if (!/[\\/]node_modules[\\/]preact[\\/]/.test(id) || !code.includes('innerHTML')) return undefined;
      const out = code
        .replace(/(\b[\w$]+)\.innerHTML\s*=\s*([\w$]+)\.__html/g, '$1.textContent=$2.__html')
        .replace(/(\b[\w$]+)\.innerHTML\s*=\s*""/g, '$1.textContent=""');
      return out === code ? undefined : { code: out, map: null };
    },
  };
}

import type { EntityType } from '../factstore/schema';

/** The highlight names the page stylesheet styles: one per entity type. */
export const HIGHLIGHT_PREFIX = 'backstory-';

export function highlightName(type: EntityType): string {
  return `${HIGHLIGHT_PREFIX}${type}`;
}

/** What `CSS.highlights` offers; passed in so tests and other windows can supply their own. */
export interface HighlightEnv {
  highlights: { set(name: string, h: unknown): unknown; delete(name: string): boolean };
  Highlight: new (...ranges: Range[]) => unknown;
}

/** The page's highlight registry, when the browser has the CSS Custom Highlight API. */
export function pageHighlightEnv(win: Window & typeof globalThis = window): HighlightEnv | undefined {
  const css = win.CSS as unknown as { highlights?: HighlightEnv['highlights'] } | undefined;
  const H = (win as unknown as { Highlight?: HighlightEnv['Highlight'] }).Highlight;
  if (!css?.highlights || !H) return undefined;
  return { highlights: css.highlights, Highlight: H };
}

/**
 * Paints ranges grouped by entity type, replacing what was painted before.
 * The page's DOM is not touched.
 */
export function paint(
  env: HighlightEnv,
  byType: ReadonlyMap<EntityType, Range[]>,
  previous: Iterable<string> = [],
): string[] {
  for (const name of previous) env.highlights.delete(name);
  const names: string[] = [];
  for (const [type, ranges] of byType) {
    const name = highlightName(type);
    env.highlights.set(name, new env.Highlight(...ranges));
    names.push(name);
  }
  return names;
}

import type { TextMap } from './collect-text';

/** The most characters sent to the background in one scan (its limit is 2,000,000). */
export const MAX_PIECE = 500_000;

/** `[from, to)` pieces of `text` of at most `max` characters, cut after a newline where there is one. */
export function pieces(text: string, max: number): [number, number][] {
  const out: [number, number][] = [];
  let from = 0;
  while (from < text.length) {
    let to = Math.min(text.length, from + max);
    if (to < text.length) {
      const cut = text.lastIndexOf('\n', to);
      if (cut > from) to = cut + 1;
    }
    out.push([from, to]);
    from = to;
  }
  return out;
}

/**
 * Text maps joined end to end, a newline (a block break) between each: the
 * text of several changed blocks goes in one scan, and no match spans two.
 */
export function joinMaps(maps: readonly TextMap[]): TextMap {
  if (maps.length === 1) return maps[0] as TextMap;
  const out: TextMap = { text: '', nodes: [], starts: [] };
  const parts: string[] = [];
  let length = 0;
  for (const m of maps) {
    if (m.text.length === 0) continue;
    if (length > 0) {
      parts.push('\n');
      length++;
    }
    for (let i = 0; i < m.nodes.length; i++) {
      out.nodes.push(m.nodes[i] as Text);
      out.starts.push((m.starts[i] as number) + length);
    }
    parts.push(m.text);
    length += m.text.length;
  }
  out.text = parts.join('');
  return out;
}

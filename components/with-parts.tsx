import type { ComponentChildren } from 'preact';

/**
 * A translated message with elements in it ("On for <site>", "On <strong>name</strong>"):
 * each `{key}` left in `message` is replaced by its part, wherever the language puts it.
 * Call `i18n.t` with each placeholder kept (`{ site: '{site}' }`), so its types still
 * check the names.
 */
export function withParts(message: string, parts: Record<string, ComponentChildren>): ComponentChildren[] {
  return message
    .split(/(\{[A-Za-z0-9_]+\})/)
    .map((piece) => {
      const key = /^\{([A-Za-z0-9_]+)\}$/.exec(piece)?.[1];
      return key !== undefined && Object.hasOwn(parts, key) ? parts[key] : piece;
    })
    .filter((piece) => piece !== '');
}

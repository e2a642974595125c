import { i18n } from '#i18n';
import type { Problem } from '../lib/messages';

/**
 * What to tell the reader about a failed request: its problem in their
 * language, or `fallback` (what the caller was doing, "The note could not be
 * saved.") when the background gave no problem a reader can act on; its
 * `error` stays in English, for developers.
 */
export function problemText(res: { error: string; problem?: Problem | undefined }, fallback: string): string {
  switch (res.problem) {
    case 'privateWindow':
      return i18n.t('problem.privateWindow');
    case 'tooManyNotes':
      return i18n.t('problem.tooManyNotes');
    case 'editorGone':
      return i18n.t('problem.editorGone');
    case 'noRoom':
      return i18n.t('problem.noRoom');
    case 'noteGone':
      return i18n.t('problem.noteGone');
    default:
      return fallback;
  }
}

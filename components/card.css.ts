/**
 * The styles of Backstory's shadow root on a page, from the start: the host,
 * and the reader's private marks. The host resets every
 * inherited property (`all: initial`), so the page's CSS cannot reach in, and
 * the shadow boundary keeps these rules from reaching out. Sizes are in px,
 * not rem, so a page's `html { font-size: 4px }` does not shrink the card.
 */
export const MARKS_CSS = `
:host { all: initial; }
.mount { position: fixed; }
/* The reader's private marks (PrivateMarks): under the card, never hit by the pointer. */
.marks { position: fixed; left: 0; top: 0; width: 0; height: 0; pointer-events: none; }
.mark { position: absolute; pointer-events: none; border-radius: 2px; mix-blend-mode: multiply; }
.mark-note { background: rgba(255, 214, 102, 0.5); }
.mark-has-notes { background: rgba(255, 214, 102, 0.3); }
.mark-flash { background: rgba(255, 214, 102, 0.65); }
/* Names from the reader's own packs: underlined like the others (the page's colour variables apply). */
.mark.name { mix-blend-mode: normal; border-radius: 0; border-bottom: 1.5px solid var(--backstory-event, #c53030); }
.mark.mark-name-person { border-bottom-color: var(--backstory-person, #c05621); }
.mark.mark-name-organization { border-bottom-color: var(--backstory-organization, #2b6cb0); }
.mark.mark-name-place { border-bottom: 1px dotted var(--backstory-place, #2f855a); }
.mark.mark-name-agreement { border-bottom: 2px solid var(--backstory-agreement, #805ad5); }
.mark.mark-name-outlet { border-bottom-color: var(--backstory-outlet, #b7791f); }
@media (prefers-color-scheme: dark) {
  .mark { mix-blend-mode: normal; }
  .mark-note { background: rgba(214, 158, 46, 0.35); }
  .mark-has-notes { background: rgba(214, 158, 46, 0.22); }
}
`;

/** The card's own styles, added to the shadow root with the card's code (the marks' are there from the start). */
export const CARD_CSS = `
.card {
  box-sizing: border-box;
  width: 360px;
  max-width: calc(100vw - 16px);
  max-height: min(70vh, 520px, var(--backstory-max-height, 520px));
  overflow-y: auto;
  padding: 14px 16px 12px;
  border-radius: 10px;
  background: #fffdf8;
  color: #1d1d1b;
  border: 1px solid rgba(0, 0, 0, 0.14);
  box-shadow: 0 10px 30px rgba(0, 0, 0, 0.18), 0 2px 6px rgba(0, 0, 0, 0.08);
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Naskh Arabic", sans-serif;
  text-align: start;
}
.card * { box-sizing: border-box; }
header { display: flex; justify-content: space-between; align-items: center; }
.type { font-size: 11px; letter-spacing: 0.06em; text-transform: uppercase; color: #6b5e4b; }
.close { all: unset; cursor: pointer; font-size: 18px; line-height: 1; padding: 0 4px; color: #6b5e4b; border-radius: 4px; }
.close:focus-visible, .chip:focus-visible, a:focus-visible { outline: 2px solid #2b6cb0; outline-offset: 1px; }
h2 { margin: 2px 0 4px; font: 600 18px/1.25 Georgia, "Times New Roman", serif; color: #111; }
h3 { margin: 10px 0 4px; font-size: 12px; text-transform: uppercase; letter-spacing: 0.05em; color: #6b5e4b; }
p { margin: 0 0 8px; }
.description { color: #333; }
.role { padding: 6px 8px; background: #f3efe6; border-radius: 6px; }
.then { margin: 0 0 8px; }
.then .then-label { margin: 0 0 4px; font-size: 12px; color: #6b5e4b; }
.then .role { margin: 0 0 4px; }
.then .role.now { background: none; padding: 2px 8px; }
.then .nothing { margin: 0 0 4px; font-size: 13px; color: #6b5e4b; }
.when { color: #6b5e4b; font-variant-numeric: tabular-nums; white-space: nowrap; }
.label { color: #6b5e4b; }
.qualifier { color: #5c5346; font-style: italic; }
.source, .source a { color: #2b6cb0; font-size: 12px; }
.source.missing { color: #b83232; }
.source a { text-decoration: underline; text-underline-offset: 2px; }
dl.agreement { display: grid; grid-template-columns: max-content 1fr; gap: 2px 10px; margin: 6px 0 8px; font-size: 13px; }
dl.agreement dt { color: #6b5e4b; }
dl.agreement dd { margin: 0; }
ul, ol { margin: 0; padding-inline-start: 18px; font-size: 13px; }
li { margin: 0 0 4px; }
li[data-stance="opposes"] strong, li[data-stance="criticizes"] strong { color: #9b2c2c; }
li[data-stance="defends"] strong, li[data-stance="supports"] strong { color: #276749; }
.related { display: flex; flex-wrap: wrap; gap: 6px; margin: 10px 0 4px; }
.chip { all: unset; cursor: pointer; font-size: 12px; padding: 2px 9px; border-radius: 999px; background: #ece6d9; color: #333; }
.chip:hover { background: #e0d7c5; }
footer { margin-top: 8px; padding-top: 6px; border-top: 1px solid rgba(0, 0, 0, 0.08); font-size: 12px; color: #555; }
footer p { margin: 0 0 2px; }
.card:focus { outline: none; }
.card:focus-visible { outline: 2px solid #2b6cb0; outline-offset: 2px; }
.stories-link { all: unset; cursor: pointer; color: #2b6cb0; text-decoration: underline; text-underline-offset: 2px; }
.stories-link:focus-visible { outline: 2px solid #2b6cb0; }
.notes ul { margin: 4px 0; }
.notes li { background: #fff4cc; border-radius: 4px; padding: 2px 6px; list-style: none; margin-left: -18px; }
.add-note, .note-actions button { all: unset; cursor: pointer; font-size: 12px; color: #2b6cb0; text-decoration: underline; text-underline-offset: 2px; }
.note-actions .save { color: #fff; background: #2b6cb0; text-decoration: none; padding: 2px 10px; border-radius: 4px; }
.note-actions .save[disabled] { opacity: 0.5; cursor: default; }
.add-note:focus-visible, .note-actions button:focus-visible { outline: 2px solid #2b6cb0; }
.note-editor textarea { width: 100%; box-sizing: border-box; font: inherit; font-size: 13px; padding: 6px; border: 1px solid rgba(0, 0, 0, 0.25); border-radius: 6px; background: #fff; color: #111; resize: vertical; }
.note-frame { display: block; width: 100%; height: 120px; border: 0; margin: 0; padding: 0; background: transparent; }
.note-quote { margin: 0 0 6px; padding: 2px 8px; border-left: 3px solid #d69e2e; color: #444; font-style: italic; font-size: 13px; }
.note-error { color: #9b2c2c; font-size: 12px; margin: 4px 0; }
.note-actions { margin: 4px 0 0; }
.more { all: unset; cursor: pointer; font-size: 12px; color: #2b6cb0; margin: 2px 0 0 18px; }
.more:focus-visible { outline: 2px solid #2b6cb0; }
.site-off { all: unset; cursor: pointer; margin-top: 4px; font-size: 12px; color: #6b5e4b; text-decoration: underline; text-underline-offset: 2px; }
.site-off:focus-visible { outline: 2px solid #2b6cb0; }
@media (prefers-color-scheme: dark) {
  .card { background: #1f1e1c; color: #ece8e1; border-color: rgba(255, 255, 255, 0.16); }
  h2 { color: #f5f1ea; }
  .description { color: #d6d0c6; }
  .role { background: #2c2a26; }
  .then .then-label, .then .nothing { color: #b7ab97; }
  .type, .when, .label, .qualifier, h3, .close, dl.agreement dt { color: #b7ab97; }
  .source, .source a { color: #90cdf4; }
  .chip { background: #35322c; color: #ece8e1; }
  .site-off { color: #b7ab97; }
  .notes li { background: #4a3f1f; }
  .note-editor textarea { background: #2c2a26; color: #ece8e1; border-color: rgba(255, 255, 255, 0.2); }
  .note-quote { color: #cfc8bd; }
  footer { color: #b5ada1; border-top-color: rgba(255, 255, 255, 0.1); }
}
`;

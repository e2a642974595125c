import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { cardUi } from './content/card-ui';
import { CARD_UI_KEY, type CardUi } from './content/card-ui-api';

/**
 * The card's code (`/card-ui.js`), run by the background in a page's content
 * script world when the content script first needs a card (the `cardUi`
 * request). It leaves the card's functions under a name of that world, which
 * the page's own scripts cannot see; the content script takes them from there.
 */
export default defineUnlistedScript(() => {
  (globalThis as { [CARD_UI_KEY]?: CardUi })[CARD_UI_KEY] = cardUi;
});

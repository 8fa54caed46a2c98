/**
 * The marks an e2e build's hooks answer (extension/background/e2e-hooks.ts), shared with the content
 * script, which tells the background when a marked page has loaded (extension/page/announce-marked-page.ts).
 */

/** A page whose address carries this parameter gets the popup opened for it, as a tab. */
export const OPEN_POPUP_PARAMETER = 'gloss-e2e-open-popup';
/** A page whose address carries this parameter gets the options page (settings) opened, as a person would from the add-ons page. */
export const OPEN_SETTINGS_PARAMETER = 'gloss-e2e-open-settings';
/** A page whose address carries this parameter gets a side panel following its window, in a window of its own. */
export const OPEN_SIDE_PANEL_PARAMETER = 'gloss-e2e-open-side-panel';

/**
 * A tab whose address carries this parameter, its value a marked page's address in base64url, is where the hook
 * opens the Gloss page that mark asks for (harness/firefox.ts keeps such a tab ready): Puppeteer already knows
 * that tab, while it now and then never hears of one the extension creates.
 */
export const HOLDER_PARAMETER = 'gloss-e2e-holder';

/** The message a marked page's content script sends once the page has loaded. */
export const MARKED_PAGE_LOADED = 'gloss-e2e-marked-page-loaded';

/** Whether `url` carries `mark` as a parameter of its own, not merely its name somewhere in the address. */
export const hasMark = (url: string, mark: string): boolean => URL.canParse(url) && new URL(url).searchParams.has(mark);

export const isMarkedAddress = (url: string): boolean =>
  [OPEN_POPUP_PARAMETER, OPEN_SETTINGS_PARAMETER, OPEN_SIDE_PANEL_PARAMETER].some((mark) => hasMark(url, mark));

export const isMarkedPageLoaded = (message: unknown): boolean =>
  typeof message === 'object' && message !== null && (message as { type?: unknown }).type === MARKED_PAGE_LOADED;

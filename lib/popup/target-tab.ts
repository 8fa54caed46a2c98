/** The tab a popup describes when opened as `popup.html?tab=<id>`; null means "the active tab". */
export function tabIdFromSearch(search: string): number | null {
  return idFromSearch(search, 'tab');
}

/**
 * What a side panel describes: one tab (`sidepanel.html?tab=<id>`, as the popup), the active tab of one
 * window (`?window=<id>`: a panel opened as a page of its own, as tests do), or the active tab of the
 * window it is in (no parameter: the browser's side panel).
 */
export type PanelTarget = { follow: 'tab'; tabId: number } | { follow: 'window'; windowId: number } | { follow: 'own-window' };

export function panelTargetFromSearch(search: string): PanelTarget {
  const tabId = idFromSearch(search, 'tab');
  if (tabId !== null) return { follow: 'tab', tabId };
  const windowId = idFromSearch(search, 'window');
  if (windowId !== null) return { follow: 'window', windowId };
  return { follow: 'own-window' };
}

function idFromSearch(search: string, name: string): number | null {
  const raw = new URLSearchParams(search).get(name);
  if (raw === null || !/^\d+$/.test(raw)) return null;
  const id = Number(raw);
  return Number.isSafeInteger(id) ? id : null;
}

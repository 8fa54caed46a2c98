/** Query parameters that only track where a visitor came from; they never change the page. */
const TRACKING_PARAMETERS = new Set([
  'fbclid',
  'gclid',
  'dclid',
  'gbraid',
  'wbraid',
  'msclkid',
  'yclid',
  'twclid',
  'ttclid',
  'li_fat_id',
  'mc_cid',
  'mc_eid',
  '_ga',
  '_gl',
  'igshid',
  'ref_src',
  'ref_url',
  'oly_anon_id',
  'oly_enc_id',
  'vero_id',
  'wickedid',
  '_hsenc',
  '_hsmi',
  'mkt_tok',
  'spm',
  'si',
]);
const TRACKING_PREFIXES = ['utm_', 'pk_', 'mtm_', 'hsa_', 'itm_'];

function isTrackingParameter(name: string): boolean {
  const lower = name.toLowerCase();
  return TRACKING_PARAMETERS.has(lower) || TRACKING_PREFIXES.some((prefix) => lower.startsWith(prefix));
}

/**
 * The key under which Gloss files a page: the same article reached through a share link, a
 * newsletter or a heading anchor gets the same key. Drops the fragment, tracking parameters and
 * default ports, lower-cases the host (the URL parser does that) and keeps the remaining parameters in
 * their order, because some sites route on them. Returns null for addresses that cannot be parsed.
 */
export function normalizePageUrl(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return null;
  }
  parsed.hash = '';
  const kept = [...parsed.searchParams].filter(([name]) => !isTrackingParameter(name));
  parsed.search = '';
  for (const [name, value] of kept) parsed.searchParams.append(name, value);
  // The URL parser already drops ports that are the scheme's default; an empty path becomes "/".
  return parsed.href.replace(/\?$/, '');
}

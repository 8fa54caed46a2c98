/**
 * Obsidian's wikilinks and inline `#tags` as markdown-it inline rules, so that they are read where the
 * Markdown is read: not inside code or an escaped mark (`\#tag` is text), and with the characters typed
 * around them, which decide whether a `#` starts a tag (`tagAt`, shared with search).
 *
 * Each rule gives a token with the text as typed in `content` (a description's words and a link's words
 * show it so) and what it names in `meta`.
 */
import type { MarkdownIt, StateInline } from 'markdown-it';
import { tagAt } from './inline-tags';
import { wikilinkAt } from './wikilinks';

export const WIKILINK_TOKEN = 'obsidian_wikilink';
export const INLINE_TAG_TOKEN = 'obsidian_inline_tag';

/**
 * markdown-it scans a link's words silently and refuses words that hold a link, so a wikilink answers only
 * when read: in a link's words it then shows as typed, as before wikilinks were read (`[a [[b]] c](https://…)`).
 */
function wikilinkRule(state: StateInline, silent: boolean): boolean {
  if (silent) return false;
  const found = wikilinkAt(state.src, state.pos);
  if (!found || state.pos + found.length > state.posMax) return false;
  const token = state.push(WIKILINK_TOKEN, '', 0);
  token.content = state.src.slice(state.pos, state.pos + found.length);
  token.meta = { ...found.link };
  state.pos += found.length;
  return true;
}

function inlineTagRule(state: StateInline, silent: boolean): boolean {
  const tag = tagAt(state.src, state.pos);
  if (!tag || state.pos + 1 + tag.length > state.posMax) return false;
  if (!silent) {
    const token = state.push(INLINE_TAG_TOKEN, '', 0);
    token.content = `#${tag}`;
    token.meta = { tag };
  }
  state.pos += 1 + tag.length;
  return true;
}

/** Adds both rules: wikilinks before markdown-it reads `[` as a link, tags at any `#` it reaches. */
export function obsidianInlineRules(md: MarkdownIt): void {
  md.inline.ruler.before('link', 'obsidian_wikilink', wikilinkRule);
  md.inline.ruler.after('escape', 'obsidian_inline_tag', inlineTagRule);
}

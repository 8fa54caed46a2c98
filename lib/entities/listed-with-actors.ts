/**
 * Names a text lists with threat actors: "Telegram channels of Killnet, Sokolniki, NoName057(16) and Dozor-41". A
 * name no list has, in a list that holds two actors or more, is proposed as one more actor; the learned model then
 * checks it as it checks every name only a cue proposed. A pair is no evidence ("Foxmail and Outlook", "Zhu Hua and
 * Zhang Shilong and APT10": a product, people), nor is a comma alone ("Since May, Sokolniki has…"): items are joined
 * by "and" / "or", or by a comma where the list goes on. Each step reads a short slice at one item's edge, so the
 * pass is linear in the items.
 */
import { isNameLike, leadingStopWords, NAME } from './cue-names';
import type { Mention } from './types';

type Item = Pick<Mention, 'start' | 'end'>;

const SEP = String.raw`(?:,[ \u00a0]+(?:(?:and|or)[ \u00a0]+)?|[ \u00a0]+(?:and|or)[ \u00a0]+)`;
const SEP_AT_START = new RegExp(String.raw`^${SEP}`);
const NAME_AT_START = new RegExp(String.raw`^${NAME}`);
const NAME_THEN_SEP = new RegExp(String.raw`(${NAME})(${SEP})$`);
/** The list goes on after an item. */
const LIST_GOES_ON = new RegExp(String.raw`^${SEP}\S`);
const AND_OR = /\b(?:and|or)[ \u00a0]+$/;
/** How far the next item may reach (three long words). */
const REACH = 64;

/**
 * Names listed with the actors at `actors` (in text order), none of them at a span `taken` already holds
 * (listed, cued or scheme-made names are decided by their own rules).
 */
export function namesListedWithActors(text: string, actors: readonly Item[], taken: (start: number, end: number) => boolean): Mention[] {
  // The longest actor at each start ("NoName057(16)", not "NoName057").
  const anchors = [...actors].sort((a, b) => a.start - b.start || b.end - a.end);
  const anchorAt = new Map<number, Item>();
  for (const a of anchors) if (!anchorAt.has(a.start)) anchorAt.set(a.start, a);
  const found: Mention[] = [];
  const done = new Set<Item>();
  for (const first of anchors) {
    if (done.has(first)) continue;
    // Read the list rightwards from its first actor: actors and new names, each joined to the one before.
    let actorsInList = 1;
    const names: Mention[] = namesBefore(text, first, taken);
    let item: Item = first;
    done.add(first);
    for (;;) {
      const sep = SEP_AT_START.exec(text.slice(item.end, item.end + 16));
      if (!sep) break;
      const start = item.end + sep[0].length;
      const next = anchorAt.get(start) ?? newName(text, start, taken);
      if (!next) break;
      // A comma alone joins only inside a list that goes on past the next item.
      if (!AND_OR.test(sep[0]) && !LIST_GOES_ON.test(text.slice(next.end, next.end + 8))) break;
      if (anchorAt.has(start)) {
        actorsInList++;
        done.add(next);
      } else names.push(next as Mention);
      item = next;
    }
    if (actorsInList >= 2) found.push(...names);
  }
  return found;
}

/** The new names that open a list before its first actor ("Dozor-41, Sokolniki and Killnet"), nearest last. */
function namesBefore(text: string, first: Item, taken: (start: number, end: number) => boolean): Mention[] {
  const names: Mention[] = [];
  let item = first;
  for (;;) {
    let from = Math.max(0, item.start - REACH);
    // From a word's start: a slice that starts inside a word would read its tail as a name.
    if (from > 0) from += Math.max(0, text.slice(from, item.start).search(/[\s\u00a0]/) + 1);
    const m = NAME_THEN_SEP.exec(text.slice(from, item.start));
    if (!m) break;
    // A comma alone joins only where the list goes on after the item it joins.
    if (!AND_OR.test(m[2]) && !LIST_GOES_ON.test(text.slice(item.end, item.end + 8))) break;
    const name = newName(text, from + m.index, taken);
    if (!name || name.end !== from + m.index + m[1].length) break;
    names.unshift(name);
    item = name;
  }
  return names;
}

/** A name no rule has said anything about, starting at `start`, whole (no stop word before it). */
function newName(text: string, start: number, taken: (start: number, end: number) => boolean): Mention | undefined {
  const m = NAME_AT_START.exec(text.slice(start, start + REACH));
  if (!m) return undefined;
  // A name ends in a letter or digit, or in the last dot of initials ("M.O.D."): nothing to trim.
  const name = m[0];
  if (leadingStopWords(name) > 0 || !isNameLike(name) || taken(start, start + name.length)) return undefined;
  return { start, end: start + name.length, text: name };
}

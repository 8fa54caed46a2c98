/**
 * What a candidate's own spelling, and the word right after it, say about it, for `decide-candidates.ts`:
 * camel case, a group, company or kit word after the name, a group noun that ends a listed name, and
 * whether a listed form is an ordinary word. Each is an anchored test on the name or a short slice after it.
 */
import { formKey, type ActorDictionary } from './dictionary';

/** A lower-case letter then a capital inside a word: "DragonForce", "BlackByte". */
export const CAMEL_CASE = /\p{Ll}\p{Lu}/u;
/** A group noun right after a software name: "the TrickBot gang", "the Conti syndicate". */
export const GANG_AFTER = /^[\s\u00a0]+(?:gang|group|crew|syndicate|cartel)\b/i;
export const RANSOMWARE_AFTER = /^[\s\u00a0]+ransomware\b/i;

/**
 * A listed name ending in a lower-case group noun: "Winnti group". The name is `(.*\S|\s)`, not `(.+?)`: the
 * same match, without a lazy name and the spaces after it trading characters (super-linear backtracking).
 */
export const LOWER_GROUP = /^(.*\S|[\s\u00a0])[\s\u00a0]+(?:group|gang|team)$/;

/** A builder or kit named after a tool, capitalised as part of its name: "Taurus Builder Kit". */
export const KIT_AFTER = /^[ \u00a0]+(?:Builder|Building)(?:[ \u00a0]+Kit)?\b|^[ \u00a0]+Kit\b/;

/** A company word right after a name: "Alibaba Cloud", "Foo Inc.", "Bar Technologies". */
export const COMPANY_AFTER =
  /^[ \u00a0]+(?:Cloud|Inc|Ltd|LLC|Corp|Corporation|Company|Co\.|GmbH|Technologies|Institute|Foundation|University|Bank|Holdings)\b/;

/** A listed actor name that is an organisation's: "Mabna Institute" (not "Company": "The White Company" is a group). */
export const ORGANISATION_END = /[ \u00a0](?:Institute|University|Ministry|Bureau)$/;

/** A group noun after a name that is an ordinary word, which makes it a name: "Elfin Group", "Cobalt gang". */
export const GROUP_NOUN_AFTER = /^[ \u00a0]+(?:group|gang|team|crew)\b/i;

/** A listed actor name that ends in a group noun: "Winnti Group", "Cobalt Gang". */
export const GROUP_NAME = /[\s\u00a0](?:group|gang|team|crew)$/i;

/** Per dictionary, the keys of its weak forms (ordinary words: `Cobalt`, `Leviathan`), made when first asked. */
const weakFormKeys = new WeakMap<ActorDictionary, Set<string>>();
export function isWeakForm(dictionary: ActorDictionary, name: string): boolean {
  let keys = weakFormKeys.get(dictionary);
  if (!keys) weakFormKeys.set(dictionary, (keys = new Set(dictionary.forms.filter((f) => f.weak).map((f) => formKey(f.form)))));
  return keys.has(formKey(name));
}

export const isSingleWord = (s: string) => !/[\s\u00a0]/.test(s.trim());

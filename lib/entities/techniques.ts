/**
 * MITRE ATT&CK techniques in article text, one entity per technique (canonical name as ATT&CK writes
 * it, "Phishing: Spearphishing Link" for a sub-technique; `attackId` its id). The techniques and the
 * forms of their names that count in running text are `attack-techniques.ts`.
 *
 * What counts as a mention, and why:
 * - An id (T1566, T1566.001) standing alone. An id ATT&CK no longer lists (T1086, from older reports)
 *   counts only when the text otherwise speaks ATT&CK (a listed id, "ATT&CK", "MITRE"): a bare T1086
 *   could be a part number.
 * - A technique's name right after or before its own id ("T1105: Ingress Tool Transfer",
 *   "| T1090 | Proxy", "Phishing (T1566)"), whatever the name: the id settles what it means. An id
 *   followed by its name (past a colon, dash or table bar) is one mention, as a reader sees it.
 * - A name in running text, case-insensitively, when it cannot be an ordinary phrase (the forms in
 *   `attack-techniques.ts`).
 * Links and file paths do not count (see isInsideLinkOrPath).
 */
import { LOWER_CASE_ONLY, techniqueCatalogue, type AttackTechniqueData, type Technique } from './attack-techniques';
import type { NameSearchGroup } from './folded-search';
import { createNameMatcher, isAtNameBoundary, isInsideLinkOrPath, selectLongest, type NameMatcher } from './match-names';
import { abbreviationMentions } from './technique-abbreviations';
import { rowNameEnd, TextLines } from './technique-rows';
import type { Entity, Mention } from './types';

export type { AttackTechniqueData } from './attack-techniques';

export function createTechniqueFinder(data: AttackTechniqueData, group?: NameSearchGroup): (text: string) => Entity[] {
  const { byId, forms } = techniqueCatalogue(data);
  const matcher = createNameMatcher(forms, group);
  const byName = new Map(forms.map((f) => [f.form.toLowerCase(), f.data]));
  const techniqueOf = (name: string) => byName.get(name);
  return (text) => findTechniques(text, byId, matcher, techniqueOf);
}

/** An id; a sub-technique's also as ATT&CK's addresses write it, "T1137/006". */
const ID = /(?<![\p{L}\p{N}])T1\d{3}(?:[./]\d{3})?(?![\p{L}\p{N}])/gu;
const ATTACK_CONTEXT = /ATT&CK|MITRE/i;
const SEPARATOR_AFTER = /^[ \t]*[:|–—-]?[ \t]*/u;
const SEPARATOR_BEFORE = /(?<![ \t])[ \t]*[([][ \t]*$/u;

/** "phishing page", "phishing kit": infrastructure built for phishing, not the act. */
const PHISHING_INFRASTRUCTURE =
  /^[ \t]+(?:pages?|sites?|websites?|landing|content|kits?|domains?|infrastructure|box|servers?)(?![\p{L}\p{N}])/iu;

/** A name joined by a hyphen to the next word is part of a compound: "ransomware-as-a-service", "ransomware-related". */
const COMPOUND = /^-\p{L}/u;

/**
 * The noun a technique named by a gerund (or "brute force") modifies belongs to the mention: "phishing
 * campaigns", "a spear phishing email", "a brute-force attack" name the act, as AnnoCTR's annotators mark
 * it. A technique named by a noun keeps its name alone: "ransomware attacks" is marked "ransomware".
 */
const MODIFIER = /(?:ing|brute[ -]force)$/i;
const HEAD_NOUN = /^[ \t]+(?:e-?mail[ \t]+)?(?:campaigns?|e-?mails?|attacks?)(?![\p{L}\p{N}])/iu;

interface Found extends Mention {
  id: string;
  /** An id with the cell or link after it (`technique-rows.ts`), not a bare id or name. */
  row?: boolean;
  /** The name within the mention, when the mention is longer ("phishing" in "phishing campaigns"). */
  label?: string;
}

function findTechniques(
  text: string,
  byId: ReadonlyMap<string, Technique>,
  matcher: NameMatcher<string>,
  techniqueOf: (name: string) => string | undefined,
): Entity[] {
  const found: Found[] = [];
  const ids = [...text.matchAll(ID)].filter(
    (m) => isAtNameBoundary(text, m.index, m.index + m[0].length) && !isInsideLinkOrPath(text, m.index, m.index + m[0].length),
  );
  let lines: TextLines | undefined;
  const speaksAttack = ids.some((m) => byId.has(m[0].replace('/', '.'))) || ATTACK_CONTEXT.test(text);
  for (const match of ids) {
    const id = match[0].replace('/', '.');
    const start = match.index;
    const end = start + match[0].length;
    const technique = byId.get(id);
    if (!technique && !speaksAttack) continue;
    const rowEnd = rowNameEnd(text, start, end, (lines ??= new TextLines(text)));
    if (rowEnd !== undefined) {
      found.push({ start, end: rowEnd, text: text.slice(start, rowEnd), id, row: true });
      continue;
    }
    if (!technique) {
      found.push({ start, end, text: match[0], id });
      continue;
    }
    const after = nameAfter(text, end, technique);
    if (after) {
      found.push({ start, end: after.end, text: text.slice(start, after.end), id });
      continue;
    }
    found.push({ start, end, text: match[0], id });
    const before = nameBefore(text, start, technique);
    if (before) found.push({ ...before, text: text.slice(before.start, before.end), id });
  }
  for (const hit of matcher.findAll(text)) {
    if (isInsideLinkOrPath(text, hit.start, hit.end)) continue;
    if (hit.data[0] === 'T1566' && PHISHING_INFRASTRUCTURE.test(text.slice(hit.end, hit.end + 16))) continue;
    if (COMPOUND.test(text.slice(hit.end, hit.end + 2))) continue;
    if (hit.text !== hit.text.toLowerCase() && LOWER_CASE_ONLY.has(hit.text.toLowerCase())) continue;
    const end = hit.end + (MODIFIER.test(hit.text) ? (HEAD_NOUN.exec(text.slice(hit.end, hit.end + 40))?.[0].length ?? 0) : 0);
    found.push({ start: hit.start, end, text: text.slice(hit.start, end), id: hit.data[0], label: hit.text });
  }
  found.push(...abbreviationMentions(text, techniqueOf));
  return group(selectLongest(found), byId);
}

/** The technique's name (full or bare) written right after its id, past a colon, dash or table bar. */
function nameAfter(text: string, idEnd: number, technique: Technique) {
  const separator = SEPARATOR_AFTER.exec(text.slice(idEnd, idEnd + 8))!;
  const start = idEnd + separator[0].length;
  for (const name of [technique.canonical, technique.name]) {
    const end = start + name.length;
    if (text.slice(start, end).toLowerCase() === name.toLowerCase() && isAtNameBoundary(text, start, end)) {
      return { start, end };
    }
  }
  return undefined;
}

/** The technique's name written right before its id in brackets: "Phishing (T1566)". */
function nameBefore(text: string, idStart: number, technique: Technique) {
  const separator = SEPARATOR_BEFORE.exec(text.slice(Math.max(0, idStart - 8), idStart));
  if (!separator) return undefined;
  const end = idStart - separator[0].length;
  for (const name of [technique.canonical, technique.name]) {
    const start = end - name.length;
    if (start >= 0 && text.slice(start, end).toLowerCase() === name.toLowerCase() && isAtNameBoundary(text, start, end)) {
      return { start, end };
    }
  }
  return undefined;
}

function group(found: readonly Found[], byId: ReadonlyMap<string, Technique>): Entity[] {
  const entities = new Map<string, Entity>();
  for (const { id, row, label, ...mention } of found) {
    let entity = entities.get(id);
    if (!entity) {
      const canonical = byId.get(id)?.canonical ?? id;
      entity = {
        kind: 'technique',
        name: techniqueLabel(label ?? mention.text, id, canonical),
        canonical,
        aliases: [],
        mentions: [],
        attackId: id,
      };
      entities.set(id, entity);
    }
    if (row) entity.foundBy = { rules: { row: true } };
    entity.mentions.push(mention);
  }
  return [...entities.values()];
}

/**
 * How a technique is named in the list: as the text first writes it when that is a name ("phishing",
 * "T1566", "Process Hollowing"), or by its id and ATT&CK's name when the first mention is a table row,
 * a linked id or a sentence ("T1078 Valid Accounts", not "T1078 | Valid Accounts | The group uses…").
 * An id ATT&CK no longer lists takes the name its row gives it ("T1107 File Deletion").
 */
export function techniqueLabel(firstMention: string, id: string, canonical: string): string {
  const isName = firstMention.length <= 60 && !/[|\n[\]()]/.test(firstMention) && !/^T1\d{3}(?:\.\d{3})?\s*:/.test(firstMention);
  if (isName) return firstMention;
  if (canonical !== id) return `${id} ${canonical}`;
  const rowName = firstMention
    .slice(id.length)
    .replace(/^\]\([^)\s]*\)/, '')
    .replace(/^[\s|:*]+/, '')
    .split('|')[0]
    .trim();
  return rowName && rowName.length <= 60 ? `${id} ${rowName}` : id;
}

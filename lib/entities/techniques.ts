/**
 * MITRE ATT&CK techniques in article text, one entity per technique (canonical name as ATT&CK writes
 * it, "Phishing: Spearphishing Link" for a sub-technique; `attackId` its id).
 *
 * What counts as a mention, and why:
 * - An id (T1566, T1566.001) standing alone. An id ATT&CK no longer lists (T1086, from older reports)
 *   counts only when the text otherwise speaks ATT&CK (a listed id, "ATT&CK", "MITRE"): a bare T1086
 *   could be a part number.
 * - A technique's name right after or before its own id ("T1105: Ingress Tool Transfer",
 *   "| T1090 | Proxy", "Phishing (T1566)"), whatever the name: the id settles what it means. An id
 *   followed by its name (past a colon, dash or table bar) is one mention, as a reader sees it.
 * - A name in running text, case-insensitively, when it cannot be an ordinary phrase:
 *   - a sub-technique's full form ("Phishing: Spearphishing Link");
 *   - a technique of two or more words, except the few that name everyday things (GENERIC_PARENTS);
 *   - a sub-technique of two or more words only when it names an action, i.e. ends in a word in
 *     -ing, -ion or -ment ("Process Hollowing", "File Deletion"); names of things ("Local Account",
 *     "Messaging Applications", "Control Panel") need their parent or their id;
 *   - a name that starts with a verb ("Modify Registry") only as ATT&CK capitalises it;
 *   - one-word names only where the word means the technique and nothing else (SINGLE_WORD_IDS):
 *     "Proxy", "Malware", "DNS" and "PowerShell" are mostly just the thing.
 * - COMMON_NAMES: the names researchers use for a technique that ATT&CK does not ("DDoS",
 *   "ransomware", "web shell"), written for Gloss.
 * Links and file paths do not count (see isInsideLinkOrPath).
 */
import type { NameSearchGroup } from './folded-search';
import { createNameMatcher, isAtNameBoundary, isInsideLinkOrPath, selectLongest, type NameMatcher } from './match-names';
import type { Entity, Mention } from './types';

/** The ATT&CK techniques and tactics, shaped like data/attack-techniques.json. */
export interface AttackTechniqueData {
  techniques: { id: string; name: string; tactics?: string[]; parent?: string }[];
  tactics: { id: string; name: string; shortname?: string }[];
}

/**
 * Everyday names → ATT&CK id. Ransomware is Data Encrypted for Impact (ATT&CK's own description of
 * T1486); denial of service in threat reports is almost always network flooding (T1498); "identity
 * theft" and "fraud" are outcomes, not ATT&CK techniques, and are not listed.
 */
const COMMON_NAMES: Record<string, readonly string[]> = {
  T1566: ['phishing', 'spear phishing', 'spear-phishing', 'spearphishing'],
  T1498: [
    'DDoS',
    'distributed denial of service',
    'distributed denial-of-service',
    'denial of service',
    'denial-of-service',
    'DoS attack',
    'DoS attacks',
  ],
  T1486: ['ransomware'],
  T1014: ['rootkits'],
  'T1542.003': ['bootkits'],
  'T1505.003': ['web shell', 'web shells', 'webshell', 'webshells'],
  T1003: ['credential dumping'],
  T1110: ['brute-force', 'brute forcing', 'brute-forcing'],
  'T1574.001': ['DLL side-loading', 'DLL sideloading', 'DLL hijacking', 'DLL search order hijacking'],
  T1189: ['drive-by download', 'drive-by downloads', 'watering hole attack', 'watering hole attacks'],
  T1557: ['man-in-the-middle'],
  'T1550.002': ['pass-the-hash'],
  'T1550.003': ['pass-the-ticket'],
  'T1496.001': ['cryptojacking'],
  'T1071.004': ['DNS tunneling', 'DNS tunnelling'],
  'T1548.002': ['UAC bypass'],
  'T1070.006': ['timestomping'],
  T1134: ['token manipulation'],
  'T1055.001': ['DLL injection'],
  'T1566.002': ['spearphishing link', 'spearphishing links'],
  'T1568.002': ['domain generation algorithm', 'domain generation algorithms'],
};

/** One-word ATT&CK names that mean the technique and nothing else. */
const SINGLE_WORD_IDS = new Set([
  'T1566',
  'T1014',
  'T1542.003',
  'T1056.001',
  'T1001.002',
  'T1027.003',
  'T1070.006',
  'T1558.003',
  'T1003.006',
  'T1491',
  'T1583.008',
  'T1557',
  'T1055.015',
  'T1542.004',
]);

/** Multi-word technique names that are also everyday phrases (a web page's "Create Account"). */
const GENERIC_PARENTS = new Set([
  'native api',
  'web service',
  'system services',
  'remote services',
  'shared modules',
  'power settings',
  'software extensions',
  'wi-fi networks',
  'exclusive control',
  'trusted relationship',
  'hardware additions',
  'data staged',
  'remote access tools',
  'scheduled transfer',
  'clipboard data',
  'inter-process communication',
  'create account',
  'acquire access',
  'hide infrastructure',
  'financial theft',
  'selective exclusion',
]);

/** Sub-technique names with an action word that still name a thing. */
const THING_SUBS = new Set([
  'multi-factor authentication',
  'reversible encryption',
  'bidirectional communication',
  'one-way communication',
  'device registration',
  'mutual exclusion',
  'standard encoding',
]);

const ACTION_WORD = /(?:ing|ion|ment)$/i;

/**
 * ATT&CK names that start with a verb; in lower case they are ordinary verb phrases ("to compromise
 * accounts", "modify registry keys"), so they are matched only as ATT&CK writes them.
 */
const VERB_FIRST = new Set([
  'Abuse',
  'Acquire',
  'Archive',
  'Break',
  'Build',
  'Bypass',
  'Change',
  'Clear',
  'Compile',
  'Compromise',
  'Create',
  'Delay',
  'Delete',
  'Deobfuscate/Decode',
  'Deploy',
  'Determine',
  'Develop',
  'Disable',
  'Escape',
  'Establish',
  'Exploit',
  'Forge',
  'Gather',
  'Hide',
  'Hijack',
  'Identify',
  'Ignore',
  'Impair',
  'Implant',
  'Inhibit',
  'Install',
  'Make',
  'Masquerade',
  'Match',
  'Modify',
  'Obtain',
  'Overwrite',
  'Patch',
  'Purchase',
  'Query',
  'Reduce',
  'Relocate',
  'Rename',
  'Revert',
  'Run',
  'Scan',
  'Search',
  'Spoof',
  'Stage',
  'Steal',
  'Subvert',
  'Taint',
  'Transfer',
  'Upload',
  'Use',
  'Weaken',
]);
const DEPRIORITISED_TACTICS = new Set(['reconnaissance', 'resource-development']);

interface Technique {
  id: string;
  canonical: string;
  /** The name without its parent (differs from `canonical` for sub-techniques). */
  name: string;
}

export function createTechniqueFinder(data: AttackTechniqueData, group?: NameSearchGroup): (text: string) => Entity[] {
  // Where two techniques share a name ("Spearphishing Link"), the one outside reconnaissance and
  // resource development is what reports mean; sorting first makes it the one registered.
  const sorted = [...data.techniques].sort((a, b) => Number(isDeprioritised(a.tactics)) - Number(isDeprioritised(b.tactics)));
  const names = new Map(data.techniques.map((t) => [t.id, t.name]));
  const byId = new Map<string, Technique>();
  const forms = new Map<string, { form: string; caseSensitive: boolean; data: string }>();
  const addForm = (form: string, id: string, caseSensitive = false) => {
    const key = caseSensitive ? form : form.toLowerCase();
    if (!forms.has(key)) forms.set(key, { form, caseSensitive, data: id });
  };
  for (const t of sorted) {
    const parentName = t.parent ? names.get(t.parent) : undefined;
    const canonical = parentName ? `${parentName}: ${t.name}` : t.name;
    byId.set(t.id, { id: t.id, canonical, name: t.name });
    if (parentName) addForm(canonical, t.id);
    if (isFreeTextName(t.name, t.id, Boolean(parentName))) addForm(t.name, t.id, VERB_FIRST.has(t.name.split(' ')[0]));
  }
  for (const [id, common] of Object.entries(COMMON_NAMES)) if (byId.has(id)) for (const form of common) addForm(form, id);
  const matcher = createNameMatcher([...forms.values()], group);
  return (text) => findTechniques(text, byId, matcher);
}

function isDeprioritised(tactics: readonly string[] | undefined): boolean {
  return Boolean(tactics?.length) && tactics!.every((t) => DEPRIORITISED_TACTICS.has(t));
}

function isFreeTextName(name: string, id: string, isSub: boolean): boolean {
  const words = name.split(/\s+/);
  if (words.length === 1) return SINGLE_WORD_IDS.has(id);
  const key = name.toLowerCase();
  if (!isSub) return !GENERIC_PARENTS.has(key);
  return ACTION_WORD.test(words.at(-1)!) && !THING_SUBS.has(key);
}

const ID = /(?<![\p{L}\p{N}])T1\d{3}(?:\.\d{3})?(?![\p{L}\p{N}])/gu;
const ATTACK_CONTEXT = /ATT&CK|MITRE/i;
const SEPARATOR_AFTER = /^[ \t]*[:|–—-]?[ \t]*/u;
const SEPARATOR_BEFORE = /[ \t]*[([][ \t]*$/u;

/** "phishing page", "phishing kit": infrastructure built for phishing, not the act. */
const PHISHING_INFRASTRUCTURE =
  /^[ \t]+(?:pages?|sites?|websites?|landing|content|kits?|domains?|infrastructure|box|servers?)(?![\p{L}\p{N}])/iu;

interface Found extends Mention {
  id: string;
}

function findTechniques(text: string, byId: ReadonlyMap<string, Technique>, matcher: NameMatcher<string>): Entity[] {
  const found: Found[] = [];
  const ids = [...text.matchAll(ID)].filter(
    (m) => isAtNameBoundary(text, m.index, m.index + m[0].length) && !isInsideLinkOrPath(text, m.index, m.index + m[0].length),
  );
  const speaksAttack = ids.some((m) => byId.has(m[0])) || ATTACK_CONTEXT.test(text);
  for (const match of ids) {
    const id = match[0];
    const start = match.index;
    const end = start + id.length;
    const technique = byId.get(id);
    if (!technique) {
      if (speaksAttack) found.push({ start, end, text: id, id });
      continue;
    }
    const after = nameAfter(text, end, technique);
    if (after) {
      found.push({ start, end: after.end, text: text.slice(start, after.end), id });
      continue;
    }
    found.push({ start, end, text: id, id });
    const before = nameBefore(text, start, technique);
    if (before) found.push({ ...before, text: text.slice(before.start, before.end), id });
  }
  for (const hit of matcher.findAll(text)) {
    if (isInsideLinkOrPath(text, hit.start, hit.end)) continue;
    if (hit.data[0] === 'T1566' && PHISHING_INFRASTRUCTURE.test(text.slice(hit.end, hit.end + 16))) continue;
    found.push({ start: hit.start, end: hit.end, text: hit.text, id: hit.data[0] });
  }
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
  for (const { id, ...mention } of found) {
    let entity = entities.get(id);
    if (!entity) {
      entity = { kind: 'technique', name: mention.text, canonical: byId.get(id)?.canonical ?? id, aliases: [], mentions: [], attackId: id };
      entities.set(id, entity);
    }
    entity.mentions.push(mention);
  }
  return [...entities.values()];
}

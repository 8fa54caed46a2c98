/**
 * The ATT&CK techniques as Gloss reads them from data/attack-techniques.json (MITRE ATT&CK®, © The MITRE
 * Corporation, reproduced under its licence; attribution in public/NOTICE.txt): each technique's
 * canonical name ("Phishing: Spearphishing Link" for a sub-technique) and the forms of its name that count
 * as a mention in running text, with the reasons below. The finder is `techniques.ts`.
 *
 * Which names count in running text, and why:
 * - a sub-technique's full form ("Phishing: Spearphishing Link");
 * - a technique of two or more words, except the few that name everyday things (GENERIC_PARENTS);
 * - a sub-technique of two or more words only when it names an action, i.e. ends in a word in
 *   -ing, -ion or -ment ("Process Hollowing", "File Deletion"); names of things ("Local Account",
 *   "Messaging Applications", "Control Panel") need their parent or their id;
 * - a name that starts with a verb ("Modify Registry") only as ATT&CK capitalises it;
 * - one-word names only where the word means the technique and nothing else (SINGLE_WORD_IDS):
 *   "Proxy", "Malware", "DNS" and "PowerShell" are mostly just the thing;
 * - COMMON_NAMES: the names researchers use for a technique that ATT&CK does not ("DDoS",
 *   "ransomware", "web shell"), written for Gloss; COMMON_ABBREVIATIONS the same, matched as written
 *   ("RaaS").
 */
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

/**
 * Everyday abbreviations → ATT&CK id, matched only as written: "RaaS" is Ransomware-as-a-Service wherever
 * it appears (a text that spells it out also defines it, `technique-abbreviations.ts`; many never do),
 * while "raas" or "RAAS" may be anything.
 */
const COMMON_ABBREVIATIONS: Record<string, readonly string[]> = {
  T1486: ['RaaS'],
};

/**
 * Common names that are the technique only in lower case: "Ransomware" with a capital heads a title
 * ("Ransomware Roundup: March 2018") or ends a family's name ("Epsilon Ransomware"), where it names the
 * subject or the software, not the act. (Still found in any case, so that "Ransomware-as-a-Service
 * (RaaS)" defines its abbreviation: `technique-abbreviations.ts`.)
 */
export const LOWER_CASE_ONLY: ReadonlySet<string> = new Set(['ransomware']);

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

export interface Technique {
  id: string;
  canonical: string;
  /** The name without its parent (differs from `canonical` for sub-techniques). */
  name: string;
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

/** Every technique by id, and the forms of their names to look for in running text. */
export interface TechniqueCatalogue {
  byId: ReadonlyMap<string, Technique>;
  forms: { form: string; caseSensitive: boolean; data: string }[];
}

export function techniqueCatalogue(data: AttackTechniqueData): TechniqueCatalogue {
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
  for (const [id, common] of Object.entries(COMMON_ABBREVIATIONS)) if (byId.has(id)) for (const form of common) addForm(form, id, true);
  return { byId, forms: [...forms.values()] };
}

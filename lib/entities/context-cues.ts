/**
 * Context cues: the words around a name that say what it is, for names no list has and for listed
 * names that are also ordinary words or also software.
 *
 * Two kinds of cue:
 * - around one mention (`actorCue`, `softwareCue`): the few words right before and after it, e.g.
 *   "X group", "threat actor X", "attributed to X" (an actor); "X malware", "X backdoor",
 *   "deployed X" (software). Each is one anchored regex test on a short slice;
 * - over the whole text (`findCuedNames`): a handful of global regexes, one linear pass each, that
 *   propose names no list has: "the X group", "X ransomware gang", "threat actor X", "tracked as X",
 *   "dubbed X", "known as X", "aka X", "X (also known as Y, Z)", "Known (ABBR)", and names a text gives a
 *   group it introduces: "we dubbed the gang X", "the group — which refers to itself as X", "X is a
 *   ransomware gang", "X, a financially motivated group", "the X APT".
 * A proposed name must look like a name: a capitalised word (or up to three), camelCase, or a
 * vendor-scheme shape, never a stop word ("The", "Russian", "Microsoft").
 */

/** A name-like token: capitalised, camelCase or with digits; joined by - or . inside. */
const TOKEN = String.raw`(?:[A-Z][A-Za-z0-9]*|[a-z]+[A-Z][A-Za-z0-9]*)(?:[-.][A-Za-z0-9]+)*`;
/**
 * Where a name may start: not inside a word, nor inside words joined by - or . ("CVE-CVE-…"). Without
 * it a pattern that begins with a name retries from every letter of a long run, and each try reads to
 * the run's end: quadratic (200 KB of "CVE-" took minutes). With it each run is read from its start.
 */
const NAME_START = String.raw`(?<![A-Za-z0-9]|[A-Za-z0-9][-.])`;
/** Up to three name-like tokens (multi-word names such as "Fancy Lazarus", "Armada Collective"). */
const NAME = String.raw`${NAME_START}${TOKEN}(?:[ \u00a0]${TOKEN}){0,2}`;
const OPEN_QUOTE = String.raw`[“"'‘*_]*`;

/** Capitalised words that are not names: articles, pronouns, nationalities, vendors, generic nouns. */
const STOP_WORDS = new Set(
  (
    'The This That These Those A An And Or But Of In On At By For With From To As Is Are Was Were Be It Its ' +
    'Our Their They We He She His Her Which Who What When Where While Also Both Each Other Another Some Such Many ' +
    'Several Most All Any One Two New Old First Last Latest Recent Previous Known Unknown Same Several Another ' +
    'Russian Chinese Iranian Korean North South East West Vietnamese Pakistani Indian Israeli Turkish Ukrainian ' +
    'American European Arab Arabic Belarusian Syrian Lebanese Palestinian Brazilian Nigerian Latin Spanish ' +
    'Portuguese German French Italian British Japanese Western Eastern Middle ' +
    'APT Threat Threats Actor Actors Group Groups Gang Team Crew Hacker Hackers Hacking Ransomware Malware Cyber ' +
    'Cybercrime Criminal Criminals Espionage State Nation Advanced Persistent Research Researchers Security ' +
    'Intelligence Operation Operations Campaign Campaigns Attack Attacks Government Military Unit Labs Lab ' +
    'Microsoft Google Mandiant FireEye CrowdStrike Proofpoint Symantec Kaspersky ESET Cisco Talos Unit42 ' +
    'Palo Alto Networks Trend Micro Sophos Zscaler Secureworks Recorded Future IBM Check Point Intel Windows ' +
    'Linux Android Apple macOS iOS Python Java Office Excel Word PowerShell Figure Table Source Note Update ' +
    'Ransomware-as-a-Service RaaS Initial Access Broker Brokers Affiliate Affiliates Operator Operators ' +
    'However Moreover Further Furthermore Additionally Finally Meanwhile Therefore Thus Notably Interestingly Similarly'
  ).split(' '),
);

/** Whether a proposed name is name-like: no stop word first or last, some letter in it. */
export function isNameLike(name: string): boolean {
  const words = name.split(/[ \u00a0]/);
  if (words.some((w) => STOP_WORDS.has(w) || DESCRIBING.test(w))) return false;
  // "the Minebridge RAT threat actors": a software name, not the group's.
  if (words.length > 1 && SOFTWARE_NOUN.test(words[words.length - 1])) return false;
  return /[A-Za-z]/.test(name) && name.length >= 2;
}

/** Compound adjectives that describe an actor rather than name it: "State-sponsored", "China-nexus". */
const DESCRIBING = /-(?:based|linked|sponsored|speaking|nexus|backed|affiliated|aligned|related|themed|like|style|motivated|oriented)$/i;

const SOFTWARE_NOUN =
  /^(?:RAT|Loader|Stealer|Trojan|Backdoor|Botnet|Bot|Ransomware|Malware|Campaign|Kit|Builder|Panel|Dropper|Worm|Wiper|Miner)s?$/i;

/** Nouns that make the name before them a group: "Cobalt group", "DarkSide operators". */
const ACTOR_AFTER =
  /^(?:['’]s)?[\s\u00a0]+(?:threat[\s\u00a0]+(?:actors?|groups?)|APT[\s\u00a0]+groups?|(?:hacking|hacker|cybercrime|criminal|ransomware|extortion|espionage)[\s\u00a0]+(?:groups?|gangs?|crews?)|group|gang|crew|actors?|operators?|affiliates?|hackers?|members|developers?|APT)\b/i;
/** Words that make the name after them a group: "threat actor X", "attributed to X". */
const ACTOR_BEFORE =
  /\b(?:threat[\s\u00a0]+(?:actors?|groups?)|APT[\s\u00a0]+(?:groups?|actors?)|hacking[\s\u00a0]+group|cybercrime[\s\u00a0]+group|(?:ransomware[\s\u00a0]+)?gangs?|group|actor|attributed[\s\u00a0]+(?:it[\s\u00a0]+)?to|attribution[\s\u00a0]+to|tracked[\s\u00a0]+as|tracks[\s\u00a0]+as|(?:also[\s\u00a0]+)?known[\s\u00a0]+as|aka|a\.k\.a\.|dubbed|named|groups[\s\u00a0]+such[\s\u00a0]+as|groups[\s\u00a0]+like|operators[\s\u00a0]+of[\s\u00a0]+the|members[\s\u00a0]+of(?:[\s\u00a0]+the)?)[\s\u00a0]*[“"'‘*_(]*$/i;
/** A name followed by a software noun: "Emotet malware", "Taurus Stealer", "Winnti sample". */
const SOFTWARE_AFTER =
  /^(?:['’]s)?[\s\u00a0-]+(?:(?:banking[\s\u00a0]+)?trojans?|malware|ransomware|backdoors?|RATs?|loaders?|droppers?|(?:info)?stealers?|implants?|payloads?|samples?|variants?|binar(?:y|ies)|botnets?|rootkits?|worms?|beacons?|toolkits?|frameworks?|modules?|plugins?|famil(?:y|ies)|executables?|DLLs?|builders?|panels?|infections?|bots?|wipers?|keyloggers?|downloaders?|miners?|web[\s\u00a0]?shells?|shells?|scripts?|agents?|servers?|clients?|strains?|versions?|code|builds?|kits?|spyware|adware|wallets?|exploits?|tool)\b/i;
/** Verbs and nouns that make the name after them software: "deployed X", "a variant of X". */
const SOFTWARE_BEFORE =
  /\b(?:deploy(?:ed|s|ing)?|install(?:ed|s|ing)?|dropp(?:ed|ing)|drops|load(?:ed|s|ing)|deliver(?:ed|s|ing)?|execut(?:ed|es|ing)|download(?:ed|s|ing)?|distribut(?:ed|es|ing)|infected[\s\u00a0]+with|infections?[\s\u00a0]+of|variants?[\s\u00a0]+of|samples?[\s\u00a0]+of|versions?[\s\u00a0]+of|copy[\s\u00a0]+of|instances?[\s\u00a0]+of|such[\s\u00a0]+as[\s\u00a0]+the|(?:malware|ransomware|backdoors?|trojans?|loaders?|tools?|RATs?|stealers?|families)[\s\u00a0]+(?:such[\s\u00a0]+as|like|including|called|named|dubbed|known[\s\u00a0]+as))[\s\u00a0]+(?:the[\s\u00a0]+|a[\s\u00a0]+|an[\s\u00a0]+)?[“"'‘*_]*$/i;

/**
 * The name is then said to be a group: "X is a ransomware gang", "X, a Russian-speaking group",
 * "X: one of the newest ransomware gangs", "X was not the only group". Up to three describing words
 * between the article and the noun, none of them a word that starts a new phrase ("X, a backdoor used
 * by the group" is no cue).
 */
const IS_A_GROUP = String.raw`[”"'’*_]*(?:(?::[*_“"\s\u00a0]*|,[\s\u00a0]+)(?:[Aa]n?|[Oo]ne[\s\u00a0]+of[\s\u00a0]+the)|(?<![\s\u00a0])[\s\u00a0]+(?:is|was|are|were|remains?)(?:[\s\u00a0]+(?:also|still|not|now|currently|likely|probably|reportedly|believed[\s\u00a0]+to[\s\u00a0]+be))?[\s\u00a0]+(?:an?|the|one[\s\u00a0]+of[\s\u00a0]+the))[\s\u00a0]+(?:(?!(?:by|of|for|from|used|with|to|that|which|and|or|in|on|at)\b)[\w-]+[\s\u00a0]+){0,3}?(?:group|gang|crew|threat[\s\u00a0]+actor|collective|syndicate|APT)s?\b`;
const IS_A_GROUP_AFTER = new RegExp(`^${IS_A_GROUP}`, 'i');

const WINDOW = 48;

/** Whether the words right around `text[start, end)` call it a threat actor. */
export function actorCue(text: string, start: number, end: number): boolean {
  return cuesAround(text, start, end).actor;
}

/**
 * A cue that makes even a software name a group: a group noun right after it ("DarkSide
 * affiliates", "TrickBot gang") or "threat actor", "attributed to" right before it.
 */
const STRONG_BEFORE =
  /\b(?:threat[\s\u00a0]+(?:actors?|groups?)|attributed[\s\u00a0]+(?:it[\s\u00a0]+)?to|groups[\s\u00a0]+such[\s\u00a0]+as|operators[\s\u00a0]+of[\s\u00a0]+the)[\s\u00a0]*[“"'‘*_]*$/i;
export function strongActorCue(text: string, start: number, end: number): boolean {
  return cuesAround(text, start, end).strongActor;
}

/** Whether the words right around `text[start, end)` call it software (malware or a tool). */
export function softwareCue(text: string, start: number, end: number): boolean {
  return SOFTWARE_AFTER.test(text.slice(end, end + WINDOW)) || SOFTWARE_BEFORE.test(text.slice(Math.max(0, start - WINDOW), start));
}

/** `actorCue`, `strongActorCue` and `softwareCue` at once, each window cut and read once. */
export function cuesAround(text: string, start: number, end: number): { actor: boolean; strongActor: boolean; software: boolean } {
  const after = text.slice(end, end + WINDOW);
  const before = text.slice(Math.max(0, start - WINDOW), start);
  const actorAfter = ACTOR_AFTER.test(after) || IS_A_GROUP_AFTER.test(after);
  return {
    actor: actorAfter || ACTOR_BEFORE.test(before),
    strongActor: actorAfter || STRONG_BEFORE.test(before),
    software: SOFTWARE_AFTER.test(after) || SOFTWARE_BEFORE.test(before),
  };
}

/**
 * Words that make a page a threat report, near a mention: a weak name ("Cobalt", "Play") needs one
 * of them within the same sentence-sized window, or a direct cue (`actorCue`, `softwareCue`).
 */
const NEARBY_THREAT =
  /\b(?:threat|actors?|APT|group|gang|attack(?:s|ed|ers?)?|campaigns?|malware|ransomware|backdoor|espionage|hack(?:ers?|ing|ed)|intrusions?|phishing|compromised?|exploit(?:s|ed|ing)?|C2|payloads?|infections?|operators?|targets?|targeted|targeting)\b/i;

export function threatNearby(text: string, start: number, end: number, radius = 100): boolean {
  const before = text.slice(Math.max(0, start - radius), start);
  const after = text.slice(end, end + radius);
  // Stay within the sentence (or line) of the mention.
  const b = before.split(/[.!?]\s|\n/).pop() ?? '';
  const a = after.split(/[.!?]\s|\n/)[0] ?? '';
  return NEARBY_THREAT.test(b) || NEARBY_THREAT.test(a);
}

export type CueKind = 'actor' | 'software';

export interface CuedName {
  start: number;
  end: number;
  text: string;
  kind: CueKind;
  /** For aliases given in apposition ("X (also known as Y)", "X (ABBR)"): the span of X. */
  aliasOf?: { start: number; end: number };
}

interface CueRule {
  regex: RegExp;
  kind: CueKind;
  /** Capture group of the name. */
  group: number;
}

const S = String.raw`[\s\u00a0]+`;
/** Global cue regexes: each proposes the captured name. */
const CUE_RULES: readonly CueRule[] = [
  // "the X group", "the X gang", "the X threat actors", "X ransomware gang/group/operators/affiliates"
  {
    regex: new RegExp(
      String.raw`\b[Tt]he${S}(${NAME})${S}(?:(?:threat${S})?actors?|group|gang|crew|threat${S}group|APT${S}group|hacking${S}group|cybercrime${S}group)\b`,
      'g',
    ),
    kind: 'actor',
    group: 1,
  },
  {
    regex: new RegExp(String.raw`\b(${NAME})${S}ransomware${S}(?:gang|group|operators?|affiliates?|crew|actors?)\b`, 'g'),
    kind: 'actor',
    group: 1,
  },
  // "threat actor X", "APT group X", "group named X", "threat actor dubbed X"
  {
    regex: new RegExp(
      String.raw`\b(?:threat${S}actors?|threat${S}groups?|APT${S}groups?|hacking${S}group|cybercrime${S}group)${S}(?:(?:named|called|dubbed|known${S}as|tracked${S}as)${S})?${OPEN_QUOTE}(${NAME})`,
      'g',
    ),
    kind: 'actor',
    group: 1,
  },
  {
    regex: new RegExp(String.raw`\b(?:group|actor|gang)${S}(?:named|called|dubbed)${S}${OPEN_QUOTE}(${NAME})`, 'g'),
    kind: 'actor',
    group: 1,
  },
  // "tracked as X", "we (have) dubbed X", "attributed to X"
  {
    regex: new RegExp(String.raw`\b(?:tracks?|tracked|tracking)${S}(?:\w+${S}){0,2}?as${S}${OPEN_QUOTE}(${NAME})`, 'g'),
    kind: 'actor',
    group: 1,
  },
  {
    regex: new RegExp(
      String.raw`\bthe${S}aliases${S}${OPEN_QUOTE}(${NAME})[”"'’*_]*(?:,?${S}(?:and|or)${S}|,${S})${OPEN_QUOTE}(${NAME})`,
      'g',
    ),
    kind: 'actor',
    group: 1,
  },
  {
    regex: new RegExp(
      String.raw`\bthe${S}aliases${S}${OPEN_QUOTE}(?:${NAME})[”"'’*_]*(?:,?${S}(?:and|or)${S}|,${S})${OPEN_QUOTE}(${NAME})`,
      'g',
    ),
    kind: 'actor',
    group: 1,
  },
  { regex: new RegExp(String.raw`\b(?:other${S})?alias${S}${OPEN_QUOTE}(${NAME})`, 'g'), kind: 'actor', group: 1 },
  // "we dubbed the gang X", "tracking this new group as X", "refer to the actor as X"
  {
    regex: new RegExp(
      String.raw`\b(?:dubb(?:ed|ing|s)?|call(?:ed|ing|s)?|nam(?:ed|ing|es?)|label(?:l?ed|l?ing|s)?|track(?:ed|ing|s)?|refer(?:red|ring|s)?${S}to)${S}(?:the|this|these|that)${S}(?:new${S}|latest${S}|unknown${S}|previously${S}unknown${S})?(?:threat${S})?(?:group|gang|actors?|crew|collective|cluster|operators?|hackers?)${S}(?:as${S})?${OPEN_QUOTE}(${NAME})`,
      'g',
    ),
    kind: 'actor',
    group: 1,
  },
  // "the group — which refers to itself as X", "a gang that calls itself X" (within the sentence)
  {
    regex: new RegExp(
      String.raw`\b(?:group|gang|crew|collective|actors?|hackers?|operators?)\b[^.!?\n]{0,60}?\b(?:refers?|referred|call(?:s|ed)?|names?|named|brands?|branded|styles?|styled|describes?|described)${S}(?:to${S})?(?:itself|themselves)${S}(?:as${S})?(?:the${S})?${OPEN_QUOTE}(${NAME})`,
      'g',
    ),
    kind: 'actor',
    group: 1,
  },
];

/**
 * Cues read after the name they propose: "X is a ransomware gang", "X, a financially motivated group",
 * "X: one of the newest gangs"; "Darkside APT", "the Sidewinder APT" (not "APT groups", "APT-C-36",
 * "APT 28"). A pattern that starts with a name is tried at every capitalised word of the text; these are
 * found from the words after the name instead (far rarer), and the name is then read backwards from
 * there (`nameEndingAt`). A run of spaces is entered only at its start (`(?<![\s\u00a0])`): tried from
 * every space of a long run, `[\s\u00a0]+` would read the rest of the run each time (quadratic).
 */
const NAME_FIRST_RULES: readonly RegExp[] = [
  new RegExp(IS_A_GROUP, 'g'),
  new RegExp(String.raw`(?<![\s\u00a0])${S}APT(?![-.]?[A-Za-z0-9])(?!${S}(?:groups?|actors?)\b)`, 'g'),
];
/** A name that ends a short stretch of text. */
const NAME_AT_END = new RegExp(`(${NAME})$`);
/** How far back from its cue a name may start (three long words). */
const NAME_REACH = 64;

/** The name that ends right at `index` (within `NAME_REACH` characters, from a word's start), if any. */
function nameEndingAt(text: string, index: number): { start: number; name: string } | undefined {
  let from = Math.max(0, index - NAME_REACH);
  // Not from inside a word: the slice starts after the first space unless it starts the text.
  if (from > 0) {
    const space = text.slice(from, index).search(/[\s\u00a0]/);
    if (space < 0) return undefined;
    from += space + 1;
  }
  const m = NAME_AT_END.exec(text.slice(from, index));
  return m ? { start: from + m.index, name: m[1] } : undefined;
}

/**
 * "X (also known as Y, Z)", "X, also known as Y or Z", "X aka Y", "Known (ABBR)": names given as
 * other names of a name. Which kind they are follows X (decided by the caller).
 */
const AKA = new RegExp(
  String.raw`(${NAME})[”"'’*_]*(?:,${S}|(?:${S})?\((?:${S})?)(?:also${S}known${S}as|also${S}called|also${S}tracked${S}as|aka|a\.k\.a\.?|formerly${S}known${S}as)${S}((?:${OPEN_QUOTE}${NAME}[”"'’*_]*(?:,${S}(?:and${S}|or${S})?|${S}(?:and|or)${S})?){1,6})`,
  'g',
);
const ABBREVIATION = new RegExp(String.raw`(${NAME})${S}\(([A-Z][A-Z0-9]{1,5})\)`, 'g');
const LIST_ITEM = new RegExp(`${OPEN_QUOTE}(${NAME})`, 'g');

/** Names proposed by context (see the module comment), in text order; overlaps are all kept. */
export function findCuedNames(text: string): CuedName[] {
  const out: CuedName[] = [];
  const push = (start: number, name: string, kind: CueKind, aliasOf?: CuedName['aliasOf']) => {
    const trimmed = name.replace(/[.\s]+$/, '');
    if (!isNameLike(trimmed)) return;
    out.push({ start, end: start + trimmed.length, text: trimmed, kind, aliasOf });
  };
  for (const rule of CUE_RULES) {
    for (const m of text.matchAll(rule.regex)) {
      const name = m[rule.group];
      const start = m.index + m[0].lastIndexOf(name);
      push(start, name, rule.kind);
    }
  }
  for (const regex of NAME_FIRST_RULES) {
    for (const m of text.matchAll(regex)) {
      const found = nameEndingAt(text, m.index);
      if (found) push(found.start, found.name, 'actor');
    }
  }
  for (const m of text.matchAll(AKA)) {
    const head = m[1];
    const headStart = m.index;
    const aliasOf = { start: headStart, end: headStart + head.length };
    const listStart = m.index + m[0].length - m[2].length;
    for (const item of m[2].matchAll(LIST_ITEM)) {
      push(listStart + item.index + item[0].length - item[1].length, item[1], 'actor', aliasOf);
    }
  }
  for (const m of text.matchAll(ABBREVIATION)) {
    const start = m.index + m[0].length - m[2].length - 1;
    push(start, m[2], 'actor', { start: m.index, end: m.index + m[1].length });
  }
  out.sort((a, b) => a.start - b.start || b.end - a.end || Number(!a.aliasOf) - Number(!b.aliasOf));
  // One proposal per span (an alias proposal, which says what it names, first).
  return out.filter((c, i) => i === 0 || c.start !== out[i - 1].start || c.end !== out[i - 1].end);
}

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
 *   "dubbed X", "known as X", "aka X", "X (also known as Y, Z)", "Known (ABBR)", and the names a text
 *   gives a group it introduces (`group-introducing-cues.ts`: "we dubbed the gang X", "X APT").
 * A proposed name must look like a name (`cue-names.ts`): a capitalised word (or up to three), camelCase,
 * or a vendor-scheme shape, never a stop word ("The", "Russian", "Microsoft").
 */
import { INITIALS, isNameLike, leadingStopWords, NAME, OPEN_QUOTE, S, type CueKind, type CuedName } from './cue-names';
import { findIntroducedGroups, IS_A_GROUP_AFTER } from './group-introducing-cues';
import { findSameGroupNames } from './same-group-cues';
import { listedBeforeGroupNoun } from './coordinated-names';

/** Nouns that make the name before them a group: "Cobalt group", "DarkSide operators", "“Mustang Panda” group". */
const ACTOR_AFTER =
  /^(?:[”"*_]*['’]s)?[”"'’*_]*[\s\u00a0]+(?:threat[\s\u00a0]+(?:actors?|groups?)|APT[\s\u00a0]+groups?|(?:hacking|hacker|cybercrime|criminal|ransomware|extortion|espionage)[\s\u00a0]+(?:groups?|gangs?|crews?)|(?:ransomware(?:-as-a-service)?|RaaS)[\s\u00a0]+(?:operators?|affiliates?|actors?|operations?|programs?)|group|gang|crew|syndicate|cartel|actors?|operators?|operations?|affiliates?|hackers?|members|developers?|core[\s\u00a0]+team|APT)\b/i;
/**
 * People who lead or belong to the name before them, after a possessive: "LockBit's leader", "the disruption of
 * LockBit, whose leader…", "Conti, whose members…". Software has no leader: a strong cue. "Windows
 * administrators" is no cue: the noun needs the possessive or "whose".
 */
const LEADER_AFTER =
  /^(?:[”"*_]*['’]s|[”"'’*_]*,?[\s\u00a0]+whose)[\s\u00a0]+(?:(?:alleged|suspected|former|main|top|current|new)[\s\u00a0]+)?(?:leaders?|leadership|administrators?|admins?|founders?|spokes(?:person|man|woman)|ringleaders?|masterminds?|members|affiliates|operators)\b/i;
/**
 * A name a group goes by or gives itself, right before it: "a gang going by the name X", "the group,
 * which refers to itself as X", "hackers calling themselves X". A strong cue: it makes even a
 * ransomware's name the gang's.
 */
const SELF_NAMED_BEFORE =
  /\b(?:(?:group|gang|crew|collective)s?[\s\u00a0]+(?:(?:that|which|who)[\s\u00a0]+)?(?:go(?:es|ing)?|went)[\s\u00a0]+by[\s\u00a0]+(?:the[\s\u00a0]+)?(?:names?|monikers?)(?:[\s\u00a0]+of)?|(?:call(?:s|ed|ing)|refer(?:s|red|ring)?[\s\u00a0]+to|nam(?:es|ed|ing)|brand(?:s|ed|ing))[\s\u00a0]+(?:itself|themselves)(?:[\s\u00a0]+as)?(?:[\s\u00a0]+the)?)[\s\u00a0]*[“"'‘*_]*$/i;
/** Words that make the name after them a group: "threat actor X", "attributed to X", "worked for X" (one works for people, not software). */
const ACTOR_BEFORE =
  /\b(?:threat[\s\u00a0]+(?:actors?|groups?)|APT[\s\u00a0]+(?:groups?|actors?)|hacking[\s\u00a0]+group|cybercrime[\s\u00a0]+group|(?:ransomware[\s\u00a0]+)?gangs?|group|actor|attributed[\s\u00a0]+(?:it[\s\u00a0]+)?to|attribution[\s\u00a0]+to|tracked[\s\u00a0]+as|tracks[\s\u00a0]+as|(?:also[\s\u00a0]+)?known[\s\u00a0]+as|aka|a\.k\.a\.|dubbed|named|groups[\s\u00a0]+such[\s\u00a0]+as|groups[\s\u00a0]+like|operators[\s\u00a0]+of[\s\u00a0]+the|(?:members?|affiliates?)[\s\u00a0]+of(?:[\s\u00a0]+the)?|worked[\s\u00a0]+for(?:[\s\u00a0]+the)?|affiliated[\s\u00a0]+with(?:[\s\u00a0]+the)?|(?:used|operated|developed|deployed|favou?red|employed)[\s\u00a0]+by(?:[\s\u00a0]+the)?)[\s\u00a0]*[“"'‘*_(]*$/i;
/**
 * A name followed by a software noun: "Emotet malware", "Taurus Stealer", "Winnti sample"; not "X
 * ransomware gang", "X ransomware operators", "X ransomware operation": that is the gang named after its ransomware.
 */
const SOFTWARE_AFTER =
  /^(?:[”"*_]*['’]s)?[”"'’*_]*[\s\u00a0-]+(?:(?:banking[\s\u00a0]+)?trojans?|malware|ransomware(?![\s\u00a0]+(?:gangs?|groups?|crews?|operators?|affiliates?|actors?|operations?)\b)|backdoors?|RATs?|loaders?|droppers?|(?:info)?stealers?|implants?|payloads?|samples?|variants?|binar(?:y|ies)|botnets?|rootkits?|worms?|beacons?|toolkits?|frameworks?|modules?|plugins?|famil(?:y|ies)|executables?|DLLs?|builders?|panels?|infections?|bots?|wipers?|keyloggers?|downloaders?|miners?|web[\s\u00a0]?shells?|shells?|scripts?|agents?|servers?|clients?|strains?|versions?|code|builds?|kits?|spyware|adware|wallets?|exploits?|tool)\b/i;
/** Verbs and nouns that make the name after them software: "deployed X", "a variant of X". */
const SOFTWARE_BEFORE =
  /\b(?:deploy(?:ed|s|ing)?|install(?:ed|s|ing)?|dropp(?:ed|ing)|drops|load(?:ed|s|ing)|deliver(?:ed|s|ing)?|execut(?:ed|es|ing)|download(?:ed|s|ing)?|distribut(?:ed|es|ing)|infected[\s\u00a0]+with|infections?[\s\u00a0]+of|variants?[\s\u00a0]+of|samples?[\s\u00a0]+of|versions?[\s\u00a0]+of|copy[\s\u00a0]+of|instances?[\s\u00a0]+of|such[\s\u00a0]+as[\s\u00a0]+the|(?:malware|ransomware|backdoors?|trojans?|loaders?|tools?|RATs?|stealers?|families)[\s\u00a0]+(?:such[\s\u00a0]+as|like|including|called|named|dubbed|known[\s\u00a0]+as))[\s\u00a0]+(?:the[\s\u00a0]+|a[\s\u00a0]+|an[\s\u00a0]+)?[“"'‘*_]*$/i;

/**
 * A naming word whose noun is software: "a new ransomware strain dubbed X", "the backdoor, which we
 * named X". Such a name is software, though "dubbed X" alone would make it a group (`ACTOR_BEFORE`).
 */
const SOFTWARE_NAMED_BEFORE =
  /\b(?:malware|ransomware|strains?|variants?|backdoors?|trojans?|loaders?|(?:info)?stealers?|RATs?|implants?|droppers?|downloaders?|wipers?|worms?|botnets?|rootkits?|keyloggers?|spyware|famil(?:y|ies)),?[\s\u00a0]+(?:(?:which|that)[\s\u00a0]+)?(?:(?:we|researchers|they)[\s\u00a0]+(?:have[\s\u00a0]+)?)?(?:dubbed|named|called|known[\s\u00a0]+as|tracked[\s\u00a0]+as)[\s\u00a0]*[“"'‘*_]*$/i;

const WINDOW = 48;

/** Whether the words right around `text[start, end)` call it a threat actor. */
export function actorCue(text: string, start: number, end: number): boolean {
  return cuesAround(text, start, end).actor;
}

/**
 * A cue that makes even a software name a group: a group noun right after it ("DarkSide
 * affiliates", "TrickBot gang") or "threat actor", "attributed to", "affiliates of", "a member of", "worked for",
 * "affiliated with", "the ransomware gang",
 * "a cybercrime group", "the gang, also known as" right before it.
 */
const STRONG_BEFORE =
  /\b(?:threat[\s\u00a0]+(?:actors?|groups?)|attributed[\s\u00a0]+(?:it[\s\u00a0]+)?to|groups[\s\u00a0]+such[\s\u00a0]+as|operators[\s\u00a0]+of[\s\u00a0]+the|(?:affiliates|members)[\s\u00a0]+of(?:[\s\u00a0]+the)?|worked[\s\u00a0]+for(?:[\s\u00a0]+the)?|affiliated[\s\u00a0]+with(?:[\s\u00a0]+the)?|gang|(?:ransomware|extortion|cybercrime|hacking)[\s\u00a0]+group|(?:ransomware|RaaS|extortion)[\s\u00a0]+operation|(?:gang|group|crew),?[\s\u00a0]+(?:also[\s\u00a0]+)?known[\s\u00a0]+as)[\s\u00a0]*[“"'‘*_]*$/i;
export function strongActorCue(text: string, start: number, end: number): boolean {
  return cuesAround(text, start, end).strongActor;
}

/** Whether the words right around `text[start, end)` call it software (malware or a tool). */
export function softwareCue(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - WINDOW), start);
  return SOFTWARE_AFTER.test(text.slice(end, end + WINDOW)) || SOFTWARE_BEFORE.test(before) || SOFTWARE_NAMED_BEFORE.test(before);
}

/** `actorCue`, `strongActorCue` and `softwareCue` at once, each window cut and read once. */
export function cuesAround(text: string, start: number, end: number): { actor: boolean; strongActor: boolean; software: boolean } {
  const after = text.slice(end, end + WINDOW);
  const before = text.slice(Math.max(0, start - WINDOW), start);
  const actorAfter =
    ACTOR_AFTER.test(after) || LEADER_AFTER.test(after) || IS_A_GROUP_AFTER.test(after) || listedBeforeGroupNoun(text, end, WINDOW);
  const namedSoftware = SOFTWARE_NAMED_BEFORE.test(before);
  const selfNamed = SELF_NAMED_BEFORE.test(before);
  return {
    actor: actorAfter || selfNamed || (!namedSoftware && ACTOR_BEFORE.test(before)),
    strongActor: actorAfter || selfNamed || STRONG_BEFORE.test(before),
    software: namedSoftware || SOFTWARE_AFTER.test(after) || SOFTWARE_BEFORE.test(before),
  };
}

/**
 * Words that may follow a name without being the head of its noun phrase: "a version of the lynx that…",
 * "deployed the root on…". Any other lower-case word right after a lower-case name is the phrase's head,
 * the name only its modifier ("a version of the root folder", "installed the root certificate").
 */
const HEAD_NOUN_AFTER =
  /^[\s\u00a0]+(?!(?:and|or|but|nor|that|which|who|whose|is|was|were|are|be|been|has|had|have|will|would|can|could|may|might|in|on|at|to|for|from|with|by|of|as|into|onto|via|since|when|while|after|before|then|also|itself|not)\b)\p{Ll}+\b/u;

/**
 * A software cue for a name written in lower case: a software noun after it ("lynx ransomware"), or a
 * verb or noun before it that governs the name itself, not a noun after it: "a copy of the lynx", not
 * "a version of the root folder".
 */
export function lowerCaseSoftwareCue(text: string, start: number, end: number): boolean {
  const after = text.slice(end, end + WINDOW);
  if (SOFTWARE_AFTER.test(after)) return true;
  return SOFTWARE_BEFORE.test(text.slice(Math.max(0, start - WINDOW), start)) && !HEAD_NOUN_AFTER.test(after);
}

/**
 * Words that make a page a threat report, near a mention: a weak name ("Cobalt", "Play") needs one
 * of them within the same sentence-sized window, or a direct cue (`actorCue`, `softwareCue`).
 */
const NEARBY_THREAT =
  /\b(?:threat|actors?|APT|group|gang|attack(?:s|ed|ers?)?|campaigns?|malware|ransomware|backdoor|espionage|hack(?:ers?|ing|ed)|intrusions?|phishing|compromised?|exploit(?:s|ed|ing)?|C2|payloads?|infections?|operators?|targets?|targeted|targeting)\b/i;

export function threatNearby(text: string, start: number, end: number, radius = 100): boolean {
  return wordInSentence(text, start, end, NEARBY_THREAT, radius);
}

/**
 * Whether `words` (a regex without the `g` flag) match within `radius` characters of text[start, end),
 * staying in its sentence (or line).
 */
export function wordInSentence(text: string, start: number, end: number, words: RegExp, radius: number): boolean {
  const before =
    text
      .slice(Math.max(0, start - radius), start)
      .split(/[.!?]\s|\n/)
      .pop() ?? '';
  const after = text.slice(end, end + radius).split(/[.!?]\s|\n/)[0] ?? '';
  return words.test(before) || words.test(after);
}

/**
 * Lower-case words that say what kind of group the noun after them is: "the X cybercriminal group", "the X
 * state-sponsored espionage group", "the X threat actors".
 */
const GROUP_DESCRIBING = String.raw`(?:threat|APT|hacking|hacker|hacktivist|cybercrime|cyber-?criminal|criminal|e-?crime|extortion|(?:cyber-?)?espionage|state-sponsored|nation-state|financially${S}motivated)`;

interface CueRule {
  regex: RegExp;
  kind: CueKind;
  /** Capture group of the name. */
  group: number;
}

/** Global cue regexes: each proposes the captured name. */
/** Nouns for software a text may say it tracks under a name: "a variant tracked as X". */
const SOFTWARE_NOUNS = String.raw`variants?|strains?|versions?|malware|ransomware|backdoors?|trojans?|loaders?|(?:info)?stealers?|RATs?|implants?|droppers?|downloaders?|wipers?|worms?|botnets?|rootkits?|drivers?|utilit(?:y|ies)|tools?|famil(?:y|ies)|samples?`;
const CUE_RULES: readonly CueRule[] = [
  // "the X group", "the X gang", "the X threat actors", "the X (ABBR) group", "X ransomware gang/group/operators/affiliates/operation"
  {
    regex: new RegExp(
      String.raw`\b[Tt]he${S}(${NAME})${S}(?:\([A-Z][A-Z0-9]{1,5}\)${S})?(?:${GROUP_DESCRIBING}${S}){0,2}(?:actors?|group|gang|crew|collective|syndicate)\b`,
      'g',
    ),
    kind: 'actor',
    group: 1,
  },
  {
    regex: new RegExp(String.raw`\b(${NAME})${S}ransomware${S}(?:gang|group|operators?|affiliates?|crew|actors?|operation)\b`, 'g'),
    kind: 'actor',
    group: 1,
  },
  // "threat actor X", "APT group X", "the hacktivist group X", "group named X", "threat actor dubbed X", "the crew known as X"
  {
    regex: new RegExp(
      String.raw`\b(?:threat${S}actors?|${GROUP_DESCRIBING}${S}(?:groups?|gangs?|crews?|collective|syndicate))(?:${S}|,${S}(?=named|called|dubbed|known${S}as|tracked${S}as))(?:(?:named|called|dubbed|known${S}as|tracked${S}as)${S})?${OPEN_QUOTE}(${NAME})`,
      'g',
    ),
    kind: 'actor',
    group: 1,
  },
  {
    // …and "the gang, also known as X", "the BlackCat gang, also known as ALPHV", "the broker previously known as X"
    regex: new RegExp(
      String.raw`\b(?:group|actor|gang|crew|broker),?${S}(?:named|called|dubbed|(?:(?:also|previously|formerly)${S})?known${S}as)${S}${OPEN_QUOTE}(${NAME})`,
      'g',
    ),
    kind: 'actor',
    group: 1,
  },
  // "tracked as X", "tracks the group as X"; not "a variant tracked as X" (software), nor "tracks DuskRelay as X"
  // (another name of DuskRelay, whatever DuskRelay is: `TRACKS_NAME_AS`)
  {
    regex: new RegExp(
      String.raw`(?<!\b(?:${SOFTWARE_NOUNS}),?${S})\b(?:tracks?|tracked|tracking)${S}(?:[a-z]\w*${S}){0,2}?as${S}${OPEN_QUOTE}(${NAME})`,
      'g',
    ),
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
];

/**
 * "X (also known as Y, Z)", "X, also known as Y or Z", "X aka Y", "Known (ABBR)": names given as
 * other names of a name, the keyword also in Markdown's emphasis ("X (*aka* Y)"). Which kind they are
 * follows X (decided by the caller).
 */
const AKA = new RegExp(
  String.raw`(${NAME})[”"'’*_]*(?:,${S}|(?:${S})?\((?:${S})?)[*_]{0,2}(?:also${S}known${S}as|also${S}called|also${S}tracked${S}as|aka|a\.k\.a\.?|formerly${S}known${S}as)[*_]{0,2}${S}((?:${OPEN_QUOTE}${NAME}[”"'’*_]*(?:,${S}(?:and${S}|or${S})?|${S}(?:and|or)${S})?){1,6})`,
  'g',
);
/** "Mandiant tracks DuskRelay as SHADOWPLANK": the second name is another name of the first, of its kind. */
const TRACKS_NAME_AS = new RegExp(String.raw`\b(?:tracks?|tracked|tracking)${S}(${NAME})${S}as${S}${OPEN_QUOTE}(${NAME})`, 'g');
const ABBREVIATION = new RegExp(String.raw`(${NAME})${S}\(([A-Z][A-Z0-9]{1,5})\)`, 'g');
const LIST_ITEM = new RegExp(`${OPEN_QUOTE}(${NAME})`, 'g');

/**
 * A number that ends a group's name ("which PwC calls Red Dev 40"); not a count or a measure ("Blue Fox 3
 * years ago"), a year, a version ("3.0") or a time. Linear: anchored, a fixed word list.
 */
const NUMBER_AFTER =
  /^[ \u00a0]\d{1,3}(?![\w%]|[.,:]\d|[\s\u00a0]+(?:years?|months?|weeks?|days?|hours?|minutes?|times?|percent|per|of|or|to|victims?|organi[sz]ations?|companies|countries|attacks?|campaigns?|samples?|domains?|servers?|hosts?)\b)/;

function numberAfter(text: string, end: number): string {
  return NUMBER_AFTER.exec(text.slice(end, end + 40))?.[0] ?? '';
}

/** Names proposed by context (see the module comment), in text order; overlaps are all kept. */
export function findCuedNames(text: string): CuedName[] {
  const out: CuedName[] = [];
  const push = (
    at: number,
    name: string,
    kind: CueKind,
    aliasOf?: CuedName['aliasOf'],
    ownName = false,
    introduced = false,
    sameAsPrevious = false,
  ) => {
    const lead = leadingStopWords(name);
    const start = at + lead;
    const bare = name.slice(lead);
    const cut = INITIALS.test(bare) ? bare : bare.replace(/(?<![.\s])[.\s]+$/, '');
    if (!isNameLike(cut, ownName)) return;
    const trimmed = kind === 'actor' ? cut + numberAfter(text, start + cut.length) : cut;
    out.push({
      start,
      end: start + trimmed.length,
      text: trimmed,
      kind,
      aliasOf,
      ...(introduced && { introduced }),
      ...(sameAsPrevious && { sameAsPrevious }),
    });
  };
  for (const rule of CUE_RULES) {
    for (const m of text.matchAll(rule.regex)) {
      const name = m[rule.group];
      const start = m.index + m[0].lastIndexOf(name);
      push(start, name, rule.kind);
    }
  }
  for (const found of findIntroducedGroups(text))
    push(found.start, found.name, 'actor', undefined, found.ownName, true, found.sameAsPrevious);
  for (const m of text.matchAll(AKA)) {
    const head = m[1];
    const headStart = m.index;
    const aliasOf = { start: headStart, end: headStart + head.length };
    const listStart = m.index + m[0].length - m[2].length;
    for (const item of m[2].matchAll(LIST_ITEM)) {
      push(listStart + item.index + item[0].length - item[1].length, item[1], 'actor', aliasOf);
    }
  }
  for (const m of text.matchAll(TRACKS_NAME_AS)) {
    const aliasOf = { start: m.index + m[0].indexOf(m[1]), end: m.index + m[0].indexOf(m[1]) + m[1].length };
    push(m.index + m[0].lastIndexOf(m[2]), m[2], 'actor', aliasOf);
  }
  for (const same of findSameGroupNames(text)) push(same.start, same.name, 'actor', same.head);
  for (const m of text.matchAll(ABBREVIATION)) {
    const start = m.index + m[0].length - m[2].length - 1;
    push(start, m[2], 'actor', { start: m.index, end: m.index + m[1].length });
  }
  out.sort(
    (a, b) =>
      a.start - b.start ||
      b.end - a.end ||
      Number(!a.aliasOf) - Number(!b.aliasOf) ||
      Number(!a.sameAsPrevious) - Number(!b.sameAsPrevious),
  );
  // One proposal per span (an alias proposal, which says what it names, first).
  return out.filter((c, i) => i === 0 || c.start !== out[i - 1].start || c.end !== out[i - 1].end);
}

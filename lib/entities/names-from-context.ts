/**
 * Names no list has, proposed by the words around them: a handful of global regexes over the whole text,
 * one linear pass each: "the X group", "X ransomware gang", "threat actor X", "tracked as X", "dubbed X",
 * "known as X", "aka X", "X (also known as Y, Z)", "tracks X as Y", "Known (ABBR)", and the names a text
 * gives a group it introduces (`group-introducing-cues.ts`: "we dubbed the gang X", "X APT") or says are
 * one group (`same-group-cues.ts`). A proposed name must look like a name (`cue-names.ts`). What the words
 * right around one mention say is `context-cues.ts`.
 */
import { INITIALS, isNameLike, leadingStopWords, NAME, OPEN_QUOTE, S, type CueKind, type CuedName } from './cue-names';
import { findIntroducedGroups } from './group-introducing-cues';
import { findSameGroupNames } from './same-group-cues';

/**
 * Lower-case words that say what kind of group the noun after them is: "the X cybercriminal group", "the X
 * state-sponsored espionage group", "the X threat actors".
 */
const GROUP_DESCRIBING = String.raw`(?:threat|APT|hacking|hacker|hacktivist|cybercrime|cyber-?criminal|criminal|e-?crime|extortion(?:-only)?|(?:cyber-?)?espionage|state-sponsored|nation-state|financially${S}motivated)`;

interface CueRule {
  regex: RegExp;
  kind: CueKind;
  /** Capture group of the name. */
  group: number;
}

/**
 * Nouns for software a text may say it tracks under a name: "a variant tracked as X", "a Mach-O binary that we track as X",
 * "a native crypter that we track as X", "an Outlook add-in, tracked by us as X", "a JSP webshell that ThreatLabz tracks as X".
 */
const SOFTWARE_NOUNS = String.raw`variants?|strains?|versions?|malware|ransomware|backdoors?|trojans?|loaders?|(?:info)?stealers?|RATs?|implants?|droppers?|downloaders?|launchers?|tunnelers?|wipers?|worms?|botnets?|rootkits?|drivers?|utilit(?:y|ies)|tools?|famil(?:y|ies)|samples?|binar(?:y|ies)|payloads?|stagers?|executables?|components?|modules?|plugins?|DLLs?|scripts?|shellcode|crypters?|packers?|encryptors?|lockers?|injectors?|add-ins?|web(?:${S})?shells?|kits?`;

/**
 * Not right after a software noun: "a variant tracked as X", "the launcher, which we track as X", "a loader we track as X",
 * "a downloader Proofpoint tracks as X", "The loader that delivers it, which we track as X", "the loader we now track as X".
 */
const NOT_AFTER_SOFTWARE_NOUN = String.raw`(?<!\b(?:${SOFTWARE_NOUNS})(?:${S}that${S}(?:[a-z]+${S}){0,2}[a-z]+(?=,))?,?${S}(?:(?:that|which)${S}(?:\w+${S}){1,2}?|we${S}(?:now${S}|also${S}|still${S})?|[A-Z][A-Za-z]+${S})?)`;

/** A word between "track" and "as" that is no software noun: "track the group as X", not "track the family as X". */
const NOT_SOFTWARE_WORD = String.raw`(?!(?:${SOFTWARE_NOUNS})\b)`;

/** Who tracks it, between "tracked" and "as": "tracked by Microsoft as X", "tracked internally by Lab52 as X". */
const BY_VENDOR = String.raw`(?:by${S}(?:[A-Z][\w-]*(?:${S}[A-Z]\w*){0,2}|(?:another|other|one${S}other)${S}(?:vendors?|researchers|security${S}compan(?:y|ies)))${S})?`;

/** Global cue regexes: each proposes the captured name. */
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
  // "threat actor X", "APT group X", "the hacktivist group X", "the ransomware gang X", "the traffer team X", "group named X",
  // "threat actor dubbed X", "the crew known as X", "the smaller collective X", "a rival gang X"
  {
    regex: new RegExp(
      String.raw`\b(?:threat${S}actors?|${GROUP_DESCRIBING}${S}(?:groups?|gangs?|crews?|collective|syndicate)|(?<=\b(?:[Tt]he|[Aa])${S})(?:second|third|fourth|smaller|larger|newer|older|other|latter|former|rival|splinter)${S}(?:group|gang|crew|collective|syndicate)|ransomware${S}(?:gang|group|crew|cartel|syndicate)|traffer${S}teams?)(?:${S}|,${S}(?=named|called|dubbed|known${S}as|tracked${S}as))(?:(?:named|called|dubbed|known${S}as|tracked${S}as)${S})?${OPEN_QUOTE}(${NAME})`,
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
  // "tracked as X", "tracks the group as X"; not "a variant tracked as X", "the launcher, which we track as X"
  // (software), nor "tracks DuskRelay as X" (another name of DuskRelay, whatever DuskRelay is: `TRACKS_NAME_AS`)
  {
    regex: new RegExp(
      String.raw`${NOT_AFTER_SOFTWARE_NOUN}\b(?:tracks?|tracked|tracking)${S}(?:${NOT_SOFTWARE_WORD}[a-z]\w*${S}){0,2}?${BY_VENDOR}as${S}${OPEN_QUOTE}(${NAME})`,
      'g',
    ),
    kind: 'actor',
    group: 1,
  },
  // …and the name others give it after: "tracked by Proofpoint as TA4732 and by other researchers as X"
  {
    regex: new RegExp(
      String.raw`${NOT_AFTER_SOFTWARE_NOUN}\b(?:tracks?|tracked|tracking)${S}(?:${NOT_SOFTWARE_WORD}[a-z]\w*${S}){0,2}?${BY_VENDOR}as${S}${OPEN_QUOTE}${NAME}[”"'’*_]*${S}and${S}by${S}(?:other${S}(?:researchers|vendors)|others|[A-Z][\w-]*(?:${S}[A-Z][\w-]*){0,2})${S}as${S}${OPEN_QUOTE}(${NAME})`,
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
 * "X (also known as Y, Z)", "X, also known as Y or Z", "X aka Y", "X (formerly Y)", "Known (ABBR)": names given as
 * other names of a name, the keyword also in Markdown's emphasis ("X (*aka* Y)"). Which kind they are
 * follows X (decided by the caller).
 */
const AKA = new RegExp(
  String.raw`(${NAME})[”"'’*_]*(?:,${S}|(?:${S})?\((?:${S})?)[*_]{0,2}(?:also${S}known${S}as|also${S}called|also${S}tracked${S}as|aka|a\.k\.a\.?|formerly(?:${S}known${S}as)?|previously${S}known${S}as)[*_]{0,2}${S}((?:${OPEN_QUOTE}${NAME}[”"'’*_]*(?:,${S}(?:and${S}|or${S})?|${S}(?:and|or)${S})?){1,6})`,
  'g',
);
/** "which other vendors track as APT29 or Nobelium", "tracked as A, B and C": every name of the list. */
const TRACKED_AS_LIST = new RegExp(
  String.raw`${NOT_AFTER_SOFTWARE_NOUN}\b(?:tracks?|tracked|tracking)${S}(?:${NOT_SOFTWARE_WORD}[a-z]\w*${S}){0,2}?${BY_VENDOR}as${S}((?:${OPEN_QUOTE}${NAME}[”"'’*_]*(?:,${S}(?:and${S}|or${S})?|${S}(?:and|or)${S})){1,4}${OPEN_QUOTE}${NAME})`,
  'g',
);
/** "Mandiant tracks DuskRelay as SHADOWPLANK": the second name is another name of the first, of its kind. */
const TRACKS_NAME_AS = new RegExp(String.raw`\b(?:tracks?|tracked|tracking)${S}(${NAME})${S}as${S}${OPEN_QUOTE}(${NAME})`, 'g');
/** Not a hash's name ("Albaicin (SHA256)"), nor a label before a colon ("Pinsapo (C2): 203.0.113.7"). */
const ABBREVIATION = new RegExp(String.raw`(${NAME})${S}\((?!(?:MD5|SHA\d*|IMPHASH)\))([A-Z][A-Z0-9]{1,5})\)(?![\s\u00a0]*:)`, 'g');
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
    vendorName = false,
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
      ...(vendorName && { vendorName }),
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
  for (const m of text.matchAll(TRACKED_AS_LIST)) {
    const listStart = m.index + m[0].length - m[1].length;
    for (const item of m[1].matchAll(LIST_ITEM)) push(listStart + item.index + item[0].length - item[1].length, item[1], 'actor');
  }
  for (const m of text.matchAll(TRACKS_NAME_AS)) {
    const aliasOf = { start: m.index + m[0].indexOf(m[1]), end: m.index + m[0].indexOf(m[1]) + m[1].length };
    push(m.index + m[0].lastIndexOf(m[2]), m[2], 'actor', aliasOf, false, false, false, true);
  }
  for (const same of findSameGroupNames(text)) push(same.start, same.name, 'actor', same.head);
  for (const m of text.matchAll(ABBREVIATION)) {
    const start = m.index + m[0].length - m[2].length - 1;
    push(start, m[2], 'actor', { start: m.index, end: m.index + m[1].length, abbreviation: true });
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

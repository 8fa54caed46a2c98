/**
 * Context cues: the words around a name that say what it is, for names no list has and for listed
 * names that are also ordinary words or also software.
 *
 * The cues around one mention (`actorCue`, `softwareCue`, `cuesAround`): the few words right before and
 * after it, e.g. "X group", "threat actor X", "attributed to X" (an actor); "X malware", "X backdoor",
 * "deployed X" (software). Each is one anchored regex test on a short slice. The names such words propose
 * over the whole text are `names-from-context.ts`.
 */
import { IS_A_GROUP_AFTER } from './group-introducing-cues';
import { listedBeforeGroupNoun } from './coordinated-names';

/** Nouns that make the name before them a group: "Cobalt group", "DarkSide operators", "“Mustang Panda” group", "the LockBit leak site". */
const ACTOR_AFTER =
  /^(?:[”"*_]*['’]s)?[”"'’*_]*[\s\u00a0]+(?:threat[\s\u00a0]+(?:actors?|groups?)|APT[\s\u00a0]+groups?|(?:hacking|hacker|cybercrime|criminal|ransomware|extortion|espionage)[\s\u00a0]+(?:groups?|gangs?|crews?)|(?:ransomware(?:-as-a-service)?|RaaS)[\s\u00a0]+(?:operators?|affiliates?|actors?|operations?)|group|gang|crew|syndicate|cartel|actors?|operators?|operations?|affiliates?|hackers?|members|developers?|core[\s\u00a0]+team|(?:data[\s\u00a0]+)?leak[\s\u00a0]+(?:site|blog)s?|APT)\b/i;
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
/**
 * Words that make the name after them a group: "threat actor X", "attributed to X", "the community attributes to X",
 * "shares TTPs with X", "the interests of X", "worked for X" (one works for people, not software).
 */
const ACTOR_BEFORE =
  /\b(?:threat[\s\u00a0]+(?:actors?|groups?)|APT[\s\u00a0]+(?:groups?|actors?)|hacking[\s\u00a0]+group|cybercrime[\s\u00a0]+group|(?:ransomware[\s\u00a0]+)?gangs?|group|actor|attribut(?:ed|es?|ing)(?:[\s\u00a0]+(?:it|them|this|these))?[\s\u00a0]+to|shar(?:es?|ed|ing)[\s\u00a0]+(?:TTPs|tactics|tradecraft)[\s\u00a0]+with|interests[\s\u00a0]+of|attribution[\s\u00a0]+to|tracked[\s\u00a0]+as|tracks[\s\u00a0]+as|(?:also[\s\u00a0]+)?known[\s\u00a0]+as|aka|a\.k\.a\.|dubbed|named|groups[\s\u00a0]+such[\s\u00a0]+as|groups[\s\u00a0]+like|operators[\s\u00a0]+of[\s\u00a0]+the|(?:members?|affiliates?)[\s\u00a0]+of(?:[\s\u00a0]+the)?|worked[\s\u00a0]+for(?:[\s\u00a0]+the)?|affiliated[\s\u00a0]+with(?:[\s\u00a0]+the)?|(?:used|operated|developed|deployed|favou?red|employed)[\s\u00a0]+by(?:[\s\u00a0]+the)?)[\s\u00a0]*[“"'‘*_(]*$/i;
/** Nouns that say the software is malware ("lynx ransomware"); not "X ransomware gang", the gang named after it. */
const MALWARE_NOUNS = String.raw`(?:banking[\s\u00a0]+)?trojans?|malware|ransomware(?![\s\u00a0]+(?:gangs?|groups?|crews?|operators?|affiliates?|actors?|operations?)\b)|backdoors?|RATs?|loaders?|droppers?|(?:info)?stealers?|implants?|botnets?|rootkits?|worms?|wipers?|keyloggers?|downloaders?|spyware`;
/**
 * A name followed by a software noun: "Emotet malware", "Taurus Stealer", "Winnti sample"; not "X
 * ransomware gang", "X ransomware operators", "X ransomware operation": that is the gang named after its ransomware.
 */
const SOFTWARE_AFTER = new RegExp(
  String.raw`^(?:[”"*_]*['’]s)?[”"'’*_]*[\s\u00a0-]+(?:${MALWARE_NOUNS}|payloads?|samples?|variants?|binar(?:y|ies)|beacons?|toolkits?|frameworks?|modules?|plugins?|famil(?:y|ies)|executables?|DLLs?|builders?|panels?|infections?|bots?|miners?|web[\s\u00a0]?shells?|shells?|scripts?|agents?|servers?|clients?|strains?|versions?|code|builds?|kits?|adware|wallets?|exploits?|tool)\b`,
  'i',
);
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
 * affiliates", "TrickBot gang") or "threat actor", "attributed to", "affiliates of", "members of", "worked for",
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
 * The nouns after a name written in lower case that say it is malware ("lynx ransomware"): `MALWARE_NOUNS`.
 * The generic ones of `SOFTWARE_AFTER` ("samples", "module", "code") say nothing of a word that is also an
 * ordinary one ("the core module").
 */
const LOWER_NAME_NOUN_AFTER = new RegExp(String.raw`^[”"'’*_]*[\s\u00a0-]+(?:${MALWARE_NOUNS})\b`, 'i');

/** A part the malware noun before it describes: "the core loader module". */
const PART_NOUN_AFTER =
  /^[\s\u00a0]+(?:modules?|components?|code|functions?|routines?|stages?|librar(?:y|ies)|functionality|logic|binar(?:y|ies)|files?|folders?|director(?:y|ies))\b/i;

/**
 * A software cue for a name written in lower case: a malware noun after it ("lynx ransomware"), or a
 * verb or noun before it that governs the name itself, not a noun after it: "a copy of the lynx", not
 * "a version of the root folder".
 */
export function lowerCaseSoftwareCue(text: string, start: number, end: number): boolean {
  const after = text.slice(end, end + WINDOW);
  const noun = LOWER_NAME_NOUN_AFTER.exec(after);
  if (noun) return !PART_NOUN_AFTER.test(after.slice(noun[0].length));
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

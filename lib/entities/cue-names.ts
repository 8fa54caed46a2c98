/**
 * What a name proposed by a context cue looks like, and what a cue proposes: the name patterns the cue
 * regexes are built from (`NAME`: up to three capitalised, camelCase or digit-bearing words), the words
 * that are never names ("The", "Russian", "Microsoft"), and the proposal itself (`CuedName`).
 * Shared by the cue finders (`names-from-context.ts`, `group-introducing-cues.ts`, `software-cues.ts`,
 * `tool-cues.ts`).
 */

/**
 * A name-like token: initials with their last dot ("M.O.D."), or a capitalised, camelCase or digit-bearing
 * word, digits first only before a capital ("8Ball", "0Mega"; not "3rd", "64bit"); joined by - or . inside.
 */
const TOKEN = String.raw`(?:[A-Z](?:\.[A-Z])+\.|[A-Z][A-Za-z0-9\u00e0-\u00ff]*|[a-z]+[A-Z][A-Za-z0-9]*|[0-9]+[A-Z][A-Za-z0-9]*)(?:[-.][A-Za-z0-9]+)*`;
/** A name that is initials ("M.O.D.", "A.C."): its last dot is part of it. */
export const INITIALS = /^[A-Z](?:\.[A-Z])+\.$/;
/**
 * Where a name may start: not inside a word, nor inside words joined by - or . ("CVE-CVE-…"). Without
 * it a pattern that begins with a name retries from every letter of a long run, and each try reads to
 * the run's end: quadratic (200 KB of "CVE-" took minutes). With it each run is read from its start.
 */
const NAME_START = String.raw`(?<![A-Za-z0-9\u00c0-\u00ff]|[A-Za-z0-9][-.])`;
/**
 * Up to three name-like tokens (multi-word names such as "Fancy Lazarus", "Armada Collective"), a Romance
 * language's lower-case "of" allowed between two of them ("Bonde do PIX", "Tropa da Sombra").
 */
export const NAME = String.raw`${NAME_START}${TOKEN}(?:[ \u00a0](?:(?:do|da|dos|das|de|del|di)[ \u00a0])?${TOKEN}){0,2}`;
export const OPEN_QUOTE = String.raw`[“"'‘*_]*`;

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
    // A vendor of two words by its first, so that the second stays free for other names ("Pressure Point").
    'Microsoft Google Mandiant FireEye CrowdStrike Proofpoint Symantec Kaspersky ESET Cisco Talos Unit42 ' +
    'Palo Trend Sophos Zscaler Secureworks Recorded IBM Check Intel Windows ' +
    // A vendor scheme's prefix alone: '"UNK" is the designation Proofpoint uses for a developing cluster'.
    'UNK UNC DEV TA TAG FIN ITG UTA UAC STAC REF TGR ' +
    'Linux Android Apple macOS iOS Python Java Office Excel Word PowerShell Figure Table Source Note Update ' +
    'Ransomware-as-a-Service RaaS Initial Access Broker Brokers Affiliate Affiliates Operator Operators ' +
    'However Moreover Further Furthermore Additionally Finally Meanwhile Therefore Thus Notably Interestingly Similarly ' +
    // When a sentence opens with its time: "Since January, a ransomware gang has…", "On Monday, the group…".
    'Since During After Before Until Throughout Following Today Yesterday Recently Earlier Later ' +
    'January February March April May June July August September October November December ' +
    'Monday Tuesday Wednesday Thursday Friday Saturday Sunday ' +
    // Industries, sectors and departments: "the Finance group of the company", "Healthcare was the most targeted".
    'Finance Financial Banking Bank Banks Insurance Healthcare Health Medical Pharmaceutical Pharmaceuticals ' +
    'Manufacturing Industrial Education Academic Academia Energy Utilities Oil Gas Retail Hospitality Technology ' +
    'Telecommunications Telecom Transportation Logistics Shipping Maritime Aviation Aerospace Defense Defence Legal ' +
    'Media Entertainment Gaming Agriculture Construction Automotive Mining Chemical Chemicals Marketing Sales ' +
    'Engineering Accounting Payroll Procurement Support Customer Customers Services Public Private Nonprofit Non-profit ' +
    'Critical Infrastructure Sector Sectors Industry Industries Department Division Business Enterprise Corporate ' +
    'Consumer Global International Regional National Federal Management Executive ' +
    // Working groups of an organisation: "the Development Group", "the Incident Response Group".
    'Development Product Products Working Advisory Steering Study Standards Investment Consulting Incident Response'
  ).split(' '),
);

/**
 * Whether a proposed name is name-like: no stop word in it, some letter in it. A group's own name
 * (`ownName`: "refers to itself as Karakurt Team") may end in a group noun.
 */
export function isNameLike(name: string, ownName = false): boolean {
  const words = name.split(/[ \u00a0]/);
  const last = ownName && words.length > 1 && OWN_NAME_NOUN.test(words[words.length - 1]) ? words.length - 1 : words.length;
  if (words.some((w, i) => i < last && (STOP_WORDS.has(w) || DESCRIBING.test(w)))) return false;
  // "the Minebridge RAT threat actors": a software name, not the group's.
  if (words.length > 1 && SOFTWARE_NOUN.test(words[words.length - 1])) return false;
  return /[A-Za-z]/.test(name) && name.length >= 2;
}

/**
 * How many characters of leading stop words a proposed name starts with ("The Quartz" → 4): a cue
 * pattern that begins with a name takes the first capitalised word of a sentence with it ("The Quartz
 * ransomware gang"), and the regex does not retry from the next word once it has matched.
 */
export function leadingStopWords(name: string): number {
  let offset = 0;
  for (const word of name.split(/[ \u00a0]/).slice(0, -1)) {
    if (!STOP_WORDS.has(word)) break;
    offset += word.length + 1;
  }
  return offset;
}

/** Group nouns a group's own name may end in: "Karakurt Team", "Lapsus Group". */
const OWN_NAME_NOUN = /^(?:Team|Group|Gang|Crew|Collective|Squad|Army|Syndicate)$/;

/** Compound adjectives that describe an actor rather than name it: "State-sponsored", "China-nexus". */
const DESCRIBING = /-(?:based|linked|sponsored|speaking|nexus|backed|affiliated|aligned|related|themed|like|style|motivated|oriented)$/i;

const SOFTWARE_NOUN =
  /^(?:RAT|Loader|Stealer|Trojan|Backdoor|Botnet|Bot|Ransomware|Malware|Campaign|Kit|Builder|Panel|Dropper|Worm|Wiper|Miner)s?$/i;

/** One or more spaces (a no-break space too). */
export const S = String.raw`[\s\u00a0]+`;

export type CueKind = 'actor' | 'software';

export interface CuedName {
  start: number;
  end: number;
  text: string;
  kind: CueKind;
  /**
   * For aliases given in apposition ("X (also known as Y)", "X (ABBR)"): the span of X. An abbreviation
   * (`abbreviation`) stands for all of X: "Turla Driver Loader (TDL)" abbreviates no name of Turla's.
   */
  aliasOf?: { start: number; end: number; abbreviation?: boolean };
  /** Proposed by a cue that introduces a group under a name of its own ("we dubbed the gang X", "X APT"). */
  introduced?: boolean;
  /**
   * Given as another name of the group the text has just named: "Mandiant, which tracks the group as X", "The
   * group — which refers to itself as X" (`group-entities.ts` finds which).
   */
  sameAsPrevious?: boolean;
  /**
   * Another name a vendor gives the name at `aliasOf` ("Mandiant tracks DuskRelay as SHADOWPLANK"): one that
   * joins new software as well, where an apposition's "alias" is as often a version or a module.
   */
  vendorName?: boolean;
  /** Software a naming verb names right here: "a Go loader the developers named X", "a backdoor we call X". */
  namedSoftware?: boolean;
}

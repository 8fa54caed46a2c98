/**
 * Cues for a group a text introduces under a name of its own, which no list has yet: "we dubbed the
 * gang X", "the group — which refers to itself as X", "X is a ransomware gang", "X, a financially
 * motivated group", "X: one of the newest gangs", "the X APT". These were the phrasings of most of the
 * threat actors missed on reports nobody here had seen (issue 13). The older cues ("the X group",
 * "threat actor X", "tracked as X") are in `names-from-context.ts`, which calls `findIntroducedGroups`.
 */
import { INITIALS, NAME, OPEN_QUOTE, S } from './cue-names';

/**
 * The name is then said to be a group: "X is a ransomware gang", "X, a Russian-speaking group", "X: one of the
 * newest ransomware gangs", "X was not the only group", "X, a financially motivated intrusion set", "X, a cluster
 * targeting traders" (not "a cluster of hosts"), "X (“boar team”) is a Russian-speaking crew", but not "X is not a
 * threat actor". Up to three describing words between the article and the noun, none of them a word that starts a
 * new phrase ("X, a backdoor used by the group" is no cue).
 */
const IS_A_GROUP = String.raw`(?<![”"'’*_])[”"'’*_]*(?:(?<![\s\u00a0])[\s\u00a0]+\([^()\n]{1,60}\))?(?:(?::[*_“"\s\u00a0]*|,[\s\u00a0]+)(?:[Aa]n?|[Oo]ne[\s\u00a0]+of[\s\u00a0]+the)|(?<![\s\u00a0])[\s\u00a0]+(?:is|was|are|were|remains?|as)(?:[\s\u00a0]+(?:also|still|now|currently|likely|probably|reportedly|believed[\s\u00a0]+to[\s\u00a0]+be))?[\s\u00a0]+(?:an?|the|one[\s\u00a0]+of[\s\u00a0]+the|not[\s\u00a0]+(?:the|one[\s\u00a0]+of[\s\u00a0]+the)))[\s\u00a0]+(?:(?!(?:by|of|for|from|used|with|to|that|which|and|or|in|on|at)\b)[\w-]+[\s\u00a0]+){0,3}?(?:group|gang|crew|threat[\s\u00a0]+actor|intrusion[\s\u00a0]+set|cluster(?![\s\u00a0]+of\b)|actor(?=[\s\u00a0]+(?:that|which|we)\b)|(?<!(?:research|security|intelligence|response|hunting|analysis|red|blue|IT|support|engineering|development|product|sales|legal)[\s\u00a0]+)team(?=[\s\u00a0]+(?:that|which|of${S}(?:traffers|affiliates|hackers|operators))\b)|collective|syndicate|APT|(?:ransomware|ransomware-as-a-service|RaaS|extortion)[\s\u00a0]+operation)s?\b(?![\s\u00a0-]+(?:polic|chat|member|object|name|ID|sid)|-)`;
/**
 * The name is then said to be the group behind something: "X, the gang behind the attacks", "X, the
 * ransomware group responsible for…", "X, the crew that…". Not "X, the group said": the group noun must be
 * followed by what it is behind, or by a relative clause about it.
 * A run of closing quotes is entered only at its start (read from each of its quotes, it would be
 * quadratic).
 */
const GROUP_BEHIND = String.raw`(?<![”"'’*_])[”"'’*_]*,[\s\u00a0]+the[\s\u00a0]+(?:(?!(?:by|of|for|from|used|with|to|that|which|and|or|in|on|at)\b)[\w-]+[\s\u00a0]+){0,2}?(?:group|gang|crew|collective|syndicate|threat[\s\u00a0]+actors?)[\s\u00a0]+(?:behind|responsible[\s\u00a0]+for|(?:that|which|who)(?![\s\u00a0]+(?:runs|operates|owns|manages|controls|administers|sells|ran|operated|owned|managed|controlled|built|created|developed)[\s\u00a0]+(?:it|them)\b))\b`;
/**
 * A plural verb needs no article: "X and Y are ransomware gangs", "A, B and C were among the most active groups".
 * A cue at a name only, never a proposal: "These are ransomware gangs" would propose "These".
 */
const ARE_GROUPS = String.raw`[”"'’*_]*[\s\u00a0]+(?:are|were)(?:[\s\u00a0]+(?:also|still|now|all|both))?[\s\u00a0]+(?:among[\s\u00a0]+the[\s\u00a0]+)?(?:(?!(?:by|of|for|from|used|with|to|that|which|and|or|in|on|at)\b)[\w-]+[\s\u00a0]+){0,3}?(?:groups|gangs|crews|threat[\s\u00a0]+actors|APTs)\b`;
export const IS_A_GROUP_AFTER = new RegExp(`^(?:${IS_A_GROUP}|${GROUP_BEHIND}|${ARE_GROUPS})`, 'i');

/** Cues read before the name they propose, each one linear global regex. */
const NAME_LAST_RULES: readonly RegExp[] = [
  // "we dubbed the gang X", "tracking this new group as X", "refer to the (same) actor as X", "refer to part of this
  // activity as X", "call the group behind the campaign X", "dubbed the gang behind them X"
  new RegExp(
    String.raw`\b(?:dubb(?:ed|ing|s)?|call(?:ed|ing|s)?|nam(?:ed|ing|es?)|label(?:l?ed|l?ing|s)?|track(?:ed|ing|s)?|refer(?:red|ring|s)?${S}to)${S}(?:(?:part|some|much)${S}of${S})?(?:the|this|these|that)${S}(?:new${S}|latest${S}|same${S}|unknown${S}|previously${S}unknown${S})?(?:threat${S})?(?:(?:activity${S})?(?:group|gang|actors?|crew|collective|cluster|operators?|hackers?)(?:${S}of${S}activity)?|activity)${S}(?:behind${S}(?:(?:the|this|these|those|that)${S}(?:campaigns?|attacks?|activity|intrusions?|operations?|breach(?:es)?)|them|it)${S})?(?:as${S})?${OPEN_QUOTE}(${NAME})`,
    'g',
  ),
  // "a new group we call X", "a new APT actor that we call X", "a gang researchers have dubbed X", "a single Hive
  // affiliate, which we dubbed X", "the cluster we track as X", "a cluster they have dubbed X", "a cluster other
  // vendors call X", "a cluster other researchers have publicly reported as X", "a group Sekoia tracks as X", "a
  // cluster that AhnLab researchers label X", "the operators, whom we call X"; not what a clause after "by the actor"
  // or "of the group" names ("the implants used by the actor, which we have called Gorse", "the main backdoor of
  // the group, which we have named Sarma")
  new RegExp(
    String.raw`(?<!\b(?:by|of)${S}(?:the|this|that)${S})\b(?:(?:group|gang|crew|collective|cluster|threat${S}actor|intrusion${S}set|affiliates?|(?:operator|attacker|hacker)s)(?:,?${S}(?:that|which|whom|who))?|actor(?:${S}(?:that|which|whom|who))?)${S}(?:we|they|researchers|analysts|(?:other|some|several)${S}(?:vendors|researchers|companies|firms)|(?:security${S})?(?:vendors|companies|firms)|[A-Z][A-Za-z]+(?:${S}[A-Z][A-Za-z]+)?(?:${S}(?:researchers|analysts))?)${S}(?:have${S}|now${S})?(?:publicly${S})?(?:dub(?:s|bed)?|call(?:s|ed)?|name[sd]?|label(?:s|l?ed)?|track(?:s|ed)?${S}as|refers?${S}to${S}as|report(?:s|ed)?${S}as)${S}${OPEN_QUOTE}(${NAME})`,
    'g',
  ),
  // "the group — which refers to itself as X", "a gang that calls itself X", "a crew calling itself X",
  // "a gang going by the name X", "the group before it rebranded as X", "a group that presents itself on the
  // forums as X", "referred to itself in ransom notes and on forums as X", "a crew that signs its posts as X",
  // "a Telegram channel operating under the name X", "a persona self-styled as X", "an access brokering outfit that
  // calls itself X", "a group also reported under the name X", "an affiliate program whose members call themselves X"
  // (within the sentence)
  new RegExp(
    String.raw`\b(?:group|gang|crew|team|outfit|collective|channel|personas?|actors?|hackers?|operators?|brokers?|members)\b[^.!?\n]{0,60}?\b(?:operat(?:es|ed|ing)${S}under${S}the${S}(?:names?|monikers?|banner)${S}(?:of${S})?|(?:reported|tracked|known|described|published)${S}under${S}the${S}(?:names?|monikers?)${S}|(?:refers?|referred|referring|call(?:s|ed|ing)?|names?|named|naming|brands?|branded|branding|styles?|styled|styling|describes?|described|describing|presents?|presented|presenting|bills?|billed|billing|advertises?|advertised|advertising)${S}(?:to${S})?(?:itself|themselves)${S}(?:(?:on|in)${S}[^.!?\n]{0,50}?${S}as${S}|as${S})?|sign(?:s|ed|ing)?${S}(?:its|their)${S}(?:forum${S})?(?:posts|messages|ads|adverts|advertisements|threads)${S}(?:with${S})?as${S}|(?:go(?:es|ing)?|went)${S}by${S}(?:the${S})?(?:names?|monikers?)${S}(?:of${S})?|rebrand(?:s|ed|ing)?${S}(?:itself${S}|themselves${S})?as${S}|self-styled${S}(?:as${S})?)(?:the${S})?${OPEN_QUOTE}(${NAME})`,
    'g',
  ),
  // "A newer group, Sokolniki, has built…", "another hacktivist collective, Dozor, claimed…": an indefinite group noun
  // and the name in commas after it; not "a group, Kestrel said, was small"
  new RegExp(
    String.raw`\b(?:[Aa]n?|[Aa]nother)${S}(?:(?!(?:by|of|for|from|with|to|that|which|and|or|in|on|at)\b)[\w-]+${S}){0,2}?(?:group|gang|crew|collective|syndicate|threat${S}actor)(?:${S}(?:called|named|dubbed))?,${S}${OPEN_QUOTE}(${NAME})[”"'’*_]*,(?!${S}(?:said|says|told|wrote|reported|added|noted)\b)`,
    'g',
  ),
];

/**
 * "overlaps with what others call X", "overlaps partly with activity that Mandiant tracks as X", "overlaps with activity
 * other researchers have reported as "X" and "Y"", "overlap with activity that some Brazilian security researchers
 * refer to as X", "overlaps with the clusters other vendors have published as X and Y": the names of other vendors'
 * clusters, up to three ("the activity some other researchers call X").
 */
const OVERLAPS_WITH = new RegExp(
  String.raw`\boverlap(?:s|ped|ping)?${S}(?:[a-z]+${S})?with${S}(?:what${S}|(?:the${S})?(?:activity|clusters?)${S}(?:(?:that|which)${S})?)(?:others|(?:(?:some|several|many)${S})?(?:other${S})?(?:[A-Z][a-z]+${S})?(?:security${S})?(?:vendors|researchers|companies|firms|analysts)|[A-Z][A-Za-z]+)${S}(?:have${S})?(?:call(?:s|ed)?|dub(?:s|bed)?|name[sd]?|track(?:s|ed)?${S}as|refers?${S}to${S}as|report(?:s|ed)?${S}as|publish(?:es|ed)?${S}as)${S}((?:${OPEN_QUOTE}${NAME}[”"'’*_.,]*(?:,${S}(?:and${S}|or${S})?|${S}(?:and|or)${S})){0,2}${OPEN_QUOTE}${NAME})`,
  'g',
);

/**
 * "PwC calls it X", "we track them as X", "Microsoft named it X", "we have decided to name it X": a name given to "it" or
 * "them", a group's only where the nearest noun before it says what "it" is and says a group (`NAMED_THING`).
 */
const NAMED_PRONOUN = new RegExp(
  String.raw`\b(?:we|[A-Z][A-Za-z]+)${S}(?:now${S}|have${S}|also${S})?(?:decided${S}to${S})?(?:call(?:s|ed)?|dub(?:s|bed)?|name[sd]?|label(?:s|l?ed)?|track(?:s|ed)?|refers?${S}to|referred${S}to)${S}(?:it|them)${S}(?:as${S})?${OPEN_QUOTE}(${NAME})`,
  'g',
);
/**
 * The nouns a text names something with, a group's or another thing's; the last one before a naming verb
 * within `PRONOUN_REACH` characters says what "it" is.
 */
const NAMED_THING =
  /\b(?:(cluster|group|gang|crew|actors?|operators|attackers|intrusion[\s\u00a0]+set|activity)|(?:malware|loader|backdoor|ransomware|trojan|RAT|stealer|tool|implant|botnet|web[\s\u00a0]+shell|family|variant|payload|dropper|wiper|worm|exploit|vulnerability|campaign|operation|technique|framework|infostealer|downloader|sample|file))s?\b/gi;
const PRONOUN_REACH = 300;

/** The names "it" or "them" is given where the noun before says a group. */
function namedPronouns(text: string): IntroducedGroup[] {
  const out: IntroducedGroup[] = [];
  for (const m of text.matchAll(NAMED_PRONOUN)) {
    let groupNoun = false;
    for (const noun of text.slice(Math.max(0, m.index - PRONOUN_REACH), m.index).matchAll(NAMED_THING)) groupNoun = noun[1] !== undefined;
    if (groupNoun) out.push({ start: m.index + m[0].lastIndexOf(m[1]), name: m[1], ownName: true });
  }
  return out;
}

/**
 * Another name for the group the text has just named, given with a definite "the group": "Mandiant, which tracks
 * the group as UNC5812", "The group — which refers to itself as N.O.X. Collective". An indefinite "a gang
 * that calls itself X" introduces a new group (`NAME_LAST_RULES`).
 */
const SAME_AS_PREVIOUS_RULES: readonly RegExp[] = [
  new RegExp(
    String.raw`\b(?:which|who)${S}(?:tracks|tracked|calls|called|names|named|refers${S}to|referred${S}to)${S}(?:the|this)${S}(?:group|gang|crew|actor|threat${S}actor)${S}(?:as${S})?${OPEN_QUOTE}(${NAME})`,
    'g',
  ),
  new RegExp(
    String.raw`\b[Tt]he${S}(?:group|gang|crew)\b[^.!?\n]{0,60}?\b(?:refers|referred|calls|called|names|named|brands|branded|styles|styled)${S}(?:to${S})?itself${S}(?:as${S})?(?:the${S})?${OPEN_QUOTE}(${NAME})`,
    'g',
  ),
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
  new RegExp(GROUP_BEHIND, 'gi'),
  new RegExp(String.raw`(?<![\s\u00a0])${S}APT(?![-.]?[A-Za-z0-9])(?!${S}(?:groups?|actors?)\b)`, 'g'),
];
/**
 * "the Winnti Group", "The Gorgon Group", "the Sakura Syndicate", "the M.O.D. Team": a capitalised group noun after a name, read from the noun (the
 * name and the "the" before it are read backwards, `nameEndingAt`). The noun is part of the name, as in most
 * reports; a lower-case "the X group" is in `names-from-context.ts`.
 */
const CAPITALISED_GROUP_NOUN = /(?<![\s\u00a0])[ \u00a0]+(?:Group|Gang|Crew|Team|Syndicate|Collective)\b(?![-.]?[A-Za-z0-9])/g;
/**
 * "Team" only after a name written as initials ("the M.O.D.E.R.N. Team"): after words it is as often a vendor's
 * research team ("the Microsoft Threat Intelligence Team").
 */
const TEAM = /Team$/;
const LEADING_THE = /^[Tt]he[\s\u00a0]+/;
/** A name read back from a group noun starts with "the", or follows one or "self-styled": 'a self-styled "Bravado Collective"'. */
const THE_BEFORE = /(?:(?:^|[\s\u00a0([“"'‘*_])[Tt]he[\s\u00a0]+|self-styled[\s\u00a0]+[“"'‘]?)$/;
const STARTS_WITH_THE = /^[Tt]he[\s\u00a0]/;

/**
 * Groups named in a list after a plural group noun: "ransomware groups such as SamSam and Dharma", "gangs like
 * A, B or C", "threat actors including X". Up to five names joined by commas, "and", "or"; each item is a
 * name (`NAME`), so the list ends at the first word that is none.
 */
const GROUPS_SUCH_AS = new RegExp(
  String.raw`\b(?:groups|gangs|crews|collectives|threat${S}actors|APT${S}actors)${S}(?:such${S}as|like|including)${S}((?:(?:the${S})?${OPEN_QUOTE}${NAME}[”"'’*_]*(?:,${S}(?:and${S}|or${S})?|${S}(?:and|or)${S})?){1,5})`,
  'g',
);
/** "Two smaller hacktivist collectives, Baikonur and Ratnik-17, emerged": a plural group noun and a closed list of names in commas. */
const GROUPS_IN_COMMAS = new RegExp(
  String.raw`\b(?:groups|gangs|crews|collectives),${S}((?:${OPEN_QUOTE}${NAME}[”"'’*_]*,${S}){0,3}${OPEN_QUOTE}${NAME}[”"'’*_]*,?${S}and${S}${OPEN_QUOTE}${NAME}[”"'’*_]*)(?=,)`,
  'g',
);
/**
 * "we describe three crews that have claimed attacks against Spanish targets, Chernozem, Ussuri Team and a smaller
 * group…": a counted plural group noun, what they did, and the names that open the list (the last item may be no name).
 */
const COUNTED_GROUPS_LISTED = new RegExp(
  String.raw`\b(?:[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]ix|[Ss]everal)${S}(?:[\w-]+${S}){0,2}?(?:groups|gangs|crews|collectives)(?:${S}(?:that|which|who)${S}[^,.;:!?\n]{1,100}?)?,${S}((?:${OPEN_QUOTE}${NAME}[”"'’*_]*,${S}){1,4}${OPEN_QUOTE}${NAME}[”"'’*_]*),?${S}(?:and|or)\b`,
  'g',
);
const LIST_NAME = new RegExp(`(?:the${S})?${OPEN_QUOTE}(${NAME})`, 'g');

/** A capitalised group noun that ends a name (`OWN_NAME_NOUN` of `cue-names.ts`). */
const GROUP_NOUN_AT_END = /[ \u00a0](?:Team|Group|Gang|Crew|Collective|Squad|Syndicate)$/;
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

export interface IntroducedGroup {
  start: number;
  name: string;
  /**
   * The name the text gives the group or the group gives itself ("we dubbed the gang X", "refers to
   * itself as X"): a group noun at its end is part of it ("Karakurt Team").
   */
  ownName?: boolean;
  /** Another name of the group the text has just named (`CuedName.sameAsPrevious`). */
  sameAsPrevious?: boolean;
}

/** Where a name a group is introduced under starts, and the name, in text order per rule. */
export function findIntroducedGroups(text: string): IntroducedGroup[] {
  const out: IntroducedGroup[] = [];
  for (const regex of NAME_LAST_RULES) {
    for (const m of text.matchAll(regex)) out.push({ start: m.index + m[0].lastIndexOf(m[1]), name: m[1], ownName: true });
  }
  out.push(...namedPronouns(text));
  for (const regex of SAME_AS_PREVIOUS_RULES) {
    for (const m of text.matchAll(regex))
      out.push({ start: m.index + m[0].lastIndexOf(m[1]), name: m[1], ownName: true, sameAsPrevious: true });
  }
  for (const m of text.matchAll(CAPITALISED_GROUP_NOUN)) {
    const found = nameEndingAt(text, m.index);
    if (!found) continue;
    if (!STARTS_WITH_THE.test(found.name) && !THE_BEFORE.test(text.slice(Math.max(0, found.start - 14), found.start))) continue;
    if (TEAM.test(m[0]) && !INITIALS.test(found.name.replace(LEADING_THE, ''))) continue;
    out.push({ start: found.start, name: text.slice(found.start, m.index + m[0].length), ownName: true });
  }
  for (const m of text.matchAll(OVERLAPS_WITH)) {
    const listStart = m.index + m[0].length - m[1].length;
    for (const item of m[1].matchAll(LIST_NAME))
      out.push({ start: listStart + item.index + item[0].length - item[1].length, name: item[1], ownName: true });
  }
  for (const m of [...text.matchAll(GROUPS_SUCH_AS), ...text.matchAll(GROUPS_IN_COMMAS)]) {
    const listStart = m.index + m[0].length - m[1].length;
    for (const item of m[1].matchAll(LIST_NAME))
      out.push({ start: listStart + item.index + item[0].length - item[1].length, name: item[1] });
  }
  // The list's names are the groups' own: "Ussuri Team" keeps its noun.
  for (const m of text.matchAll(COUNTED_GROUPS_LISTED)) {
    const listStart = m.index + m[0].lastIndexOf(m[1]);
    for (const item of m[1].matchAll(LIST_NAME))
      out.push({ start: listStart + item.index + item[0].length - item[1].length, name: item[1], ownName: true });
  }
  for (const regex of NAME_FIRST_RULES) {
    for (const m of text.matchAll(regex)) {
      const found = nameEndingAt(text, m.index);
      // A name the text defines that ends in a group noun keeps it: "Kaban Team is a Russian-speaking crew".
      if (found) out.push(GROUP_NOUN_AT_END.test(found.name) ? { ...found, ownName: true } : found);
    }
  }
  return out;
}

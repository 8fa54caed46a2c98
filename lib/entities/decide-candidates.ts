/**
 * How each candidate mention of an actor or software is decided (`actors-and-software.ts` gathers them):
 * - a single-word mention written all in lower case is not a name listed with capitals (`wirte`,
 *   `copy-paste`, `winnti` in a URL), unless the text calls the software so with a capital right at another
 *   mention ("the Socat tool" … "through socat"; not in a path or an identifier);
 * - a weak form (an ordinary word such as `Cobalt`, `Leviathan`, `Play`) needs threat context: a
 *   cue right around it (for software, a tool cue too: "the open-source tool Chisel"), or the same name cued
 *   elsewhere in the text, or a strong name of the same actor or family in the text (`Cobalt Group` licenses
 *   `Cobalt`); written in capitals inside ordinary prose ("HAFNIUM exploited Exchange"), it is the vendor's
 *   name, not the word;
 * - a name listed only in lower case (`payload`, ransomlook gang names) needs a cue right next to it (but a tool
 *   the lists name only so, as its makers write it, is the program: "tunneled through ngrok"), unless
 *   the text writes it in camel case ("DragonForce"), which no ordinary word is; written in lower case twice
 *   or more with no cue, it is the ordinary word everywhere in the text ("a remote template", "template
 *   injection": so "Word downloads the template" is no family);
 * - a name that is both an actor and software (`Winnti`) is what the words right around it say
 *   ("Winnti sample" → malware, "Winnti group" → actor); without such words, what the names listed
 *   with it are ("hit by Turla and Gamaredon", "APT28 (Sofacy)", `coordinated-names.ts`), else what most cued
 *   mentions of it in the text say, software on a tie (the actor where software lists have the name only as a
 *   lower-case slug: ransomlook's "shinyhunters" is the gang's listing, not a family's; or where only the group
 *   list has it as a record's own name: Turla, one of Uroburos's other names);
 * - a lower-case group noun is not part of a listed name: "the Winnti group" → `Winnti`; but it is where
 *   the name is an ordinary word ("the Cobalt group"), which the noun makes a name;
 * - software followed by gang, group or crew is the group named after it: "the TrickBot gang";
 * - a ransomware name is also its gang's (RaaS): it is the actor where a group noun follows it
 *   ("DarkSide affiliates", "DarkSide operators"), and everywhere (but "X ransomware" and the like)
 *   in a text that mostly talks about the gang: three such cues or more, twice the software cues;
 * - one sense per text for a name that is both a group and software: where the text confirms it as a
 *   group (a listed group name ending in a group noun, "Winnti Group", or a group noun or strong cue
 *   right at a mention, "DarkSide affiliates", "attributed to Winnti", or another name given right there
 *   that only a group has, "Turla, also known as Venomous Bear"), every mention of it is the
 *   group, "Winnti sample" included (the sample is the group's);
 * - software a text presents as a tool ("the Socat tool", "tools such as X", `tool-cues.ts`) is a
 *   tool when no list says what it is;
 * - a listed family named by one word that describes software (a language, platform, file type or
 *   generic noun: "Python", "AutoIT", "payload", "Final") is the ordinary word, not the family;
 * - an actor's name in a line of a reference list ("[1] ESET, April 2018, Sednit update: …",
 *   "October 2017 – Leviathan: Espionage actor…", `reference-lines.ts`) is cited, not an actor the text
 *   is about;
 * - a name followed by a company word ("Alibaba Cloud", "Foo Technologies") is the company, and a
 *   vendor-scheme name ending in an organisation's noun ("The Water Project") an organisation;
 * - a listed actor's name after "posing as", "pretending to be", "impersonating" is borrowed
 *   (`impersonation-cues.ts`), and a listed name of an organisation ("Mabna Institute") is one;
 * - a listed name that is an ordinary word takes a group noun after it in ("Elfin Group", "Cobalt group"),
 *   but is no actor where another capitalised word follows it ("Cobalt Strike", a name no list has:
 *   `longer-name-after.ts`);
 * - a vendor-scheme name followed by a software noun ("Encrypted Taurus Stealer") is not an actor;
 * - an individual's handle is not an actor (`person-cues.ts`: "the seller X", "a user named X", "X, the
 *   developer of…"): not at a mention with such a cue, and not anywhere for a name no list has that the
 *   text presents as a person and never as a group;
 * - names proposed by context cues (`names-from-context.ts` for actors, `software-cues.ts` for malware)
 *   are found again wherever they occur in the text (one sense per text), software names in any
 *   case written with a capital ("Zloader", "ZLoader") but not as a folder in a path; an alias given
 *   in apposition ("Leviathan, also known as TEMP", "Golden Chickens (GC)") joins the entity it names;
 * - a listed name glued to RAT, Stealer or Loader ("NetwireRAT") is the listed family, and a cued
 *   name listed only with such a noun ("Quasar" for "Quasar RAT") resolves to that family;
 * - a program's file name that is or whose stem is a listed tool (`certutil.exe`, `PsExec.exe`,
 *   `ping.exe`) is that tool, in any case and without a cue: the `.exe` says it is a program; not in a path, and not
 *   when the stem may also mean malware (`explorer.exe`, `cmd.exe`);
 * - a capitalised "Builder Kit" or "Kit" after a tool's name is part of it ("Taurus Builder Kit");
 * - a name right after a dot that follows no name (".Net", ".NET") is a framework or a file type;
 * - a family listed as a tool is malware in a text that calls it malware at one of its mentions
 *   (`calledMalware`: "Taurus Stealer", "X is a new RAT", "a stealer named X").
 */
import type { ActorDictionary } from './dictionary';
import {
  CAMEL_CASE,
  COMPANY_AFTER,
  GANG_AFTER,
  GROUP_NOUN_AFTER,
  isSingleWord,
  isWeakForm,
  KIT_AFTER,
  LOWER_GROUP,
  ORGANISATION_END,
} from './name-shapes';
import { lowerCaseSoftwareCue } from './context-cues';
import { calledMalware } from './software-cues';
import { isDescriptiveWord } from './software-names';
import { isNameLike } from './cue-names';
import { calledTool } from './tool-cues';
import { capitalsInProse } from './capitals-in-prose';
import { coordinatedKind } from './coordinated-names';
import { posingAs } from './impersonation-cues';
import { startsLongerName } from './longer-name-after';
import { inRanges } from './reference-lines';
import { candidateFacts, unlisted, type CandidateFacts } from './candidate-facts';
import { lowerCaseLicences, lowerListedProgram, ordinaryLowerCaseNames } from './lower-case-mentions';
import type { SoftwareDictionary } from './software-dictionary';
import type { Decided, Span } from './group-entities';

/** Whether software is cued at a mention; written in lower case, only by a cue about the name itself (`lowerCaseSoftwareCue`). */
const softwareCueOf = (text: string, span: Span, cued: boolean): boolean =>
  /\p{Lu}/u.test(span.text) ? cued : lowerCaseSoftwareCue(text, span.start, span.end);

/** Decides each chosen candidate: actor or software, kept or dropped, and its final span. */
export function decideCandidates(
  text: string,
  chosen: readonly Span[],
  dictionary: ActorDictionary,
  softwareDictionary: SoftwareDictionary,
): Decided[] {
  const facts = candidateFacts(text, chosen);
  const ordinary = ordinaryLowerCaseNames(text, chosen, facts.keys);
  const licenceOf = lowerCaseLicences(text, chosen, facts, softwareDictionary);
  const decided: Decided[] = [];
  for (const [i, span] of chosen.entries()) {
    if (span.executable) {
      decided.push({ ...span, kind: 'software' });
      continue;
    }
    // A single word in lower case is not a name listed with capitals, but software the text confirms with one.
    const lowerCase = !span.cued && !span.lowerListed && isSingleWord(span.text) && !/\p{Lu}/u.test(span.text);
    const licence = lowerCase ? licenceOf(i) : undefined;
    if (lowerCase && !licence) continue;
    // ".Net", ".NET": a framework or a file type, not a name (a dot after a name is no boundary).
    if (text[span.start - 1] === '.') continue;
    // A tool the lists name only in lower case, as its makers write it ("ngrok"), is the program without a cue.
    const program = lowerListedProgram(text, span, softwareDictionary);
    if (!program && ordinary.has(facts.keys[i]) && !/\p{Lu}/u.test(span.text)) continue;
    const kind = program ? 'software' : kindOf(text, chosen, i, span, facts, dictionary, softwareDictionary);
    if (kind === 'actor' && isOtherThanAnActor(text, i, span, facts)) continue;
    if (!program && !inContext(text, i, span, kind, facts)) continue;
    const decision = shaped(text, span, kind, dictionary, softwareDictionary);
    decided.push(licence ? { ...decision, lowerCase: licence } : decision);
  }
  return decided;
}

/**
 * Actor or software, by the lists, the words around the mention and the text's other mentions (see the
 * module comment). "The TrickBot gang" takes its noun: the span is extended there.
 */
function kindOf(
  text: string,
  chosen: readonly Span[],
  i: number,
  span: Span,
  facts: CandidateFacts,
  dictionary: ActorDictionary,
  softwareDictionary: SoftwareDictionary,
): 'actor' | 'software' {
  const cues = facts.local[i];
  const vote = facts.votes.get(facts.keys[i])!;
  // For a listed name, a cue only counts at the mention it is next to (see `cues`).
  const cued = span.dictionary ? undefined : span.cued;
  const isActor = span.actorIds.length > 0 || span.scheme !== undefined || cued === 'actor';
  const isSoftware = span.softwareIds.length > 0 || cued === 'software';
  if (isActor && isSoftware) {
    if (facts.groupSense(i, span)) return 'actor';
    if (cues.software && !cues.actor) return 'software';
    if (cues.actor && !cues.software) return 'actor';
    return (
      coordinatedKind(text, chosen, i) ??
      (vote.actor > vote.software ||
      (vote.actor === vote.software && (span.softwareOnlyInLowerCase || ownNameOfAnActorOnly(span, dictionary, softwareDictionary)))
        ? 'actor'
        : 'software')
    );
  }
  // "a Go loader the developers named Pickaxe": software in this text, though a group list has the name.
  // Not a vendor scheme's name, which names a group whatever the sentence ("the botnet, tracked by Proofpoint as TA542").
  if (!isSoftware)
    return span.scheme === undefined && facts.namedSoftwareNames.has(facts.keys[i]) && !facts.groupSense(i, span) ? 'software' : 'actor';
  const gang = GANG_AFTER.exec(text.slice(span.end, span.end + 16));
  // Never for a weak name ("Russian hackers", "One operator") but a capitalised ransomware name ("the
  // Hive gang": the gang that shares its name with its ransomware).
  const ransomware =
    span.softwareIds.some((id) => softwareDictionary.software[id].ransomware) ||
    (span.softwareIds.length === 0 && facts.namedRansomware.has(facts.keys[i]));
  const namedGang = !span.weak || (ransomware && /^\p{Lu}/u.test(span.text) && isNameLike(span.text));
  if (gang && namedGang) {
    // "the TrickBot gang": the group named after its malware, noun included; its family's names are
    // the gang's (`group-entities.ts`).
    span.end += gang[0].length;
    span.text = text.slice(span.start, span.end);
    return 'actor';
  }
  // A ransomware name is also its gang's: "DarkSide affiliates", and bare mentions in a text
  // that mostly talks about the gang (three actor cues or more, twice the software cues); a weak
  // name ("Hive", "Everest") only where a group noun is right at it.
  if (namedGang && !cues.software && ransomware && (cues.strongActor || (!span.weak && vote.actor >= 3 && vote.actor >= 2 * vote.software)))
    return 'actor';
  return 'software';
}

/**
 * A name a group list has as a record's own name and the software lists only as another name (Turla: the
 * group's name, one of Uroburos's): on a tie it is the group, whose name it is.
 */
function ownNameOfAnActorOnly(span: Span, dictionary: ActorDictionary, softwareDictionary: SoftwareDictionary): boolean {
  const key = span.text.toLowerCase();
  const own = (canonical: string) => canonical.toLowerCase() === key;
  return (
    span.actorIds.some((id) => own(dictionary.actors[id].canonical)) &&
    !span.softwareIds.some((id) => own(softwareDictionary.software[id].canonical))
  );
}

/** Whether a name taken for an actor is someone or something else here: a person, a company, a cited title… */
function isOtherThanAnActor(text: string, i: number, span: Span, facts: CandidateFacts): boolean {
  if (facts.isPerson(i, span) || (unlisted(span) && facts.companyNames.has(facts.keys[i]))) return true;
  // "Cobalt Strike" where no list has it: a listed ordinary word is the first word of another name.
  if (span.weak && span.dictionary && startsLongerName(text, span.end)) return true;
  // "Alibaba Cloud", "Foo Technologies": a company with a name an actor also goes by; "Mabna
  // Institute": a listed front organisation, an organisation in the text.
  if (COMPANY_AFTER.test(text.slice(span.end, span.end + 16)) || (span.dictionary && ORGANISATION_END.test(span.text))) return true;
  // "Criminals posing as Lazarus Group": a known name borrowed by someone else.
  if (span.actorIds.length > 0 && posingAs(text, span.start)) return true;
  // A name in a reference list's title ("[1] ESET, April 2018, Sednit update: …") is cited, not discussed.
  return inRanges(facts.references, span.start, span.end);
}

/**
 * Whether the text says the name is meant as a threat here: not in its common sense, not an ordinary word
 * a list holds as a family, and, for a lower-case-only or weak listed form, with the cue or context it needs.
 */
function inContext(text: string, i: number, span: Span, kind: 'actor' | 'software', facts: CandidateFacts): boolean {
  const cues = facts.local[i];
  const key = facts.keys[i];
  const vote = facts.votes.get(key)!;
  if (facts.commonSenseNames.has(key) && !(kind === 'actor' ? facts.strongNames.has(key) : cues.software)) return false;
  // A listed family whose name is one word that describes software ("Python", "AutoIT", "payload",
  // "Final") is that word, not the family.
  if (kind === 'software' && span.dictionary && isSingleWord(span.text) && isDescriptiveWord(span.text)) return false;
  // Nor one named by a word no name is ("Brazilian", a ransomware in one list: "a Brazilian banking trojan").
  if (kind === 'software' && span.dictionary && span.weak && isSingleWord(span.text) && !isNameLike(span.text)) return false;
  // A name listed only in lower case (`payload`, ransomlook gang names) carries no case
  // information: it needs a cue right next to it; written in lower case, one that is about the name,
  // not the noun after it ("a version of the root folder").
  // Written in camel case ("DragonForce" for ransomlook's "dragonforce"), it is a name, never an ordinary word.
  if (
    span.lowerListed &&
    span.dictionary &&
    !CAMEL_CASE.test(span.text) &&
    !(kind === 'actor' ? cues.actor : softwareCueOf(text, span, cues.software))
  )
    return false;
  if (!span.weak || !span.dictionary || span.cued) return true;
  if (kind === 'software' && facts.namedSoftwareNames.has(key)) return true;
  return (
    capitalsInProse(text, span) ||
    (kind === 'actor'
      ? cues.actor || vote.actor > 0 || span.actorIds.some((id) => facts.strongActors.has(id))
      : cues.software || vote.software > 0 || span.softwareIds.some((id) => facts.strongSoftware.has(id)))
  );
}

/** The decided mention: a group noun, a kit or the words a listed group name ends in taken in or left out, and what the text calls it. */
function shaped(
  text: string,
  span: Span,
  kind: 'actor' | 'software',
  dictionary: ActorDictionary,
  softwareDictionary: SoftwareDictionary,
): Decided {
  // "Winnti group", "Lazarus group": a lower-case group noun is not part of the name.
  // A listed ordinary word before a group noun takes the noun in: "Elfin Group" (not listed so).
  const noun = kind === 'actor' && span.dictionary && span.weak ? GROUP_NOUN_AFTER.exec(text.slice(span.end, span.end + 12)) : null;
  if (noun) return { ...span, kind, end: span.end + noun[0].length, text: text.slice(span.start, span.end + noun[0].length) };
  // Not for a name that is an ordinary word ("the Cobalt group"): the noun is what makes it a name.
  const plain = kind === 'actor' && span.dictionary ? LOWER_GROUP.exec(span.text) : null;
  if (plain && dictionary.lookup(plain[1]).length && !isWeakForm(dictionary, plain[1]))
    return { ...span, kind, end: span.start + plain[1].length, text: plain[1], actorIds: dictionary.lookup(plain[1]) };
  // A tool the text calls malware here ("Taurus Stealer") is malware throughout (`groupEntities`); so is a
  // name no list has ("a loader that FBI refers to as GlassMoth", though "GlassMoth is a small library").
  const calledHere =
    kind === 'software' &&
    (span.softwareIds.length === 0 || span.softwareIds.some((id) => softwareDictionary.software[id].kind === 'tool')) &&
    calledMalware(text, span.start, span.end);
  // "Taurus Builder Kit": a capitalised builder or kit after a tool's name is part of the name.
  const kit = kind === 'software' && span.dictionary && !calledHere ? KIT_AFTER.exec(text.slice(span.end, span.end + 24)) : null;
  if (kit && span.softwareIds.every((id) => softwareDictionary.software[id].kind === 'tool'))
    return { ...span, kind, end: span.end + kit[0].length, text: text.slice(span.start, span.end + kit[0].length) };
  // Software the text presents as a tool here ("the Socat tool", "tools such as X").
  // Only a name no list has can become a tool this way (`groupEntities`): listed ones are not asked.
  const toolHere = kind === 'software' && !calledHere && span.softwareIds.length === 0 && calledTool(text, span.start, span.end);
  return { ...span, kind, calledMalware: calledHere || undefined, calledTool: toolHere || undefined };
}

/**
 * Mentions of listed software written all in lower case: which the text confirms as the program (it writes
 * the name with a capital where it calls it software, presents it as a tool, lists it with software, or names its
 * program file elsewhere: "chisel.exe"), which are listed tools whose names are no word ("rclone", "plink"; "ngrok",
 * which the lists hold only in lower case), which it uses as the ordinary word (a name listed only in lower case,
 * written so twice with no cue), and which sit in prose rather than in a path or an identifier.
 */
import { lowerCaseSoftwareCue } from './context-cues';
import { formKey } from './dictionary';
import { calledTool } from './tool-cues';
import { coordinatedKind } from './coordinated-names';
import type { CandidateFacts } from './candidate-facts';
import type { Span } from './group-entities';
import { namedByItsExe, type SoftwareDictionary } from './software-dictionary';
import type { LowerCaseLicence } from './types';

/**
 * Software names the text writes with a capital where the words right at it call it software ("Socat
 * tool", "Socat is a relay tool"): written in lower case elsewhere ("through socat"), they are the same
 * program, as tools are often written. Not names a group list also has.
 */
export function softwareConfirmedWithCapitals(text: string, chosen: readonly Span[], facts: CandidateFacts): Set<string> {
  const keys = new Set<string>();
  chosen.forEach((span, i) => {
    if (!listedSoftwareOnly(span) || !/\p{Lu}/u.test(span.text)) return;
    if (facts.local[i].software || calledTool(text, span.start, span.end)) keys.add(facts.keys[i]);
  });
  return keys;
}

/**
 * Listed tools the text also names by their program file ("chisel.exe", `candidate-spans.ts`): written in lower case
 * elsewhere ("deployed chisel as a reverse SOCKS tunnel"), the same program, though the name is also a word.
 */
export function toolsRunAsPrograms(chosen: readonly Span[]): Set<string> {
  return new Set(chosen.filter((span) => span.executable).map((span) => formKey(span.text.replace(/\.exe$/i, ''))));
}

/**
 * Why each listed program written in lower case counts, if it does (see the module comment): in prose only, the text
 * writing it with a capital as software first, then naming its program file, presenting it as a tool or among
 * software, or the name being a listed tool that is no word. What the whole text says is read once.
 */
export function lowerCaseLicences(
  text: string,
  chosen: readonly Span[],
  facts: CandidateFacts,
  softwareDictionary: SoftwareDictionary,
): (i: number) => LowerCaseLicence | undefined {
  const confirmed = softwareConfirmedWithCapitals(text, chosen, facts);
  const programs = toolsRunAsPrograms(chosen);
  return (i) => {
    const span = chosen[i];
    if (!inProse(text, span)) return undefined;
    if (confirmed.has(facts.keys[i])) return 'capitalised-elsewhere';
    if (listedSoftwareOnly(span) && programs.has(facts.keys[i])) return 'program-file-elsewhere';
    if (lowerCaseToolHere(text, chosen, i)) return 'among-software';
    return lowerCaseListedTool(text, span, softwareDictionary) ? 'listed-tool' : undefined;
  };
}

/** Not part of a path, an address or an identifier ("/bazar/mail1.png", "kronos_string", "socat.zip"). */
export function inProse(text: string, span: Span): boolean {
  return !/[/\\_.\-=#?&@]/.test(text[span.start - 1] ?? ' ') && !/[/\\_\-=#?&@]|\.\w/.test(text.slice(span.end, span.end + 2));
}

/**
 * Names listed only in lower case (ransomlook's "template", "core") that the text writes in lower case at
 * least twice where no cue makes them software ("a remote template", "template injection"): there they are
 * the ordinary word, so "Word downloads the template" is that word too.
 */
export function ordinaryLowerCaseNames(text: string, chosen: readonly Span[], keys: readonly string[]): Set<string> {
  const uncued = new Map<string, number>();
  chosen.forEach((span, i) => {
    if (!span.lowerListed || !span.dictionary || /\p{Lu}/u.test(span.text)) return;
    if (!lowerCaseSoftwareCue(text, span.start, span.end)) uncued.set(keys[i], (uncued.get(keys[i]) ?? 0) + 1);
  });
  return new Set([...uncued].filter(([, n]) => n >= 2).map(([key]) => key));
}

/**
 * A listed program written in lower case where the words right at it present it as a tool ("tools such as plink
 * or chisel") or it is listed with software ("the use of AdFind, rclone, PsExec and AnyDesk"). Not a name a
 * group list also has.
 */
export function lowerCaseToolHere(text: string, chosen: readonly Span[], i: number): boolean {
  const span = chosen[i];
  if (!listedSoftwareOnly(span)) return false;
  return calledTool(text, span.start, span.end) || coordinatedKind(text, chosen, i) === 'software';
}

/** A name the software lists have with capitals and no group list has: the only kind these rules read. */
function listedSoftwareOnly(span: Span): boolean {
  return span.dictionary && !span.lowerListed && span.actorIds.length === 0 && span.softwareIds.length > 0;
}

/** A noun a program's name modifies: "an nmap script" is a script, "a curl exploit" an exploit. */
const ARTEFACT_AFTER = /^[\s\u00a0]+(?:exploits?|scripts?|modules?|plugins?|rules?|signatures?)\b/;

/**
 * A listed tool, in no group list and no ordinary word ("rclone", "procdump", "plink"; not "iodine"), written
 * in lower case as administrators write programs: the program, unless it names another artefact ("nmap script").
 */
export function lowerCaseListedTool(text: string, span: Span, softwareDictionary: SoftwareDictionary): boolean {
  return listedSoftwareOnly(span) && programHere(text, span, softwareDictionary, () => true);
}

/**
 * A listed name, no weak form, that only tools the lists have (each passing `alsoTool`) go by, and not before
 * another artefact it names ("nmap script").
 */
function programHere(
  text: string,
  span: Span,
  softwareDictionary: SoftwareDictionary,
  alsoTool: (software: SoftwareDictionary['software'][number]) => boolean,
): boolean {
  return (
    !span.weak &&
    span.softwareIds.every((id) => softwareDictionary.software[id].kind === 'tool' && alsoTool(softwareDictionary.software[id])) &&
    !ARTEFACT_AFTER.test(text.slice(span.end, span.end + 12))
  );
}

/**
 * A tool the lists name only in lower case, as its makers write it ("ngrok", "sqlmap", "netstat"): the program,
 * without a cue. Not an ordinary word (a weak form: "at", "route"), not a program the lists also name by its
 * ".exe" (Windows's own commands: "cmd", "certutil", "schtasks", which reports write in commands and paths), not
 * before another artefact ("an sqlmap script"), not in a path or a host name, and written as listed, in lower case.
 */
export function lowerListedProgram(text: string, span: Span, softwareDictionary: SoftwareDictionary): boolean {
  return (
    span.dictionary &&
    span.lowerListed &&
    span.actorIds.length === 0 &&
    span.softwareIds.length > 0 &&
    /^[a-z0-9]+$/.test(span.text) &&
    inProse(text, span) &&
    programHere(text, span, softwareDictionary, (software) => !namedByItsExe(software))
  );
}

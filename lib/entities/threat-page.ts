/**
 * Whether a text is about cyber threats at all, and what that changes. On a page that is not (a physics
 * feature, an encyclopedia's country article, a protocol draft), a name that a list or a cue offers as a
 * threat actor, malware or tool is nearly always something else: "Lorenz" the mathematician (a listed
 * ransomware gang), "the Economist Group" (a company), "the Manu Taupunga group" (a whale-rescue team),
 * "the root folder" (a listed ransomware). There such a name stays only where a word of the trade is in
 * the sentence of one of its mentions, or where a vendor's naming scheme made it (Storm-1152, UNC2452).
 *
 * A text of 150 words or more is judged (a shorter one, a selection or a name being tagged, keeps every name).
 * It reads as a threat report with at least three words of the trade (malware, ransomware, threat
 * actor, exploit, phishing, C2, backdoor, hackers, and a ransomware story's ransom, encryptor, leak site,
 * moved laterally…), at least one per thousand words. On the 80 AnnoCTR reports all but one do (a
 * geopolitical essay with none); on the 20 real pages of the fixtures, only a security news story does
 * (`encryption` is no such word: protocol drafts and browser blogs use it). Linear: one regex pass over the
 * text, one over each mention's sentence.
 */
import { wordInSentence } from './context-cues';
import type { Entity } from './types';

const TRADE_WORDS =
  /\b(?:malware|ransomware|threat[\s-]actors?|threat[\s-]groups?|APTs?|backdoors?|trojans?|exploit(?:s|ed|ation)?|(?:spear-?)?phishing|C2|C&C|command[- ]and[- ]control|payloads?|botnets?|cyber-?attacks?|cyber-?espionage|hack(?:ers?|ed|ing)|intrusions?|breach(?:es|ed)?|compromised?|vulnerabilit(?:y|ies)|CVE-\d{4}-\d+|IOCs?|indicators of compromise|attackers?|cybercrim[a-z]*|infect(?:ed|ions?)?|stealers?|loaders?|RATs?|spyware|wipers?|extortion|ransoms?|encrypt(?:s|ed|ing|ors?)?|leak[\s-]sites?|exfiltrat(?:e|es|ed|ing|ion)|laterally|lateral[\s-]movement|threat[\s-]intelligence|zero-days?)\b/gi;

/** The same, for one test (a global regex keeps its place between tests). */
const TRADE_WORD = new RegExp(TRADE_WORDS.source, 'i');

const MIN_WORDS = 3;
const PER_THOUSAND_WORDS = 1;

/** Shorter texts (a selection, a name, a snippet) are not judged: too few words to say what they are about. */
const MIN_PAGE_WORDS = 150;

const wordCount = (text: string) => text.split(/\s+/).filter(Boolean).length;

/** Whether `text` reads as a threat report: see the module comment. */
export function readsAsThreatReport(text: string): boolean {
  const trade = text.match(TRADE_WORDS)?.length ?? 0;
  return trade >= MIN_WORDS && (trade * 1000) / Math.max(wordCount(text), 1) >= PER_THOUSAND_WORDS;
}

/** How far a mention's sentence is read on either side. */
const REACH = 200;

const NAMED_KINDS = new Set(['threat-actor', 'malware', 'tool']);

/**
 * The entities, without the threat actors, malware and tools that a text which does not read as a threat
 * report names with no word of the trade around them (see the module comment). Every other entity stays.
 */
export function withoutThreatNamesOutOfPlace(text: string, entities: readonly Entity[]): Entity[] {
  if (wordCount(text) < MIN_PAGE_WORDS || readsAsThreatReport(text)) return [...entities];
  return entities.filter(
    (e) =>
      !NAMED_KINDS.has(e.kind) ||
      e.foundBy?.rules?.scheme !== undefined ||
      e.mentions.some((m) => wordInSentence(text, m.start, m.end, TRADE_WORD, REACH)),
  );
}

/**
 * Whether a word a cue proposes can name software (`software-cues.ts`, `tool-cues.ts`), not an ordinary word
 * that describes it ("Banking trojan", "Python backdoor", "Delivering malware"):
 * - capitalised, camelCase or with digits, and not a stop word (`isNameLike`) or a word for a
 *   platform, language, file type or function (`Android`, `Go`, `PE`, `Password`);
 * - not an adjective (`Python-based`, `IRS-themed`), nor a participle (`Deobfuscated`, `Delivering`) unless
 *   a plain capitalised word that passes the next check ("a new loader, dubbed Waxwing");
 * - not a programming language the text names as one ("scripted in KiXtart", "written in Rust");
 * - a plain capitalised word (`Ares`, `Widespread`) only when the text never writes it in lower case
 *   (an ordinary word shows up in lower case somewhere: "banking", "password"), or writes it capitalised
 *   mid-sentence four times or more and three times as often ("the Ironclad locker" twenty times, "an ironclad
 *   guarantee" once; "the Enlace backdoor" six times, "el enlace de fibra" in a quoted Spanish lure twice), or a
 *   naming verb gives it ("a backdoor we named Mortise", though the text speaks of a mortise joint); and,
 *   when it opens a sentence or a line, only when the text also writes it capitalised mid-sentence.
 * The checks on the text are one pass over it for every proposed name.
 */
import { isNameLike } from './cue-names';
import { PROTOCOL_WORDS } from './software-dictionary';

/**
 * Words that describe software rather than name it: platforms, languages, file types, functions,
 * and a few adjectives common in headings ("Information Stealer", "Remote Access Trojan").
 */
const DESCRIPTIVE = new Set(
  (
    'Android Linux Unix Windows Mac MacOS macOS iOS IoT Mobile Web Cloud Server Desktop Go Golang Rust Delphi Python ' +
    'Java JavaScript JScript VBScript VBA PHP Perl Ruby Lua NET .NET AutoIt PowerShell Bash Shell Macro Office ' +
    'Excel Word PDF PE ELF DLL EXE MSI HTA HTML LNK ISO ZIP RAR JS VBS APK DMG JAR API C2 CnC ATM PoS POS RDP SMB HTTP DNS ' +
    // A DLL spelled out: "a Dynamic-Link Library (DLL)".
    'Dynamic-Link Dynamic-link ' +
    'Banking Bank Password Credential Credentials Information Info Access Remote Shellcode Driver Kernel Logger ' +
    'RAT RATs Trojans Malware Ransomware Keylogger Backdoor Loader Stealer Trojan Dropper Downloader Implant Botnet Botnets Wiper Miner Crypto Cryptocurrency Mining ' +
    'Bitcoin Ransom Email Spam Document Custom Modular Commodity Generic Open Source Fileless Destructive Multi ' +
    'Pro Plus Lite Free Full Basic Standard Advanced Simple Small Big Main Final Second Third Stage Dropped ' +
    'Malicious Legitimate Popular Notorious Infamous Sophisticated Novel Unique Custom-made Stealthy Dangerous ' +
    'Trojanized Commercial Financial Fake Rogue Evasive Persistent Common Typical Different Similar Additional ' +
    // Words a table's header puts before "malware" or "tool": "Associated malware", "Archiving tool".
    'Associated Related Known Observed Identified Suspected Reported Detected Deployed Archiving Tunneling Tunnelling ' +
    'Scanning Monitoring Networking Hacking ' +
    // Kinds of attack and of defence, by their abbreviations: "an open-source DDoS tool", "an EDR killer".
    'DDoS DoS RCE XSS SQLi CSRF SSRF LPE MFA 2FA OTP SMS VPN EDR XDR SIEM RMM IOC IOCs TTP TTPs ' +
    // Kinds of business: "a similar PPI botnet", "a MaaS loader".
    'PPI MaaS ' +
    // Kinds of crime: "an eCrime loader".
    'eCrime Ecrime Cybercrime Crimeware'
  ).split(' '),
);

/** `DESCRIPTIVE` in lower case, with generic nouns a list may hold as a family's name (`payload`). */
const DESCRIPTIVE_LOWER = new Set([...DESCRIPTIVE].map((w) => w.toLowerCase()).concat(['payload', 'payloads', 'sample', 'samples']));

/**
 * Whether a single word describes software rather than names it (a language, platform, file type,
 * function, generic noun), in any case: "Python", "AutoIT", "payload", "Final". Lists hold a few
 * families under such names (a ransomware called "Python", "Autoit" for Rakhni); in a report the word
 * is almost always the ordinary one.
 */
export function isDescriptiveWord(word: string): boolean {
  const lower = word.toLowerCase();
  return DESCRIPTIVE_LOWER.has(lower) || PROTOCOL_WORDS.has(lower);
}

/** Endings of adjectives: "Python-based", "IRS-themed", "Second-stage", "Pay-per-install", "DDoS-for-hire". */
const ADJECTIVE =
  /-(?:based|themed|linked|like|style|related|specific|enabled|capable|powered|driven|written|stage|install|party|purpose|hire|service)$/;
/**
 * Endings of participles: "Deobfuscated", "Delivering". A plain capitalised word so ending may still be a
 * name ("Waxwing"): the checks on plain words below tell, since a participle shows up in lower case.
 */
const PARTICIPLE = /(?:ed|ing)$/;

/** Whether `index` opens a sentence, a line, a table cell or the text (quotes and brackets skipped). */
function opensSentence(text: string, index: number): boolean {
  let i = index - 1;
  while (i >= 0 && /[\s“"'‘([*_•·–-]/.test(text[i]) && text[i] !== '\n') i--;
  return i < 0 || text[i] === '\n' || /[.!?:;|]/.test(text[i]);
}

export const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * How often, at least, and how many times as often as in lower case, a plain word must be written capitalised
 * mid-sentence to be a name despite its lower-case uses.
 */
const PROPER_NOUN_USES = 4;
const PROPER_NOUN_RATIO = 3;

/** A plain capitalised word, which may be an ordinary word: `Ares`, `Widespread`. */
const PLAIN = /^[A-Z][a-z]+$/;

/** Whether `name` passes the checks that need no look at the rest of the text. */
export function nameShaped(name: string): boolean {
  return (
    isNameLike(name) &&
    !DESCRIPTIVE.has(name) &&
    !PROTOCOL_WORDS.has(name.toLowerCase()) &&
    !ADJECTIVE.test(name) &&
    (!PARTICIPLE.test(name) || PLAIN.test(name))
  );
}

/** Just before a programming language: "scripted in KiXtart", "written in Rust". */
const LANGUAGE_BEFORE = /\b(?:written|rewritten|scripted|coded|programmed|implemented)[ \u00a0]+in[ \u00a0]+$/;

/**
 * The proposed names that can name software in `text` (see the module comment): one pass over the
 * text for all of them, looking at every occurrence in any case.
 */
export function acceptedNames(text: string, names: Iterable<string>, namedByVerb: ReadonlySet<string> = new Set()): Set<string> {
  const shaped = [...new Set(names)].filter(nameShaped);
  // Names that differ only in case ("MineBridge", "Minebridge") share a key.
  const byKey = new Map<string, string[]>();
  for (const n of shaped) byKey.set(n.toLowerCase(), [...(byKey.get(n.toLowerCase()) ?? []), n]);
  const rejected = new Set<string>();
  const seenMidSentence = new Set<string>();
  const lowerCaseUses = new Map<string, number>();
  const midSentenceUses = new Map<string, number>();
  if (shaped.length) {
    const alternation = [...byKey.keys()]
      .sort((a, b) => b.length - a.length)
      .map(escapeRegex)
      .join('|');
    for (const m of text.matchAll(new RegExp(String.raw`(?<![A-Za-z0-9_])(?:${alternation})(?![A-Za-z0-9_])`, 'gi'))) {
      const end = m.index + m[0].length;
      const language = LANGUAGE_BEFORE.test(text.slice(Math.max(0, m.index - 24), m.index));
      // An ordinary word shows up in lower case somewhere in the text (not in a URL or file name).
      const inPath = /[-./\\]/.test(text[m.index - 1] ?? '') || /^(?:[-/\\]|\.[A-Za-z0-9])/.test(text.slice(end, end + 2));
      const lowerCase = m[0] === m[0].toLowerCase() && !inPath;
      for (const name of byKey.get(m[0].toLowerCase()) ?? []) {
        // A name a naming verb gives ("a backdoor we named Mortise") stays one where the text also uses the word
        // ("the traditional mortise and tenon joint"): the verb says which is the name. Not a participle.
        if (language) rejected.add(name);
        if (lowerCase && PLAIN.test(name) && (!namedByVerb.has(name) || PARTICIPLE.test(name)))
          lowerCaseUses.set(name, (lowerCaseUses.get(name) ?? 0) + 1);
        if (m[0] === name && !opensSentence(text, m.index)) {
          seenMidSentence.add(name);
          midSentenceUses.set(name, (midSentenceUses.get(name) ?? 0) + 1);
        }
      }
    }
  }
  // An ordinary word in lower case somewhere, unless the text writes it capitalised mid-sentence far more often:
  // a name the text also uses as a word once or twice ("the Ironclad locker", 20 times; "an ironclad guarantee").
  for (const [name, lower] of lowerCaseUses) {
    const capitalised = midSentenceUses.get(name) ?? 0;
    if (capitalised < PROPER_NOUN_USES || capitalised < PROPER_NOUN_RATIO * lower) rejected.add(name);
  }
  // A plain capitalised word must be written capitalised mid-sentence somewhere.
  return new Set(shaped.filter((n) => !rejected.has(n) && (!PLAIN.test(n) || seenMidSentence.has(n))));
}

/** Whether the proposed word `name` can name software in `text` (see the module comment). */
export function looksLikeSoftwareName(text: string, name: string): boolean {
  return acceptedNames(text, [name]).has(name);
}

const CAPITALISED_WORD = /^\.?[A-Z][A-Za-z0-9-]*$/;

/**
 * A plain capitalised word that ends a longer capitalised phrase is part of it, not the whole name a cue reads
 * one word back for: "Cobalt Strike is a legitimate tool", "the Microsoft Windows Support Diagnostic Tool". The
 * word before it is no stop word ("The Socat tool" is Socat), or is itself after a capitalised word; a name shaped
 * as no word is a name after anything ("the Nirsoft WebBrowserPassView tool"). ".NET" counts as capitalised (".NET
 * Framework utility").
 */
export function endsTitleCasePhrase(text: string, start: number, name: string): boolean {
  if (!PLAIN.test(name)) return false;
  // The words before the name on its line, the last one empty (the space before the name).
  const line = text.slice(Math.max(0, start - 40), start);
  const words = line.slice(line.lastIndexOf('\n') + 1).split(/[ \u00a0]/);
  const at = (back: number) => words[words.length - back] ?? '';
  if (at(1) !== '' || !CAPITALISED_WORD.test(at(2))) return false;
  return CAPITALISED_WORD.test(at(3)) || isNameLike(at(2));
}

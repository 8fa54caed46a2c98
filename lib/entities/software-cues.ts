/**
 * Context cues for malware names no list has yet: a name-like word right before a software noun
 * ("Foo malware", "Foo loader", "Foo stealer", "Foo RAT") or given as the name of one ("a new loader
 * dubbed Foo", "malware called Foo", "calling this new variant Foo", "a packer that calls itself
 * Foo", "the backdoor, Foo, …"). The caller finds each proposed name again throughout the text (one
 * sense per text).
 *
 * The software noun stays outside the name, as AnnoCTR labels it ("Ryuk ransomware" → `Ryuk`),
 * except where the text never writes the name without it ("MineBridge RAT" every time → the noun is
 * part of the name).
 *
 * A proposed word must look like a name, not like an ordinary word that describes the software
 * ("Banking trojan", "Python backdoor", "Delivering malware"): `software-names.ts`. "X ransomware
 * attack/gang/operators" names a victim or a gang, not the software.
 * Every rule is a global regex pass, linear in the text; the checks run once per distinct name.
 */
import type { CuedName } from './cue-names';
import { acceptedNames, escapeRegex, nameShaped } from './software-names';

/** A name-like token: capitalised, camelCase or with digits; joined by - or . inside. */
const TOKEN = String.raw`(?:[A-Z][A-Za-z0-9]*|[a-z]+[A-Z][A-Za-z0-9]*|[0-9]+[A-Za-z][A-Za-z0-9]*)(?:[-.][A-Za-z0-9]+)*`;
/** Not inside a longer token (`Proofpoint.Lookback`, `x-Foo`). */
const START = String.raw`(?<![A-Za-z0-9_.\-\u00c0-\u024f])`;
const SP = String.raw`[ \u00a0]+`;
const OPEN_QUOTE = String.raw`[“"'‘*_]*`;
/** Nouns that say the word before them names a piece of malware. */
const NOUN = String.raw`(?:[Mm]alware|RATs?|[Ll]oaders?|[Bb]ackdoors?|[Ss]tealers?|[Ii]nfostealers?|[Cc]lippers?|[Tt]rojans?|[Rr]ansomware|[Bb]otnets?|[Ss]pambots?|[Ii]mplants?|[Dd]roppers?|[Dd]ownloaders?|[Ww]orms?|[Ww]ipers?|[Rr]ootkits?|[Ss]pyware)`;
/** After "X ransomware": a gang, or a victim ("the Kaseya ransomware attack"). */
const NOT_SOFTWARE_AFTER = String.raw`(?!${SP}(?:gangs?|groups?|operators?|affiliates?|crews?|actors?|attacks?|incidents?|victims?|payments?|demands?|negotiat\w*|breach(?:es)?)\b)`;

/**
 * Kinds of malware in Mandiant's vocabulary that only define a name ("LATCHKEY, a lightweight tunneler"; "a
 * script-based launcher"; "X, a previously undocumented modular bot"): before them, "the Steam launcher" and "the
 * Discord bot" name no malware.
 */
const DEFINED_NOUN = String.raw`(?:[Ll]aunchers?|[Tt]unnel(?:l)?ers?|[Uu]ploaders?|[Bb]ots?)`;
/** Words between a family's name and its noun that say what kind: "Mekotio banking trojan", "Moorbolt DDoS botnet". */
const KIND_WORD = String.raw`(?:banking|information|password|credential|clipboard|crypto(?:currency)?|remote${SP}access|modular|DDoS|DLL|JavaScript|PowerShell)`;
/** A hash or a hash's name before a type column's noun ("3b7c…a62 SHA256 Downloader DLL"): no family. */
const HASH_NAME = String.raw`(?:[0-9a-fA-F]{16,}|MD5|SHA-?\d*|IMPHASH)\b`;
/** "Ares malware", "MirrorBlast loader", "MineBridge RAT", "Mekotio banking trojan". */
const NAME_BEFORE_NOUN = new RegExp(
  String.raw`${START}(?!${HASH_NAME})(${TOKEN})${SP}(?:${KIND_WORD}${SP})?(${NOUN})\b${NOT_SOFTWARE_AFTER}`,
  'g',
);
/** A hacktivist crew's attack program, which its volunteers run: "the Zvon DDoS client". Not a customer ("a client named X"). */
const DDOS_CLIENT = String.raw`DDoS${SP}[Cc]lients?`;
/** "the Zvon DDoS client", "Molotok DDoS Client". */
const NAME_BEFORE_DDOS_CLIENT = new RegExp(String.raw`${START}(${TOKEN})${SP}${DDOS_CLIENT}\b`, 'g');
/** Kits of crime, not of development: "a phishing kit", "an ATM jackpotting kit", "an exploit kit". */
const CRIME_KIT = String.raw`(?:[Pp]hishing|[Jj]ackpotting|[Ee]xploit)${SP}[Kk]its?`;
/**
 * Pieces of malware that only a naming verb names: "a stager, which we call X", "the .NET injector, which the developer
 * named X", "an Outlook add-in, tracked by us as X", "an obfuscated JavaScript that we have called X", "a JavaScript file
 * we call X", "a skimmer named X", "an EDR killer we named X", "a custom DDoS client it calls X", "a BYOVD utility the
 * administrators call X", "a Go-based SOCKS5 proxy module we named X", "a phishing kit that we call X", "a
 * phishing-as-a-service offering called X".
 */
const NAMED_ONLY_NOUN = String.raw`(?:[Ss]tagers?|[Ii]njectors?|[Aa]dd-ins?|[Ss]cripts?|(?:JavaScript|VBScript|JScript)(?:${SP}files?)?|[Pp]lugins?|[Ss]kimmers?|(?:EDR|AV)${SP}[Kk]illers?|SOCKS5?${SP}[Pp]roxy|[Pp]roxy${SP}[Mm]odules?|BYOVD\)?${SP}(?:[Uu]tilit(?:y|ies)|[Tt]ools?)|${CRIME_KIT}|[Oo]fferings?|${DDOS_CLIENT})`;
/** What the software is written in, between its noun and its naming clause: "a backdoor written in Go, which we dubbed X". */
const WRITTEN_IN = String.raw`(?:${SP}(?:written|coded|developed|implemented)${SP}in${SP}[A-Z][A-Za-z0-9+#]*(?=[, ]))?`;
/** A short clause between the noun and its naming clause: "The loader that delivers it, which we track as X". */
const THAT_CLAUSE = String.raw`(?:${SP}that${SP}(?:[a-z]+${SP}){0,2}[a-z]+(?=,))?`;
/**
 * "a loader dubbed X", "malware called X", "a backdoor that researchers named X", "their encryptor, which
 * the operators call X" (a present-tense naming verb only after "that" or "which", "we" or "its" / "their": "a
 * loader we call X", "a stealer its author calls X"), "a web shell, which Microsoft named X", "a custom loader
 * that FBI refers to as X", "a small downloader Proofpoint calls X" (a vendor's name and a present-tense verb), "a loader
 * that the developers themselves named X", "an add-in, tracked by us as X", "a ransomware family named X", "a
 * commodity loader they refer to as X", "a small loader Intel 471 calls X", "a DDoS client the group calls X", "a custom
 * DDoS client it calls X", "an encryptor the operators call X".
 */
const NAMED_AFTER_NOUN = new RegExp(
  String.raw`\b(?:${NOUN}|${DEFINED_NOUN}|(?:[Mm]alware|[Rr]ansomware)${SP}famil(?:y|ies)|[Ss]trains?|[Vv]ariants?|[Vv]ersions?|[Pp]ackers?|[Cc]rypters?|[Ee]ncryptors?|[Ll]ockers?|[Ww]eb(?:${SP})?[Ss]hells?|${NAMED_ONLY_NOUN})${WRITTEN_IN}${THAT_CLAUSE}(?:,)?${SP}(?:(?:(?:that|which)${SP}(?:\w+${SP}){1,3}?)?(?:called|named|dubbed|known${SP}as|tracked${SP}(?:by${SP}\w+${SP})?as)|(?:that|which)${SP}(?:\w+${SP}){1,3}?(?:(?:call|name|dub)s?|refers?${SP}to${SP}as|track(?:s|ed)?${SP}as)|(?:its|their)${SP}(?:\w+${SP})?(?:call|name|dub)s?|(?:\w+${SP}){1,2}?referred${SP}to${SP}(?:only${SP})?as|we${SP}(?:now${SP}|also${SP})?(?:call|named|dubbed|(?:track|tracked)${SP}as)|they${SP}(?:call|named|dubbed|refer${SP}to${SP}as)|(?:it|the${SP}(?:group|gang|crew|actors?|operators|developers?))${SP}(?:calls|named|dubbed|refers${SP}to${SP}as)|the${SP}(?:operators|developers|authors|administrators|admins|affiliates|attackers)${SP}(?:call|name|dub|refer${SP}to${SP}as)|[A-Z][A-Za-z]+(?:${SP}\d+)?${SP}(?:calls|names|dubs|tracks${SP}as|refers${SP}to${SP}as))${SP}${OPEN_QUOTE}(${TOKEN})`,
  'gu',
);
/**
 * "FerrousLoad is a loader written in Rust", "X was a previously undocumented backdoor", "GammaSteel, a stealer
 * that the group has used since 2023", "Mira.Grab (also known as MiraStealer) is a relatively new information stealer",
 * "X, a previously unreported PowerShell-based stager"; not "the war in Ukraine, a stable level of ransomware
 * activity" nor "… or Armenian, a common behavior among stealers" (no preposition among the words before the
 * noun); "Lesnik, a Mirai variant", "X is a new Gafgyt fork" (a variant of a named family, its name capitalised); "X, an
 * ATM jackpotting kit", "X, a POS memory scraper", "X, a crypter service".
 */
const IS_A_NOUN = new RegExp(
  String.raw`${START}(${TOKEN})[”"'’*_]*(?:${SP}\([^()\n]{1,60}\))?(?:,?${SP}(?:is|was)|,)${SP}an?${SP}(?:(?!(?:of|by|for|from|with|to|that|which|and|or|in|on|at|among|between|against|across|into|about|over|under|like|via|per)\b)\.?[A-Za-z0-9-]+${SP}){0,3}?(?:${NOUN}|${DEFINED_NOUN}|[Ss]tagers?|[Cc]rypters?|${CRIME_KIT}|(?:RAM|[Mm]emory)${SP}[Ss]crapers?|[A-Z][A-Za-z0-9-]*[ \u00a0](?:[Vv]ariant|[Ff]ork|[Cc]lone))\b`,
  'g',
);
/**
 * "a loader sold on the Exploit forum under the name X", "an offering its developer markets under the name X", "X is
 * promoted on two forums under the name Y", "a PlugX variant … that ESET described with the name X" (within the
 * sentence, 80 characters at most).
 */
const UNDER_THE_NAME = new RegExp(
  String.raw`\b(?:${NOUN}|[Vv]ariants?|[Ss]trains?|[Pp]ackers?|[Cc]rypters?|[Oo]fferings?|(?:is|are|was|were)${SP}(?:promoted|advertised|sold|marketed|offered))\b[^.!?\n]{0,80}?\b(?:under|with)${SP}the${SP}names?${SP}${OPEN_QUOTE}(${TOKEN})`,
  'gu',
);
/**
 * "calling this new variant X", "dubbed the loader X", "the actor named the product X", "some researchers track
 * the family as X", "its developer internally named it X" (whoever writes it names software, not a group).
 */
const CALLING_IT = new RegExp(
  String.raw`\b(?:(?:call(?:ing|ed|s)?|dubb(?:ed|ing|s)|nam(?:ed|ing|es))${SP}(?:this|the|it|its)${SP}(?:new${SP}|latest${SP})?(?:${NOUN}|[Vv]ariants?|[Ss]trains?|[Pp]ackers?|[Cc]rypters?|[Pp]roduct)|(?:[Dd]evelopers?|[Aa]uthors?|[Cc]oders?)${SP}(?:[a-z]+ly${SP})?(?:call(?:ed|s)?|dubb(?:ed|s)|nam(?:ed|es))${SP}it|track(?:s|ed|ing)?${SP}(?:this|the|its)${SP}(?:new${SP}|latest${SP})?(?:${NOUN}|[Ff]amily|[Vv]ariants?|[Ss]trains?)${SP}as)${SP}${OPEN_QUOTE}(${TOKEN})`,
  'gu',
);
/** "a small DLL that we call the Garum stager", "which we dubbed the Tadpole dropper": the name between "the" and its noun. */
const CALLED_THE_NAMED = new RegExp(
  String.raw`\b(?:we|they|researchers)${SP}(?:have${SP})?(?:call(?:ed)?|dubbed|named)${SP}the${SP}${OPEN_QUOTE}(${TOKEN})[”"'’*_]*${SP}(?:${NOUN}|${DEFINED_NOUN}|${NAMED_ONLY_NOUN})\b`,
  'gu',
);
/**
 * A list item that defines a name at the start of its line, as reports list a family's parts: "Specchio: a plugin that
 * captures screenshots", "Bouncer, a traffic-filtering module that drops bots". A module or a component counts here,
 * where the line gives the name a definition of its own.
 */
const LINE_DEFINITION = new RegExp(
  String.raw`(?:^|\n)[*\-\u2022 \u00a0\t]*(${TOKEN})[”"'’*_]*[:,]${SP}an?${SP}(?:(?!(?:of|by|for|from|with|to|that|which|and|or|in|on|at)\b)[A-Za-z0-9-]+${SP}){0,3}?(?:${NOUN}|${DEFINED_NOUN}|${NAMED_ONLY_NOUN}|[Mm]odules?|[Cc]omponents?)\b`,
  'g',
);
/**
 * A part of a family that its makers or the researchers name: "a module the developers call X", "a Kubernetes module
 * its developers call X", "a component we named X". Not a module any name is given ("a module named X" in a list of a family's modules).
 */
const PART_NAMED = new RegExp(
  String.raw`\b(?:[Mm]odules?|[Cc]omponents?)${SP}(?:(?:that|which)${SP})?(?:(?:the|its|their)${SP}(?:developers?|authors?|operators?)${SP}(?:call|calls|called|named|dubbed)|we${SP}(?:call|named|dubbed|track${SP}as))${SP}${OPEN_QUOTE}(${TOKEN})`,
  'gu',
);
/** "a malware packer … that calls itself X", "a trojan that names itself X" (within the sentence, 80 characters at most). */
const CALLS_ITSELF = new RegExp(
  String.raw`\b(?:${NOUN}|[Vv]ariants?|[Ss]trains?|[Pp]ackers?|[Cc]rypters?)\b[^.!?\n]{0,80}?\b(?:calls|names|refers${SP}to)${SP}itself${SP}(?:as${SP})?${OPEN_QUOTE}(${TOKEN})`,
  'gu',
);
/**
 * Families named in a list after a plural malware noun: "information stealers such as RedLine, Raccoon and
 * Vidar", "malware such as Emotet", "ransomware families like A or B", "banking families such as A, B and C".
 * Up to five single-token names joined by commas, "and", "or"; the list ends at the first item that is no token.
 */
const LIST_NOUN = String.raw`(?:[Mm]alware(?:${SP}(?:families|strains))?|(?:[Bb]anking|[Mm]obile|Android|[Ss]tealer|[Ll]oader|RAT|[Bb]otnet|[Bb]ackdoor|[Ww]iper|[Ss]pyware)${SP}families|RATs|[Ss]tealers|[Ii]nfostealers|[Ll]oaders|[Bb]ackdoors|[Tt]rojans|[Bb]otnets|[Dd]roppers|[Dd]ownloaders|[Ww]ipers|[Rr]ansomware(?:${SP}(?:families|strains|variants))?)`;
const LIST_SEPARATOR = String.raw`(?:,${SP}(?:and${SP}|or${SP})?|${SP}(?:and|or)${SP})`;
const MALWARE_SUCH_AS = new RegExp(
  String.raw`\b${LIST_NOUN}${SP}(?:such${SP}as|like|including)${SP}(${OPEN_QUOTE}${TOKEN}[”"'’*_]*(?:${LIST_SEPARATOR}${OPEN_QUOTE}${TOKEN}[”"'’*_]*){0,4})`,
  'g',
);
/** An item of such a list: a token not inside a longer one, after its opening quotes (entered at the first). */
const LIST_ITEM = new RegExp(String.raw`(?<![“"'‘*_A-Za-z0-9.\-\u00c0-\u024f])${OPEN_QUOTE}(${TOKEN})`, 'g');

/**
 * "the backdoor, X, …", "a new stealer, X, was …", "a custom encryptor, X, and", "a lightweight tunneling implant, X, on",
 * "a simple DDoS bot, X, to", "a custom SOCKS5 proxy, X, to".
 */
const NOUN_APPOSITION = new RegExp(
  String.raw`\b(?:[Tt]he|[Aa]n?|[Ii]ts|[Tt]heir)${SP}(?:(?:[a-z]+|${KIND_WORD}|Windows|Linux|macOS|Android|ESXi)${SP}){0,2}(?:${NOUN}|${DEFINED_NOUN}|[Ee]ncryptors?|[Ll]ockers?|SOCKS5?${SP}[Pp]roxy),${SP}${OPEN_QUOTE}(${TOKEN})[”"'’*_]*,`,
  'gu',
);

/** Nouns that may be part of a name: "MineBridge RAT", "Foo Stealer", "Foo Loader". */
const PART_OF_NAME = /^(?:RAT|[Ss]tealer|[Ll]oader)$/;

/**
 * "MineBridge RAT": where the text never writes the name without the noun, the noun is part of the
 * name. One pass over the text for all such names.
 */
function extendOverNoun(text: string, nounAfter: Map<CuedName, string>): void {
  if (!nounAfter.size) return;
  const names = [...new Set([...nounAfter.keys()].map((c) => c.text))].sort((a, b) => b.length - a.length);
  const bare = new Set<string>();
  const alternation = names.map(escapeRegex).join('|');
  const regex = new RegExp(String.raw`${START}(?:${alternation})(?![A-Za-z0-9_])(${SP}(?:RAT|[Ss]tealer|[Ll]oader)\b)?`, 'g');
  for (const m of text.matchAll(regex)) if (!m[1]) bare.add(m[0]);
  for (const [cue, noun] of nounAfter) {
    // "SmokeLoader Loader" in a table row: the name already ends with its noun.
    if (bare.has(cue.text) || cue.text.toLowerCase().endsWith(noun.trim().toLowerCase())) continue;
    cue.end += noun.length;
    cue.text += noun;
  }
}

/**
 * A camel-case name that ends in its software noun, glued: "SumacRAT", "MiraStealer", "HopLoader" (a name, not a
 * word: each part starts with a capital).
 */
const GLUED_NOUN = new RegExp(String.raw`${START}((?:[A-Z][a-z0-9]+)+(?:RAT|Stealer|Loader))(?![A-Za-z0-9])`, 'g');

/** Malware names proposed by the cues above, in text order, with kind `software`. */
export function findCuedSoftware(text: string): CuedName[] {
  const raw: { start: number; name: string; noun?: string; named?: boolean }[] = [];
  for (const m of text.matchAll(NAME_BEFORE_NOUN)) {
    // "Zorbo RAT" may be the name; "Zorbo information stealer" is a name and what it is.
    const after = m[0].slice(m[1].length);
    raw.push({ start: m.index, name: m[1], noun: PART_OF_NAME.test(m[2]) && after.trim() === m[2] ? after : undefined });
  }
  for (const m of text.matchAll(NAME_BEFORE_DDOS_CLIENT)) raw.push({ start: m.index, name: m[1] });
  const namedByVerb = new Set<string>();
  for (const regex of [
    NAMED_AFTER_NOUN,
    UNDER_THE_NAME,
    CALLING_IT,
    CALLED_THE_NAMED,
    CALLS_ITSELF,
    PART_NAMED,
    LINE_DEFINITION,
    NOUN_APPOSITION,
    IS_A_NOUN,
    GLUED_NOUN,
  ]) {
    for (const m of text.matchAll(regex)) {
      const named = regex !== NOUN_APPOSITION && regex !== IS_A_NOUN && regex !== GLUED_NOUN && regex !== LINE_DEFINITION;
      raw.push({ start: m.index + m[0].lastIndexOf(m[1]), name: m[1], named });
      if (named) namedByVerb.add(m[1]);
    }
  }
  for (const m of text.matchAll(MALWARE_SUCH_AS)) {
    const listStart = m.index + m[0].length - m[1].length;
    for (const item of m[1].matchAll(LIST_ITEM))
      raw.push({ start: listStart + item.index + item[0].length - item[1].length, name: item[1] });
  }
  const accepted = acceptedNames(
    text,
    raw.map((r) => r.name),
    namedByVerb,
  );
  const out: CuedName[] = [];
  const nounAfter = new Map<CuedName, string>();
  for (const r of raw) {
    if (!accepted.has(r.name)) continue;
    const cue: CuedName = { start: r.start, end: r.start + r.name.length, text: r.name, kind: 'software' };
    if (r.named) cue.namedSoftware = true;
    out.push(cue);
    if (r.noun) nounAfter.set(cue, r.noun);
  }
  extendOverNoun(text, nounAfter);
  out.sort((a, b) => a.start - b.start || b.end - a.end);
  return out.filter((c, i) => i === 0 || c.start !== out[i - 1].start || c.end !== out[i - 1].end);
}

/**
 * Nouns that call the software before them malware, not a tool: "Taurus stealer", "X RAT", "a Foo
 * backdoor". "RAT" only in capitals; "malware" itself too ("the Foo malware").
 */
const MALWARE_NOUN = String.raw`(?:RATs?|(?:[Mm]alware|[Ss]tealers?|[Ii]nfo-?[Ss]tealers?|[Ll]oaders?|[Bb]ackdoors?|[Tt]rojans?|[Rr]ansomware|[Bb]otnets?|[Ii]mplants?|[Dd]roppers?|[Dd]ownloaders?|[Ss]pyware|[Ww]orms?|[Ww]ipers?|[Kk]eyloggers?|[Rr]ootkits?))`;
/** Right after the name: "Taurus Stealer", "“Foo” backdoor" (not "Foo ransomware gang", a group). */
const MALWARE_NOUN_AFTER = new RegExp(String.raw`^[”"'’*_]*(?:['’]s)?[ \u00a0]+${MALWARE_NOUN}\b${NOT_SOFTWARE_AFTER}`);
/** Soon after, in the same sentence: "Foo is a new information stealer", "Foo, a modular backdoor". */
const IS_A_MALWARE_NOUN = new RegExp(
  String.raw`^[”"'’*_]*(?:,|${SP}(?:is|was|remains)(?:${SP}(?:also|still|actually))?)${SP}(?:an?|the)${SP}(?:\.?[A-Za-z0-9-]+${SP}){0,4}?${MALWARE_NOUN}\b`,
);
/**
 * Right before: "a stealer named Foo", "a RAT called “Foo”", "this stealer, named Foo", "a loader that FBI refers to as
 * Foo", "a Go loader the developers named Foo".
 */
const MALWARE_NOUN_BEFORE = new RegExp(
  String.raw`\b${MALWARE_NOUN},?${SP}(?:(?:that|which)${SP}(?:\w+${SP}){1,2}?|(?:the|its|their)${SP}(?:developers?|authors?|operators?)${SP})?(?:called|named|dubbed|known${SP}as|tracked${SP}as|refers?${SP}to${SP}as|calls?)${SP}${OPEN_QUOTE}$`,
);

/**
 * Whether the text calls the software named at `start`–`end` malware right there: a malware noun
 * right after it ("Taurus Stealer", "the Foo backdoor"), "Foo is a … stealer" or "Foo, a … RAT" in the
 * same sentence, or "a stealer named Foo". The name must be one that can name malware at all (not
 * "PowerShell backdoor", "a .NET loader", "FTP clients"). Reads a few dozen characters around the
 * mention.
 */
export function calledMalware(text: string, start: number, end: number): boolean {
  if (!nameShaped(text.slice(start, end))) return false;
  const after = text.slice(end, end + 80);
  if (MALWARE_NOUN_AFTER.test(after)) return true;
  const sentence = /^[^.!?\n]*/.exec(after)![0];
  if (IS_A_MALWARE_NOUN.test(sentence)) return true;
  return MALWARE_NOUN_BEFORE.test(text.slice(Math.max(0, start - 60), start));
}

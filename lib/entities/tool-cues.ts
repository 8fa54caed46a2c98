/**
 * Context cues that a piece of software is a tool (dual-use or offensive software, a packer, a builder,
 * a miner, a library; not a crypter, which reports call malware as often) rather than malware, for names no list has and for listed names the text
 * presents as tools:
 * - a tool noun right after the name: "the Socat tool", "CyaX packer", "XMRig miner", "Zlib library";
 * - the name given as one: "tools such as X", "a packer dubbed X", "the utility “X”";
 * - "X is a (legitimate, open-source…) tool", "X, an open-source framework", "X: the new favourite
 *   maldoc builder".
 * `findCuedTools` proposes new names from the first of these (checked by `acceptedNames`, as
 * malware names are), not the last word of a longer capitalised name ("Cobalt Strike is a tool") nor the word
 * before the tool noun of an ATT&CK name ("Lateral Tool Transfer"); `calledTool` reads the words around one mention. Each is one anchored regex test
 * on a short slice, or one global pass over the text: linear (a global pattern enters a run of spaces
 * only at its start, else it would read the rest of a long run from each of its spaces).
 */
import { acceptedNames, endsTitleCasePhrase } from './software-names';
import type { CuedName } from './cue-names';

const SP = String.raw`[ \u00a0]+`;
const OPEN_QUOTE = String.raw`[“"'‘*_]*`;
const CLOSE_QUOTE = String.raw`[”"'’*_]*`;
/** `CLOSE_QUOTE` in a global pattern: a run of quotes entered only at its start (from each mark, quadratic). */
const CLOSE_QUOTE_RUN = String.raw`(?<![”"'’*_])${CLOSE_QUOTE}`;
/** Nouns that say the software before or after them is a tool. */
const TOOL_NOUN = String.raw`(?:[Tt]ools?|[Uu]tilit(?:y|ies)|[Pp]ackers?|[Mm]iners?|[Ff]rameworks?|[Ll]ibrar(?:y|ies)|[Bb]uilders?)`;
/** A name-like token, as in software-cues.ts (capitalised, camelCase or with digits). */
const TOKEN = String.raw`(?:[A-Z][A-Za-z0-9]*|[a-z]+[A-Z][A-Za-z0-9]*|[0-9]+[A-Za-z][A-Za-z0-9]*)(?:[-.][A-Za-z0-9]+)*`;
const START = String.raw`(?<![A-Za-z0-9_.&\-\u00c0-\u024f])`;

/** Right after the name: "Socat tool", "“Foo” packer" (not "tool kit" of a malware family: no noun after). */
const TOOL_NOUN_AFTER = new RegExp(String.raw`^${CLOSE_QUOTE}${SP}${TOOL_NOUN}\b(?!${SP}(?:kits?|families|family)\b)`);
/**
 * Names before this one in a list ("tools such as Cobalt Strike, Mimikatz and X"): up to four items of
 * one or two words. Items and their separators are told apart by their first character, so the pattern
 * reads a window without retrying; a closing "_" is read with the item's word characters, never by its
 * closing marks as well (either could take it: polynomial backtracking).
 */
const ITEM = String.raw`[“"'‘*_]*[A-Za-z0-9][\w.-]*(?:[ \u00a0][A-Z][\w.-]*)?[”"'’*]*`;
const LIST_BEFORE = String.raw`(?:${ITEM},${SP}){0,4}(?:${ITEM},?${SP}(?:and|or)${SP})?`;
/** Words before a tool noun that make it one: "open-source tools", "red team framework". */
const TOOL_MODIFIER = String.raw`(?:open-source|legitimate|admin(?:istration)?|pentest(?:ing)?|penetration${SP}testing|red${SP}team|post-exploitation|exploitation|adversary${SP}simulation|offensive|dual-use|command-line|Windows|system)`;
/** Right before: "tools such as X", "tools such as A, B and X", "a packer dubbed X", "the utility “X”". */
const TOOL_NOUN_BEFORE = new RegExp(
  String.raw`\b(?:${TOOL_NOUN}(?:,?${SP}(?:(?:(?:that|which)${SP}(?:\w+${SP}){1,3}?|we${SP})(?:call(?:s|ed)?|name[sd]?|dub(?:s|bed)?)|such${SP}as|like|including|called|named|dubbed|known${SP}(?:in${SP}the${SP}\w+${SP})?as))?|${TOOL_MODIFIER}${SP}${TOOL_NOUN}(?:${SP}such${SP}as|${SP}like|${SP}including|,)?)${SP}(?:the${SP})?${LIST_BEFORE}${OPEN_QUOTE}$`,
  'i',
);
/** How far back `TOOL_NOUN_BEFORE` reads (a list of a few names). */
const BEFORE_WINDOW = 120;
/** Soon after, in the same sentence: "X is a legitimate tool", "X, an open-source framework". */
const IS_A_TOOL = new RegExp(
  String.raw`^${CLOSE_QUOTE}(?:[,:]|${SP}(?:is|was|remains)(?:${SP}(?:also|still|actually))?)${SP}(?:an?|the)${SP}(?:(?!(?:by|of|for|from|used|with|to|that|which)\b)\.?[A-Za-z0-9’'-]+${SP}){0,4}?${TOOL_NOUN}\b`,
);

/** Whether the words right around `text[start, end)` present the software there as a tool. */
export function calledTool(text: string, start: number, end: number): boolean {
  const after = text.slice(end, end + 80);
  if (TOOL_NOUN_AFTER.test(after)) return true;
  if (IS_A_TOOL.test(/^[^.!?\n]*/.exec(after)![0])) return true;
  return TOOL_NOUN_BEFORE.test(text.slice(Math.max(0, start - BEFORE_WINDOW), start));
}

/**
 * "Socat tool", "CyaX packer", "XMRig miner": the name before a tool noun, in the singular; not before
 * "tools" ("VMware tools", "DDoS tools": a vendor or a category) nor "framework" ("the TIBER-EU
 * framework": a body of rules as often as software), nor a utility that owns things or serves customers
 * ("a Bavarian utility's customer portal", "a Bavarian utility company": the power company), nor a noun inside
 * an ATT&CK technique's name ("Ingress Tool Transfer", "Dynamic-link Library Injection").
 */
const TOOL_NOUN_SINGULAR = new RegExp(
  String.raw`${CLOSE_QUOTE_RUN}(?<![ \u00a0])${SP}(?:(?:[Tt]ool|[Uu]tility(?![’']s\b|${SP}(?:compan|provider|customer|operator|firm|sector))|[Pp]acker|[Mm]iner|[Ll]ibrary|[Bb]uilder)\b|${TOOL_MODIFIER}${SP}(?:[Tt]ool|[Ff]ramework)\b)(?!${SP}(?:[Tt]ransfer|[Ii]njection)\b)`,
  'gi',
);
/** A name-like token that ends a short stretch of text, not inside a longer token. */
const TOKEN_AT_END = new RegExp(String.raw`${START}(${TOKEN})$`);
/** The longest token `TOKEN_AT_END` reads back (longer ones are encoded data, not names). */
const TOKEN_REACH = 40;
/** "X is a tool that…", "X is an open-source red team framework", "MHDDoS, an open-source DDoS tool". */
const IS_A_TOOL_LINK = new RegExp(
  String.raw`${CLOSE_QUOTE_RUN}(?:,|(?<![ \u00a0])${SP}(?:is|was))${SP}(?:an?|the)${SP}(?:(?!(?:by|of|for|from|used|with|to|that|which|malicious)\b)\.?[A-Za-z0-9’'-]+${SP}){0,3}?(?:tool|utility|packer|framework)\b`,
  'g',
);
/**
 * "a packer dubbed X", "a builder known as “X”", "an exfiltration tool, which the operators call X", "a tool we
 * call X" (a present-tense naming verb only after "that", "which", "we" or a vendor: "a custom tool Intel 471
 * refers to as X").
 */
const NAMED_AFTER_TOOL_NOUN = new RegExp(
  String.raw`\b${TOOL_NOUN},?${SP}(?:(?:(?:that|which)${SP}(?:\w+${SP}){1,3}?|we${SP})(?:call(?:s|ed)?|name[sd]?|dub(?:s|bed)?)|called|named|dubbed|known${SP}(?:in${SP}the${SP}\w+${SP})?as|[A-Z][A-Za-z]+(?:${SP}\d+)?${SP}(?:calls|names|dubs|refers${SP}to${SP}as|tracks${SP}as))${SP}${OPEN_QUOTE}(${TOKEN})`,
  'g',
);

/** Tool names proposed by the cues above, in text order, with kind `software`. */
export function findCuedTools(text: string): CuedName[] {
  const raw: { start: number; name: string }[] = [];
  // The name before a tool noun: found from the noun (far rarer than the words that could start a
  // name), then read backwards. The slice starts at a space or at the text's start, so that START's
  // look-behind sees what is really before the token.
  for (const m of [...text.matchAll(TOOL_NOUN_SINGULAR), ...text.matchAll(IS_A_TOOL_LINK)]) {
    let from = Math.max(0, m.index - TOKEN_REACH);
    if (from > 0) {
      const space = text.slice(from, m.index).search(/[\s\u00a0([“"'‘*_]/);
      if (space < 0) continue;
      from += space;
    }
    const name = TOKEN_AT_END.exec(text.slice(from, m.index));
    if (name && !endsTitleCasePhrase(text, from + name.index, name[1])) raw.push({ start: from + name.index, name: name[1] });
  }
  const namedByVerb = new Set<string>();
  for (const m of text.matchAll(NAMED_AFTER_TOOL_NOUN)) {
    raw.push({ start: m.index + m[0].lastIndexOf(m[1]), name: m[1] });
    namedByVerb.add(m[1]);
  }
  raw.sort((a, b) => a.start - b.start);
  // One pass over the text for every proposed name; a name a naming verb gives stays one where the text
  // also uses the word ("an exfiltration tool we named Drawknife", "a drawknife is a blade").
  const accepted = acceptedNames(
    text,
    raw.map((r) => r.name),
    namedByVerb,
  );
  const out: CuedName[] = raw
    .filter((r) => accepted.has(r.name))
    .map((r) => ({ start: r.start, end: r.start + r.name.length, text: r.name, kind: 'software' }));
  out.sort((a, b) => a.start - b.start || b.end - a.end);
  return out.filter((c, i) => i === 0 || c.start !== out[i - 1].start || c.end !== out[i - 1].end);
}

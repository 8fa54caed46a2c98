/**
 * Context cues that a piece of software is a tool (dual-use or offensive software, a packer, a builder,
 * a miner, a library; not a crypter, which reports call malware as often) rather than malware, for names no list has and for listed names the text
 * presents as tools:
 * - a tool noun right after the name: "the Socat tool", "CyaX packer", "XMRig miner", "Zlib library";
 * - the name given as one: "tools such as X", "a packer dubbed X", "the utility “X”";
 * - "X is a (legitimate, open-source…) tool", "X, an open-source framework", "X: the new favourite
 *   maldoc builder".
 * `findCuedTools` proposes new names from the first of these (checked by `acceptedNames`, as
 * malware names are); `calledTool` reads the words around one mention. Each is one anchored regex test
 * on a short slice, or one global pass over the text: linear.
 */
import { acceptedNames } from './software-cues';
import type { CuedName } from './context-cues';

const SP = String.raw`[ \u00a0]+`;
const OPEN_QUOTE = String.raw`[“"'‘*_]*`;
const CLOSE_QUOTE = String.raw`[”"'’*_]*`;
/** Nouns that say the software before or after them is a tool. */
const TOOL_NOUN = String.raw`(?:[Tt]ools?|[Uu]tilit(?:y|ies)|[Pp]ackers?|[Mm]iners?|[Ff]rameworks?|[Ll]ibrar(?:y|ies)|[Bb]uilders?)`;
/** A name-like token, as in software-cues.ts (capitalised, camelCase or with digits). */
const TOKEN = String.raw`(?:[A-Z][A-Za-z0-9]*|[a-z]+[A-Z][A-Za-z0-9]*|[0-9]+[A-Za-z][A-Za-z0-9]*)(?:[-.][A-Za-z0-9]+)*`;
const START = String.raw`(?<![A-Za-z0-9_.&\-\u00c0-\u024f])`;

/** Right after the name: "Socat tool", "“Foo” packer" (not "tool kit" of a malware family: no noun after). */
const TOOL_NOUN_AFTER = new RegExp(String.raw`^${CLOSE_QUOTE}${SP}${TOOL_NOUN}\b(?!${SP}(?:kits?|families|family)\b)`);
/** Right before: "tools such as X", "a packer dubbed X", "the utility “X”", "using the X". */
const TOOL_NOUN_BEFORE = new RegExp(
  String.raw`\b(?:${TOOL_NOUN}(?:,?${SP}(?:(?:that|which)${SP}(?:\w+${SP}){1,3}?)?(?:such${SP}as|like|including|called|named|dubbed|known${SP}(?:in${SP}the${SP}\w+${SP})?as))?|(?:open-source|legitimate|admin(?:istration)?|pentest(?:ing)?|penetration${SP}testing|red${SP}team|dual-use|command-line|Windows|system)${SP}${TOOL_NOUN}(?:${SP}such${SP}as|${SP}like|,)?)${SP}(?:the${SP})?${OPEN_QUOTE}$`,
);
/** Soon after, in the same sentence: "X is a legitimate tool", "X, an open-source framework". */
const IS_A_TOOL = new RegExp(
  String.raw`^${CLOSE_QUOTE}(?:[,:]|${SP}(?:is|was|remains)(?:${SP}(?:also|still|actually))?)${SP}(?:an?|the)${SP}(?:(?!(?:by|of|for|from|used|with|to|that|which)\b)[A-Za-z0-9’'-]+${SP}){0,4}?${TOOL_NOUN}\b`,
);

/** Whether the words right around `text[start, end)` present the software there as a tool. */
export function calledTool(text: string, start: number, end: number): boolean {
  const after = text.slice(end, end + 80);
  if (TOOL_NOUN_AFTER.test(after)) return true;
  if (IS_A_TOOL.test(/^[^.!?\n]*/.exec(after)![0])) return true;
  return TOOL_NOUN_BEFORE.test(text.slice(Math.max(0, start - 60), start));
}

/**
 * "Socat tool", "CyaX packer", "XMRig miner": the name before a tool noun, in the singular; not before
 * "tools" ("VMware tools", "DDoS tools": a vendor or a category) nor "framework" ("the TIBER-EU
 * framework": a body of rules as often as software).
 */
const NAME_BEFORE_TOOL_NOUN = new RegExp(String.raw`${START}(${TOKEN})${CLOSE_QUOTE}${SP}(?:[Tt]ool|[Uu]tility|[Pp]acker|[Mm]iner|[Ll]ibrary|[Bb]uilder)\b`, 'g');
/** "a packer dubbed X", "a builder known as “X”". */
const NAMED_AFTER_TOOL_NOUN = new RegExp(
  String.raw`\b${TOOL_NOUN},?${SP}(?:(?:that|which)${SP}(?:\w+${SP}){1,3}?)?(?:called|named|dubbed|known${SP}(?:in${SP}the${SP}\w+${SP})?as)${SP}${OPEN_QUOTE}(${TOKEN})`,
  'g',
);

/** Tool names proposed by the cues above, in text order, with kind `software`. */
export function findCuedTools(text: string): CuedName[] {
  const raw: { start: number; name: string }[] = [];
  for (const regex of [NAME_BEFORE_TOOL_NOUN, NAMED_AFTER_TOOL_NOUN]) {
    for (const m of text.matchAll(regex)) raw.push({ start: m.index + m[0].lastIndexOf(m[1]), name: m[1] });
  }
  // One pass over the text for every proposed name.
  const accepted = acceptedNames(text, raw.map((r) => r.name));
  const out: CuedName[] = raw.filter((r) => accepted.has(r.name)).map((r) => ({ start: r.start, end: r.start + r.name.length, text: r.name, kind: 'software' }));
  out.sort((a, b) => a.start - b.start || b.end - a.end);
  return out.filter((c, i) => i === 0 || c.start !== out[i - 1].start || c.end !== out[i - 1].end);
}

/**
 * Entity types shared by the extension and the command line. The JSON shape is the CLI contract in
 * docs/product.md ("Command line"): `[{kind, name, canonical, aliases, mentions: [{start, end, text}]}]`,
 * with offsets into the extracted article text (`textContent`).
 */

/** Every kind of entity Gloss knows, in the order its views and exports list them. */
export const ENTITY_KINDS = [
  'threat-actor',
  'malware',
  'tool',
  'vulnerability',
  'technique',
  'indicator',
  'organization',
  'person',
  'place',
] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

/** One occurrence in the text: UTF-16 offsets, `end` exclusive, so `text.slice(start, end) === mention.text`. */
export interface Mention {
  start: number;
  end: number;
  text: string;
}

export interface Entity {
  kind: EntityKind;
  /** The name as it first appears in the text. */
  name: string;
  /** The canonical (dictionary) name; equals `name` for a name no list has yet. */
  canonical: string;
  /** Other known names of the same entity (not including `canonical`). */
  aliases: string[];
  mentions: Mention[];
  /** An ambiguous name: the canonical names of every actor it may mean, the chosen one first. */
  candidates?: string[];
  /** The MITRE ATT&CK id when known: G1015 (group), S0154 (software), T1566.001 (technique). */
  attackId?: string;
  /** What an indicator is; `name` and `canonical` hold it refanged. */
  indicatorType?: IndicatorType;
  /**
   * An indicator on one of MISP's warninglists (`warninglists.ts`): a popular site, a private or
   * documentation address, the empty file's hash. Shown because the text presents it as an indicator, but
   * not to be reported as malicious unless the researcher confirms it.
   */
  warning?: IndicatorWarning;
  /** Why the entity is here: what found it (see `lib/entities/model/combine.ts`). */
  foundBy?: FoundBy;
}

/** Why a listed program written in lower case counts (`lower-case-mentions.ts`). */
export const LOWER_CASE_LICENCES = ['capitalised-elsewhere', 'program-file-elsewhere', 'among-software', 'listed-tool'] as const;
export type LowerCaseLicence = (typeof LOWER_CASE_LICENCES)[number];

export interface FoundBy {
  /**
   * The rules found it: by a listed name, a vendor naming scheme (e.g. "Microsoft Storm-####"), or a cue
   * phrase; `row`: a technique some of whose mentions are an ATT&CK table's rows (`technique-rows.ts`);
   * `family`: a gang no actor list has, known by its software's listed names ("ALPHV", "BlackCat": `group-entities.ts`);
   * `lowerCase`: a listed program some of whose mentions are written in lower case, and why they count
   * (`lower-case-mentions.ts`).
   */
  rules?: {
    listed?: boolean;
    scheme?: string;
    cue?: 'actor' | 'software';
    introduced?: boolean;
    row?: boolean;
    family?: boolean;
    lowerCase?: LowerCaseLicence;
  };
  /**
   * The learned model kept it, with its calibrated probability that the decision is right
   * (`lib/entities/model/calibration.ts`); `doubts`: a cue-only actor the model leans against, not surely
   * enough to overrule the cue (`checked-by-model.ts`), at every mention.
   */
  model?: { confidence: number; agreesWithRules: boolean; doubts?: boolean };
}

/** Which warninglist holds an indicator's value (MISP's file name, `tranco10k`), and what that makes it in words. */
export interface IndicatorWarning {
  list: string;
  /** In two words, beside the value in a list: "popular site". */
  short: string;
  /** In a sentence's words: "a popular site (Tranco's top 10,000)". */
  label: string;
}

export type IndicatorType = 'ipv4' | 'ipv6' | 'domain' | 'url' | 'email' | 'md5' | 'sha1' | 'sha256';

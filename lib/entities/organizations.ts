/**
 * Organisations in article text, from four sources, the longest span winning where they overlap:
 * - the list Gloss ships (data/organizations.json): vendors, research teams, platforms, agencies;
 * - a country's government or armed forces named through the place list: "Chinese government",
 *   "government of China" and "China’s government" are one entity, "Government of China";
 * - public bodies named by their pattern: "Ministry of Foreign Affairs", "US Department of Commerce";
 * - companies named with a legal suffix: "Gravity Co., Ltd.", "Fink Telecom Services GmbH".
 *
 * Listed names are matched in their own case, and also in any case when they cannot be an English
 * word (a digit or an inner capital: "CrowdStrike", "Intel 471"). A vendor named in a product's name
 * ("Zscaler Cloud Sandbox", "Microsoft Word") is still a mention of the vendor; a framework named
 * after its maker ("MITRE ATT&CK") is not. Links, file and registry paths and all-capital text are
 * skipped as in places.ts.
 */
import type { NameSearchGroup } from './folded-search';
import { createNameMatcher, isAtNameBoundary, isInsideLinkOrPath, selectLongest, type NameMatcher } from './match-names';
import { organizationAbbreviations } from './organization-abbreviations';
import { joinShortForms } from './organization-short-forms';
import { isShoutedShortForm, type PlaceRecord } from './places';
import type { Entity, Mention } from './types';

/** One record of data/organizations.json. */
export interface OrganizationRecord {
  name: string;
  type: string;
  aliases?: string[];
}

interface Candidate extends Mention {
  canonical: string;
  aliases: string[];
}

const DISTINCTIVE = /\d|\p{Ll}\p{Lu}/u;

export function createOrganizationFinder(
  records: readonly OrganizationRecord[],
  places: readonly PlaceRecord[] = [],
  group?: NameSearchGroup,
): (text: string) => Entity[] {
  const listed = createNameMatcher(
    records.flatMap((record, index) =>
      [record.name, ...(record.aliases ?? [])].flatMap((form) => [
        { form, caseSensitive: true, data: index },
        ...(DISTINCTIVE.test(form) ? [{ form, caseSensitive: false, data: index }] : []),
      ]),
    ),
    group,
  );
  const countries = places.filter((p) => p.type === 'country' || p.type === 'former-country');
  const countryForms = createNameMatcher(
    countries.flatMap((place, index) =>
      [place.name, ...(place.aliases ?? []), ...(place.demonyms ?? [])].map((form) => ({ form, caseSensitive: true, data: index })),
    ),
    group,
  );
  const countryNames = countries.map((c) => c.name);
  return (text) => {
    const candidates = [
      ...findListed(text, records, listed),
      ...findStateBodies(text, countryNames, countryForms),
      ...findPublicBodies(text),
      ...findCompanies(text),
    ];
    const chosen = selectLongest(candidates);
    const abbreviations = organizationAbbreviations(text, chosen).map((use) => ({ ...use, aliases: [use.text] }));
    return joinShortForms(groupByCanonical(selectLongest([...chosen, ...abbreviations])));
  };
}

/** "MITRE ATT&CK" names the framework, not the organisation. */
const FRAMEWORK_AFTER = /^[ \t]+(?:ATT&CK|D3FEND|CAPEC|CWE)(?![\p{L}\p{N}])/u;

function findListed(text: string, records: readonly OrganizationRecord[], matcher: NameMatcher<number>): Candidate[] {
  const found: Candidate[] = [];
  for (const hit of matcher.findAll(text)) {
    if (isInsideLinkOrPath(text, hit.start, hit.end) || isShoutedShortForm(text, hit.start, hit.end)) continue;
    if (FRAMEWORK_AFTER.test(text.slice(hit.end, hit.end + 10))) continue;
    const record = records[hit.data[0]];
    found.push({ start: hit.start, end: hit.end, text: hit.text, canonical: record.name, aliases: record.aliases ?? [] });
  }
  return found;
}

/** What follows a country form to name one of its state bodies, and the canonical name it gets. */
const STATE_BODY_AFTER = /^(?:['’]s)?[ \t]+(government|military|army|navy|armed forces)(?![\p{L}\p{N}])/iu;
const STATE_BODY_BEFORE = /(?<![\p{L}\p{N}])(government|military|army|navy|armed forces)[ \t]+of[ \t]+(?:the[ \t]+)?$/iu;

function stateBodyName(word: string, country: string): string {
  return word.toLowerCase() === 'government' ? `Government of ${country}` : `Armed forces of ${country}`;
}

function findStateBodies(text: string, countryNames: readonly string[], matcher: NameMatcher<number>): Candidate[] {
  const found: Candidate[] = [];
  for (const hit of matcher.find(text)) {
    const country = countryNames[hit.data[0]];
    const after = STATE_BODY_AFTER.exec(text.slice(hit.end, hit.end + 20));
    if (after) {
      const end = hit.end + after[0].length;
      found.push({ start: hit.start, end, text: text.slice(hit.start, end), canonical: stateBodyName(after[1], country), aliases: [] });
      continue;
    }
    const window = text.slice(Math.max(0, hit.start - 30), hit.start);
    const before = STATE_BODY_BEFORE.exec(window);
    if (before) {
      const start = hit.start - (window.length - before.index);
      found.push({ start, end: hit.end, text: text.slice(start, hit.end), canonical: stateBodyName(before[1], country), aliases: [] });
    }
  }
  return found;
}

/** Head nouns of public bodies that can end a name ("… Employment Administration"). */
const FINAL_HEADS = [
  'Ministry',
  'Department',
  'Bureau',
  'Agency',
  'Institute',
  'University',
  'College',
  'Commission',
  'Council',
  'Directorate',
  'Administration',
  'Authority',
  'Academy',
];
const word = (alternatives: readonly string[]) => String.raw`(?:${alternatives.join('|')})(?![\p{L}\p{N}])`;
const FINAL_HEAD = word(FINAL_HEADS);
/** Heads followed by "of"; "Office" only there, or "Microsoft Office" would be a public office. */
const HEAD = word([...FINAL_HEADS, 'Ministries', 'Office']);
/** A capitalised word with lower-case letters: "Health", not "CPRS" (an acronym after a name is not part of it). */
const NAME_WORD = String.raw`\p{Lu}\p{Ll}[\p{L}’']*`;
/** "and" joins two words of one name, not two bodies ("Department of Health and Bureau of Customs"). */
const JOINER = String.raw`(?:(?:and|&)(?![ \t]+${HEAD})|for|of|the)`;
const QUALIFIER = String.raw`(?:\p{Lu}[\p{L}’']*|U\.S\.|U\.K\.)[ \t]+`;
/**
 * Public bodies named by their pattern: "Ministry of Foreign Affairs" (a head noun, "of", a
 * capitalised name; optionally after a qualifier: "US Department of Commerce") and "Philippine
 * Overseas Employment Administration" (capitalised words ending in a head noun). A match starts at a
 * word, not after an apostrophe inside one: a qualifier reads on through apostrophes ("O’Brien"), so
 * starting after each of them re-read the rest of a long "A’B’C’…" run every time (quadratic).
 */
const PUBLIC_BODY = new RegExp(
  String.raw`(?<![\p{L}\p{N}]|[\p{L}\p{N}][’'])(?:(?:${QUALIFIER}){0,3}${HEAD}[ \t]+of[ \t]+(?:the[ \t]+)?${NAME_WORD}(?:[ \t]+(?:${JOINER}[ \t]+)?${NAME_WORD})*|(?:${QUALIFIER}){1,3}${FINAL_HEAD}(?![ \t]+of[ \t]))`,
  'gu',
);
const DETERMINER =
  /^(?:The|A|An|This|That|These|Those|Its|Their|Our|His|Her|In|At|By|For|From|With|And|Of|On|To|La|Le|Les|El|Los|Las|Die|Der|Das)[ \t]+/u;

function findPublicBodies(text: string): Candidate[] {
  const found: Candidate[] = [];
  for (const match of text.matchAll(PUBLIC_BODY)) {
    let start = match.index;
    let body = match[0];
    for (let strip = DETERMINER.exec(body); strip; strip = DETERMINER.exec(body)) {
      start += strip[0].length;
      body = body.slice(strip[0].length);
    }
    const end = start + body.length;
    if (!/[ \t]/.test(body) || !isAtNameBoundary(text, start, end) || isInsideLinkOrPath(text, start, end)) continue;
    found.push({ start, end, text: body, canonical: body.replace(/\s+/g, ' '), aliases: [] });
  }
  return found;
}

/**
 * Legal-form suffixes; the "Co., Ltd" family is written in any case in Chinese company names. The
 * spaces before the suffix are matched from the first of them only (or from a comma): tried from every
 * space, a long run of spaces was re-read to its end each time (quadratic). The matches are the same.
 */
const COMPANY_SUFFIX =
  /(?:,|(?<![ \t]))[ \t]+(?:(?:Co|CO|co)\.?,?[ \t]*(?:Ltd|LTD|ltd|Limited)\.?|Inc\.|Inc(?![\p{L}\p{N}.])|Corp\.|Corp(?![\p{L}\p{N}.])|Corporation|Ltd\.?|LTD\.?|Limited|LLC|GmbH|AG|PLC|plc|Pty\.?[ \t]+Ltd\.?|S\.A\.|S\.p\.A\.|S\.r\.l\.|B\.V\.|N\.V\.)(?![\p{L}\p{N}])/gu;
const NAME_TOKEN = /^(?:[\p{Lu}\p{N}][\p{L}\p{N}&’'.-]*|&)$/u;
const ABBREVIATION = /^(?:(?:\p{Lu}\.)+|Co\.|Bros\.|Intl\.|St\.|Corp\.|Inc\.|Ltd\.|Mfg\.)$/u;
/** A word of a company's name: not one that ends a sentence ("…using SocGholish. Evil Corp"), unless initials ("U.S.") or an abbreviation. */
const nameToken = (word: string) => NAME_TOKEN.test(word) && (!word.endsWith('.') || ABBREVIATION.test(word));

function findCompanies(text: string): Candidate[] {
  const found: Candidate[] = [];
  for (const match of text.matchAll(COMPANY_SUFFIX)) {
    // The company's name: the capitalised words (at most six) just before the suffix, on its line.
    const window = text.slice(Math.max(0, match.index - 80), match.index);
    const from = match.index - window.length + window.lastIndexOf('\n') + 1;
    const words = [...text.slice(from, match.index).matchAll(/\S+/gu)];
    const last = words.at(-1);
    if (!last || from + last.index + last[0].length !== match.index) continue;
    let first = words.length;
    while (first > 0 && words.length - first < 6 && nameToken(words[first - 1][0]) && !DETERMINER.test(`${words[first - 1][0]} `)) first--;
    while (first < words.length && words[first][0] === '&') first++;
    if (first === words.length) continue;
    const start = from + words[first].index;
    const end = match.index + match[0].length;
    if (!isAtNameBoundary(text, start, end) || isInsideLinkOrPath(text, start, end)) continue;
    const name = text.slice(start, end);
    found.push({ start, end, text: name, canonical: name.replace(/\s+/g, ' '), aliases: [] });
  }
  return found;
}

/** One entity per canonical name, with every alias its mentions bring (a listed name's, a defined abbreviation). */
function groupByCanonical(candidates: readonly Candidate[]): Entity[] {
  const entities = new Map<string, Entity>();
  for (const { start, end, text, canonical, aliases } of candidates) {
    const key = canonical.toLowerCase();
    let entity = entities.get(key);
    if (!entity) {
      entity = { kind: 'organization', name: text, canonical, aliases: [...aliases], mentions: [] };
      entities.set(key, entity);
    } else {
      for (const alias of aliases) if (!entity.aliases.includes(alias)) entity.aliases.push(alias);
    }
    entity.mentions.push({ start, end, text });
  }
  return [...entities.values()];
}

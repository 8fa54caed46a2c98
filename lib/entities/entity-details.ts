/**
 * What the popup shows about one entity beyond its mentions: the names it goes by, where the name
 * comes from, what is known about it, and where to read more. Links come from the shipped data or are
 * built from well-known registries (ATT&CK, NVD); an indicator never gets a link, because following
 * one would visit the attacker's infrastructure.
 */
import { formKey } from './dictionary';
import type { AmbiguousName } from './alias-picks';
import { explainEntity } from './explain-entity';
import { sourceIdsOf, sourceName } from './source-names';
import type { Entity, EntityKind } from './types';
import { shownHost } from '../url/site';

/** Fields of data/threat-actors.json and data/software.json records that details use. */
export interface SourceRecord {
  name: string;
  aliases: string[];
  source?: string;
  sources?: string[];
  country?: string;
  msft_origin?: string;
  mitre_id?: string;
  kind?: string;
  refs?: string[];
  microsoft_name?: string;
  /** What intruders use a tool of Gloss's dual-use list for. */
  use?: string;
}

export interface EntityLink {
  label: string;
  url: string;
}

export interface EntityDetails {
  kind: EntityKind;
  canonical: string;
  aliases: string[];
  /** ISO 3166 alpha-2 code, as the data gives it. */
  country?: string;
  /** Microsoft's origin/motivation label, e.g. "Financially motivated". */
  motivation?: string;
  /** Where the name comes from, in words: "MITRE ATT&CK", "MISP galaxy", "Microsoft", "You". */
  sources: string[];
  attackId?: string;
  links: EntityLink[];
  /** Why it is in the list and why its name resolved where it did (`explain-entity.ts`). */
  why: string[];
}

const MAX_REFERENCES = 5;

export function isWebLink(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:';
  } catch {
    return false;
  }
}

/** The ATT&CK page for a group (G…), software (S…) or technique (T…, T….001). */
export function attackUrl(id: string): string | null {
  const match = /^(G|S|T)(\d{4})(?:\.(\d{3}))?$/.exec(id);
  if (!match) return null;
  const [, letter, number, sub] = match;
  const section = { G: 'groups', S: 'software', T: 'techniques' }[letter as 'G' | 'S' | 'T'];
  return `https://attack.mitre.org/${section}/${letter}${number}${sub ? `/${sub}` : ''}/`;
}

/** The same page, written with or without a trailing slash or `www.`. */
function sameAddress(a: string, b: string): boolean {
  const key = (url: string) => {
    const parsed = new URL(url);
    return `${parsed.hostname.replace(/^www\./, '')}${parsed.pathname.replace(/(?<!\/)\/+$/, '')}${parsed.search}`;
  };
  return key(a) === key(b);
}

export interface DetailSources {
  actors: readonly SourceRecord[];
  software: readonly SourceRecord[];
  /** Canonical names (case-folded) of the actors the user created or extended. */
  userActorKeys: ReadonlySet<string>;
}

function findRecord(records: readonly SourceRecord[], canonical: string): SourceRecord | undefined {
  const key = formKey(canonical);
  return records.find((record) => formKey(record.name) === key);
}

/** Details of an entity found in a page, from the shipped data and the user's own actors. */
export function describeEntity(entity: Entity & { ambiguous?: readonly AmbiguousName[] }, sources: DetailSources): EntityDetails {
  const records =
    entity.kind === 'threat-actor' ? sources.actors : entity.kind === 'malware' || entity.kind === 'tool' ? sources.software : [];
  // A gang no actor list has goes by its ransomware's names (`group-entities.ts`): that family's record.
  const family = entity.kind === 'threat-actor' && entity.foundBy?.rules?.family === true;
  const record = findRecord(records, entity.canonical) ?? (family ? findRecord(sources.software, entity.canonical) : undefined);
  const ownRecord = record?.kind === undefined || entity.kind !== 'threat-actor';
  const names = sourceIdsOf(record);
  const fromUser = entity.kind === 'threat-actor' && sources.userActorKeys.has(formKey(entity.canonical));
  // The family's ATT&CK id is the software's, not the gang's: its page is among the references instead.
  const attackId = entity.attackId ?? (ownRecord ? record?.mitre_id : undefined);
  const links: EntityLink[] = [];
  const attack = attackId ? attackUrl(attackId) : null;
  if (attack) links.push({ label: `MITRE ATT&CK ${attackId}`, url: attack });
  if (entity.kind === 'vulnerability')
    links.push({ label: 'NVD', url: `https://nvd.nist.gov/vuln/detail/${encodeURIComponent(entity.canonical)}` });
  for (const ref of record?.refs ?? []) {
    if (links.length > MAX_REFERENCES || !isWebLink(ref) || links.some((link) => sameAddress(link.url, ref))) continue;
    links.push({ label: shownHost(ref), url: ref });
  }
  return {
    kind: entity.kind,
    canonical: entity.canonical,
    aliases: entity.aliases,
    ...(record?.country && { country: record.country }),
    ...(record?.msft_origin && { motivation: record.msft_origin }),
    sources: [...names.map(sourceName), ...(fromUser ? ['You'] : [])],
    ...(attackId && { attackId }),
    links: entity.kind === 'indicator' ? [] : links,
    why: explainEntity(entity, record),
  };
}

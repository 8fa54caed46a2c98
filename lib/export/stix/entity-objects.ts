/**
 * The STIX objects for the entities a researcher confirmed, one per entity across all pages:
 * threat actors as intrusion sets, malware, tools, techniques as attack patterns, CVEs as
 * vulnerabilities, indicators with a STIX pattern, organisations and people as identities (the victim a
 * report names, the company it quotes), and places as locations (the origin or the target).
 *
 * A location must say where it is (STIX 2.1, 4.10: a region, a country, or a latitude and longitude), and a
 * verdict keeps only the name: a place gets its country code or region from the shipped list
 * (data/places.json, through `placeOf`). A place the list cannot locate (one it does not have, or one that
 * straddles regions such as the Middle East) gets no object, rather than an invalid one; the Markdown
 * note still lists it.
 *
 * Relationships (actor uses malware, indicator indicates actor, actor targets an organisation or a
 * place) are not drawn: two names on one page do not say how they are related, and a STIX relationship
 * would claim it. The report refers to each object, which says only that the page mentions it.
 */
import { formKey } from '../../entities/dictionary';
import { actorKey } from '../../entities/entity-key';
import { findVulnerabilities } from '../../entities/vulnerabilities';
import type { EntityTagRecord } from '../../storage/records';
import type { ActorProfile, PageExport } from '../page-export';
import type { PlaceFacts, PlaceLookup } from '../place-facts';
import { attackGroupReference, attackSoftwareReference, attackTechniqueReference, cveReference } from './attack-references';
import { classifyIndicator } from './indicator-pattern';
import { stixId, stixTimes } from './stix-ids';
import { toolTypesOf } from './tool-types';
import type { StixCommon, StixExternalReference, StixObject } from './stix-types';

/** The ATT&CK id (S0154, T1566.001) of a tagged malware, tool or technique, when the caller knows it. */
export type AttackIdLookup = (kind: 'malware' | 'tool' | 'technique', canonical: string) => string | undefined;

/** What the exporter is told about confirmed names beyond the records (the caller holds the shipped data). */
export interface EntityLookups {
  attackIdOf?: AttackIdLookup;
  placeOf?: PlaceLookup;
}

/** A built object and the key that orders it among objects of its type. */
export interface OrderedObject {
  object: StixObject;
  order: string;
}

type EntityType = 'intrusion-set' | 'malware' | 'tool' | 'attack-pattern' | 'vulnerability' | 'indicator' | 'identity' | 'location';

/** Which STIX object a confirmed tag stands for; `key` is what the id derives from. */
interface Slot {
  type: EntityType;
  key: string;
  name: string;
  pattern?: string;
  identityClass?: 'organization' | 'individual';
  place?: PlaceFacts;
}

interface Group {
  slot: Slot;
  id: string;
  tags: EntityTagRecord[];
  profiles: ActorProfile[];
}

export const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The CVE id `text` is, exactly, or undefined. */
function cveIdOf(text: string): string | undefined {
  const found = findVulnerabilities(text);
  const mention = found.length === 1 && found[0].mentions.length === 1 ? found[0].mentions[0] : undefined;
  return mention && mention.start === 0 && mention.end === text.length ? found[0].canonical : undefined;
}

function slotOf(tag: EntityTagRecord, placeOf: PlaceLookup | undefined): Slot | undefined {
  const name = tag.canonical.trim() || tag.name.trim();
  if (!name) return undefined;
  switch (tag.kind) {
    case 'threat-actor':
      return { type: 'intrusion-set', key: actorKey(name), name };
    case 'malware':
    case 'tool':
      return { type: tag.kind, key: formKey(name), name };
    case 'technique':
      return { type: 'attack-pattern', key: formKey(name), name };
    case 'vulnerability': {
      const cve = cveIdOf(name);
      return { type: 'vulnerability', key: cve ?? formKey(name), name: cve ?? name };
    }
    case 'indicator': {
      // A value that is not exactly one indicator gets no object rather than a broken pattern.
      const indicator = classifyIndicator(name);
      return indicator && { type: 'indicator', key: indicator.pattern, name: indicator.value, pattern: indicator.pattern };
    }
    case 'organization':
    case 'person': {
      // Both are identities: the class in the key keeps a company and a person of the same name apart.
      const identityClass = tag.kind === 'person' ? 'individual' : 'organization';
      return { type: 'identity', key: `${identityClass}:${formKey(name)}`, name, identityClass };
    }
    case 'place': {
      const place = placeOf?.(name);
      return place && { type: 'location', key: formKey(name), name, place };
    }
    default:
      return undefined;
  }
}

const byCreation = (a: EntityTagRecord, b: EntityTagRecord) => a.createdAt - b.createdAt || compareText(a.id, b.id);

/** Created when first confirmed, modified when a verdict last changed. */
function commonProperties(group: Group): StixCommon {
  const times = stixTimes(
    group.tags.map((t) => t.createdAt),
    group.tags.map((t) => t.updatedAt),
  );
  return { type: group.slot.type, spec_version: '2.1', id: group.id, ...times };
}

/** Other names, without `name`, one spelling per case-folded form, in a stable order. */
function otherNames(name: string, names: readonly string[]): string[] | undefined {
  const seen = new Set([formKey(name)]);
  const kept: string[] = [];
  for (const candidate of names.map((n) => n.trim()).sort(compareText)) {
    const key = formKey(candidate);
    if (!key || seen.has(key)) continue;
    seen.add(key);
    kept.push(candidate);
  }
  return kept.length ? kept : undefined;
}

const references = (...refs: (StixExternalReference | undefined)[]) => {
  const kept = refs.filter((r): r is StixExternalReference => r !== undefined);
  return kept.length ? kept : undefined;
};

function buildObject(group: Group, name: string, attackIdOf: AttackIdLookup | undefined): StixObject {
  const common = commonProperties(group);
  const { slot } = group;
  switch (slot.type) {
    case 'intrusion-set': {
      const profile = group.profiles[0];
      const actorName = profile?.canonical.trim() || name;
      const names = [...group.profiles.flatMap((p) => [p.canonical, ...p.aliases]), ...group.tags.map((t) => t.name)];
      const attackId = group.profiles.find((p) => attackGroupReference(p.attackId))?.attackId;
      return {
        ...common,
        type: 'intrusion-set',
        name: actorName,
        aliases: otherNames(actorName, names),
        external_references: references(attackGroupReference(attackId)),
      };
    }
    case 'malware':
      return {
        ...common,
        type: 'malware',
        name,
        is_family: true,
        external_references: references(attackSoftwareReference(attackIdOf?.('malware', name))),
      };
    case 'tool': {
      const toolTypes = toolTypesOf(name);
      return {
        ...common,
        type: 'tool',
        name,
        ...(toolTypes && { tool_types: toolTypes }),
        external_references: references(attackSoftwareReference(attackIdOf?.('tool', name))),
      };
    }
    case 'attack-pattern':
      return {
        ...common,
        type: 'attack-pattern',
        name,
        external_references: references(attackTechniqueReference(attackIdOf?.('technique', name))),
      };
    case 'vulnerability':
      return { ...common, type: 'vulnerability', name, external_references: references(cveReference(name)) };
    case 'indicator':
      return {
        ...common,
        type: 'indicator',
        name,
        indicator_types: ['malicious-activity'],
        pattern: slot.pattern!,
        pattern_type: 'stix',
        valid_from: common.created,
      };
    case 'identity':
      return { ...common, type: 'identity', name, identity_class: slot.identityClass! };
    case 'location': {
      const { country, region, level } = slot.place!;
      return {
        ...common,
        type: 'location',
        name,
        region,
        country,
        // The name says which city or state; `city` and `administrative_area` say that it is one.
        city: level === 'city' ? name : undefined,
        administrative_area: level === 'state' ? name : undefined,
      };
    }
  }
}

export interface EntityObjects {
  objects: OrderedObject[];
  /** Page URL → ids of the objects for the entities confirmed on it. */
  idsByPage: Map<string, Set<string>>;
  /** Page URL → when a verdict behind its objects last changed (epoch ms). */
  lastChangeByPage: Map<string, number>;
}

/** One object per confirmed entity across `pages` (rejected verdicts never count). */
export function entityObjects(pages: readonly PageExport[], { attackIdOf, placeOf }: EntityLookups = {}): EntityObjects {
  const groups = new Map<string, Group>();
  const idsByPage = new Map<string, Set<string>>();
  const lastChangeByPage = new Map<string, number>();
  for (const page of pages) {
    const ids = new Set<string>();
    for (const tag of page.entityTags) {
      const slot = tag.status === 'confirmed' ? slotOf(tag, placeOf) : undefined;
      if (!slot) continue;
      const id = stixId(slot.type, `${slot.type}:${slot.key}`);
      const group = groups.get(id) ?? { slot, id, tags: [], profiles: [] };
      groups.set(id, group);
      group.tags.push(tag);
      const profile = slot.type === 'intrusion-set' ? page.actors.find((p) => p.key === slot.key) : undefined;
      if (profile && !group.profiles.includes(profile)) group.profiles.push(profile);
      ids.add(id);
      lastChangeByPage.set(page.page.url, Math.max(lastChangeByPage.get(page.page.url) ?? -Infinity, tag.updatedAt));
    }
    if (ids.size) idsByPage.set(page.page.url, ids);
  }
  const objects = [...groups.values()].map((group) => {
    // The name as first confirmed, whatever order the pages came in.
    const first = [...group.tags].sort(byCreation)[0];
    const object = buildObject(group, slotOf(first, placeOf)!.name, attackIdOf);
    return { object, order: group.slot.key };
  });
  return { objects, idsByPage, lastChangeByPage };
}

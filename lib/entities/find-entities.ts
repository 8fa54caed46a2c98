/**
 * Entities in article text: threat actors (dictionary names and vendor naming schemes) and CVE ids.
 *
 * Threat actors: dictionary names are found with `createNameMatcher` (case and boundary rules there);
 * software names (e.g. `Cobalt Strike`) take part in the longest-match contest only so that an actor
 * alias inside them (`Cobalt`) does not fire. Vendor-scheme candidates (`naming-patterns.ts`) fill in
 * names no list has yet. Mentions are grouped per resolved actor; an alias shared by several actors
 * goes to a candidate that the text names unambiguously elsewhere, else to the preferred candidate.
 */
import { buildActorDictionary, formKey, type ActorDictionary, type ThreatActorRecord } from './dictionary';
import { createNameMatcher, isAtNameBoundary, selectLongest, type NameMatcher } from './match-names';
import { findNamingPatterns, looksThreatRelated } from './naming-patterns';
import type { Entity, Mention } from './types';

/** One record of software.json (only the fields used here). */
export interface SoftwareRecord {
  name: string;
  aliases: string[];
  weak?: string[];
}

type Tag = { type: 'actor'; ids: number[] } | { type: 'software' };

interface Span extends Mention {
  actorIds: number[];
  software: boolean;
  scheme?: string;
}

export interface EntityFinder {
  dictionary: ActorDictionary;
  findEntities(text: string): Entity[];
}

export function createEntityFinder(actors: readonly ThreatActorRecord[], software: readonly SoftwareRecord[] = []): EntityFinder {
  const dictionary = buildActorDictionary(actors);
  const actorKeys = new Set(dictionary.forms.map((f) => formKey(f.form)));
  const patterns: { form: string; caseSensitive: boolean; data: Tag }[] = dictionary.forms.map((f) => ({
    form: f.form,
    caseSensitive: f.caseSensitive,
    data: { type: 'actor', ids: f.actorIds },
  }));
  const softwareTag: Tag = { type: 'software' };
  const softwareSeen = new Set<string>();
  for (const record of software) {
    const weak = new Set(record.weak ?? []);
    for (const form of [record.name, ...record.aliases]) {
      const trimmed = form.trim();
      // Only multi-character names that are not also actor names; weak ones in their exact case.
      if (trimmed.length < 3 || actorKeys.has(formKey(trimmed)) || softwareSeen.has(trimmed)) continue;
      softwareSeen.add(trimmed);
      patterns.push({ form: trimmed, caseSensitive: weak.has(form), data: softwareTag });
    }
  }
  const matcher: NameMatcher<Tag> = createNameMatcher(patterns);
  return { dictionary, findEntities: (text) => findEntitiesWith(text, dictionary, matcher) };
}

const CVE = /\bCVE-\d{4}-\d{4,}\b/gi;

function findEntitiesWith(text: string, dictionary: ActorDictionary, matcher: NameMatcher<Tag>): Entity[] {
  const spans = new Map<string, Span>();
  const spanAt = (start: number, end: number): Span => {
    const key = `${start}:${end}`;
    let span = spans.get(key);
    if (!span) {
      span = { start, end, text: text.slice(start, end), actorIds: [], software: false };
      spans.set(key, span);
    }
    return span;
  };
  for (const hit of matcher.findAll(text)) {
    const span = spanAt(hit.start, hit.end);
    for (const tag of hit.data) {
      if (tag.type === 'software') span.software = true;
      else for (const id of tag.ids) if (!span.actorIds.includes(id)) span.actorIds.push(id);
    }
  }
  for (const candidate of findNamingPatterns(text, looksThreatRelated(text))) {
    const span = spanAt(candidate.start, candidate.end);
    span.scheme ??= candidate.scheme;
    if (span.actorIds.length === 0) {
      // "APT 28" is listed as "APT28".
      span.actorIds.push(...dictionary.lookup(candidate.text.replace(/\s+/g, '')));
    }
  }

  const chosen = selectLongest([...spans.values()]).filter((s) => s.actorIds.length > 0 || s.scheme !== undefined);

  // Resolve ambiguous spans: prefer a candidate the text names unambiguously.
  const named = new Set(chosen.filter((s) => s.actorIds.length === 1).map((s) => s.actorIds[0]));
  const groups = new Map<string, { actorId?: number; mentions: Mention[] }>();
  for (const span of chosen) {
    const actorId = span.actorIds.length === 0 ? undefined : (span.actorIds.find((id) => named.has(id)) ?? span.actorIds[0]);
    const key = actorId === undefined ? `new:${formKey(span.text)}` : `actor:${actorId}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { actorId, mentions: [] }));
    group.mentions.push({ start: span.start, end: span.end, text: span.text });
  }

  const entities: Entity[] = [];
  for (const { actorId, mentions } of groups.values()) {
    const actor = actorId === undefined ? undefined : dictionary.actors[actorId];
    entities.push({
      kind: 'threat-actor',
      name: mentions[0].text,
      canonical: actor?.canonical ?? mentions[0].text,
      aliases: actor?.aliases ?? [],
      mentions,
    });
  }

  const cves = new Map<string, Mention[]>();
  for (const m of text.matchAll(CVE)) {
    const end = m.index + m[0].length;
    if (!isAtNameBoundary(text, m.index, end)) continue;
    const id = m[0].toUpperCase();
    cves.set(id, [...(cves.get(id) ?? []), { start: m.index, end, text: m[0] }]);
  }
  for (const [id, mentions] of cves) {
    entities.push({ kind: 'vulnerability', name: id, canonical: id, aliases: [], mentions });
  }

  return entities.sort((a, b) => a.mentions[0].start - b.mentions[0].start);
}

/**
 * Entities in `text` against the given threat-actor (and optionally software) records. Building the
 * matcher costs tens of milliseconds; reuse `createEntityFinder` for many texts.
 */
export function findEntities(
  text: string,
  actors: readonly ThreatActorRecord[],
  software: readonly SoftwareRecord[] = [],
): Entity[] {
  return createEntityFinder(actors, software).findEntities(text);
}

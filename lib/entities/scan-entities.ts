/**
 * Every kind of entity in one article text. Each kind has its own finder (one module per kind); this
 * module runs them and settles overlaps between kinds, so one stretch of text is one entity:
 * the longer mention wins, and for equal spans the kind earlier in `KIND_PRIORITY`.
 */
import { entityFinderFrom, type SoftwareRecord } from './actors-and-software';
import { NameSearchGroup } from './folded-search';
import { buildActorDictionary, type ActorDictionary, type ThreatActorRecord } from './dictionary';
import { buildSoftwareDictionary, type SoftwareDictionary } from './software-dictionary';
import type { DictionaryFacts } from './model/span-features';
import { createTechniqueFinder, type AttackTechniqueData } from './techniques';
import { createOrganizationFinder, type OrganizationRecord } from './organizations';
import { createPlaceFinder, type PlaceRecord } from './places';
import { findIndicators } from './indicators';
import type { WarninglistLookup } from './warninglists';
import { withoutThreatNamesOutOfPlace } from './threat-page';
import { mergeSameEntities } from './merge-same-entities';
import { findVulnerabilities } from './vulnerabilities';
import { settleOverlaps } from './settle-overlaps';
import { extendOverProcedures } from './technique-rows';
import type { Entity, Mention } from './types';
import { strongActorCue } from './context-cues';

export { KIND_PRIORITY, settleOverlaps } from './settle-overlaps';
import { loadEntityModel, type EntityModel, type EntityModelFile } from './model/entity-model';
import { applyModel } from './model/apply-model';
import { dictionaryFacts, dictionaryResolver } from './model/resolve-name';
import { loadTechniqueTagger, type TechniqueTaggerFile } from './model/techniques/technique-tagger-file';
import type { TechniqueTagger } from './model/techniques/technique-tagger';
import { techniqueVocabulary } from './model/techniques/technique-vocabulary';
import { applyTechniqueTagger } from './model/techniques/apply-technique-tagger';

/** The data sets the scanner is built from (shapes of the files in data/). */
export interface EntityData {
  actors: readonly ThreatActorRecord[];
  software?: readonly SoftwareRecord[];
  /** Shaped like data/attack-techniques.json. */
  techniques?: AttackTechniqueData;
  /** Shaped like data/organizations.json. */
  organizations?: readonly OrganizationRecord[];
  /** Shaped like data/places.json. */
  places?: readonly PlaceRecord[];
  /** The learned model (data/entity-model.json, `npm run train:entities`); without it, the rules alone. */
  model?: EntityModelFile | EntityModel;
  /** Which of MISP's warninglists holds a value (`shipped-warninglists.ts`); without it, none is checked. */
  warninglists?: WarninglistLookup;
}

export type KindFinder = (text: string) => Entity[];

export interface EntityScanner {
  findEntities(text: string): Entity[];
  /**
   * The same scan in steps: one finder per step, then the overlap rules as the return value. The
   * background runs them in slices with a time budget (`scan-budget.ts`), so that a long page does
   * not hold its message loop.
   */
  scanSteps(text: string): Generator<void, Entity[], void>;
}

/** Runs every step of a generator at once. */
export function runSteps<T>(steps: Generator<void, T, void>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * How the scanner's costly parts are made: by default built from the records (`builtParts`); a compiled
 * index (`compiled/load-entity-index.ts`) reads them instead. Called in this order, once each.
 */
export interface ScannerParts {
  /** The group every finder registers its dictionary names with. */
  group: NameSearchGroup;
  actorDictionary(records: readonly ThreatActorRecord[]): ActorDictionary;
  softwareDictionary(records: readonly SoftwareRecord[]): SoftwareDictionary;
  model(file: EntityModelFile, facts: DictionaryFacts): EntityModel;
  /** The technique tagger in the model's file, over the words of ATT&CK's technique names. */
  techniqueTagger(file: TechniqueTaggerFile, vocabulary: ReadonlySet<string>): TechniqueTagger;
}

export function builtParts(): ScannerParts {
  return {
    group: new NameSearchGroup(),
    actorDictionary: buildActorDictionary,
    softwareDictionary: buildSoftwareDictionary,
    model: loadEntityModel,
    techniqueTagger: loadTechniqueTagger,
  };
}

/** Builds every finder once (tens of milliseconds); `findEntities` is then cheap per text. */
export function createEntityScanner(data: EntityData, parts: ScannerParts = builtParts()): EntityScanner {
  // The finders' dictionary names are searched together: two passes over the article in all.
  const names = parts.group;
  const actorsAndSoftware = entityFinderFrom(parts.actorDictionary(data.actors), parts.softwareDictionary(data.software ?? []), names);
  const model =
    data.model && 'format' in data.model
      ? parts.model(data.model, dictionaryFacts(actorsAndSoftware.dictionary, actorsAndSoftware.software))
      : data.model;
  const taggerFile = data.model && 'format' in data.model ? data.model.techniques : undefined;
  const tagger =
    taggerFile && taggerFile.combine !== 'rules' && data.techniques
      ? { combine: taggerFile.combine, tagger: parts.techniqueTagger(taggerFile, techniqueVocabulary(data.techniques)) }
      : undefined;
  const resolve = dictionaryResolver(actorsAndSoftware.dictionary, actorsAndSoftware.software);
  const finders: KindFinder[] = [
    actorsAndSoftware.findEntities,
    ...(data.techniques ? [createTechniqueFinder(data.techniques, names)] : []),
    createOrganizationFinder(data.organizations ?? [], data.places ?? [], names),
    createPlaceFinder(data.places ?? [], names),
    (text) => findIndicators(text, data.warninglists),
    findVulnerabilities,
  ];
  function* scanSteps(text: string): Generator<void, Entity[], void> {
    names.searchAll(text);
    yield;
    const found: Entity[][] = [];
    for (const find of finders) {
      found.push(find(text));
      yield;
    }
    const ruled = settleOverlaps(
      withProcedureRows(text, withoutCuedActorsAtOrganisationsOrPlaces(text, withoutDomainsNamedAsSoftware(found.flat()))),
    );
    let entities = ruled;
    if (model && model.combine !== 'rules') {
      yield;
      entities = applyModel(text, ruled, model, resolve);
    }
    entities = withoutThreatNamesOutOfPlace(text, entities);
    if (!tagger) return mergeSameEntities(entities);
    yield;
    return mergeSameEntities(applyTechniqueTagger(text, ruled, entities, tagger.tagger, tagger.combine));
  }
  return { findEntities: (text) => runSteps(scanSteps(text)), scanSteps };
}

/**
 * A name shaped like a domain, capitals in it, that the text names as software or a group is the name, not an
 * indicator, wherever it is written so ("a small spam botnet called Svirel.bot"; `.bot` is a top-level domain). A real
 * domain in a report is written in lower case or defanged, which the name's mentions never match.
 */
function withoutDomainsNamedAsSoftware(entities: readonly Entity[]): Entity[] {
  const names = new Set(
    entities
      .filter((e) => e.kind === 'threat-actor' || e.kind === 'malware' || e.kind === 'tool')
      .flatMap((e) => e.mentions.map((m) => m.text))
      .filter((name) => name !== name.toLowerCase()),
  );
  if (!names.size) return [...entities];
  return entities.flatMap((entity) => {
    if (entity.kind !== 'indicator' || entity.indicatorType !== 'domain') return [entity];
    const mentions = entity.mentions.filter((m) => !names.has(m.text));
    if (mentions.length === entity.mentions.length) return [entity];
    return mentions.length ? [{ ...entity, mentions }] : [];
  });
}

/**
 * A technique's table row whose next cell says what an actor or its malware does is one mention, the name in it
 * included (`technique-rows.ts`); settling overlaps then gives the row to the technique.
 */
function withProcedureRows(text: string, entities: readonly Entity[]): Entity[] {
  const techniques = entities.filter((e) => e.kind === 'technique');
  if (!techniques.length) return [...entities];
  const names = entities.filter((e) => e.kind === 'threat-actor' || e.kind === 'malware' || e.kind === 'tool').flatMap((e) => e.mentions);
  return [...entities.filter((e) => e.kind !== 'technique'), ...extendOverProcedures(text, techniques, names)];
}

/**
 * A name only a cue made an actor ("the Insikt Group", read as "the Winnti Group" is) is the organisation
 * where the organisations' finder names the same span (its list, or a company's or public body's pattern):
 * a research team or a company with "Group" in its name. Listed actors and vendor-scheme names stay actors, and
 * so does a name the text gives a group where a strong cue stands right at one of its mentions ("a ransomware
 * group that refers to itself as the Malachite Bureau", "Malachite Bureau affiliates"). A name only a cue made an
 * actor that is a listed place at every mention is the place, whatever the cue ("the invasion of Ukraine, the
 * group behind the service…").
 */
function withoutCuedActorsAtOrganisationsOrPlaces(text: string, entities: readonly Entity[]): Entity[] {
  const spansOf = (kind: Entity['kind']) =>
    new Set(entities.filter((e) => e.kind === kind).flatMap((e) => e.mentions.map((m) => `${m.start}:${m.end}`)));
  const organisations = spansOf('organization');
  const places = spansOf('place');
  if (!organisations.size && !places.size) return [...entities];
  return entities.flatMap((entity) => {
    const rules = entity.foundBy?.rules;
    if (entity.kind !== 'threat-actor' || !rules?.cue || rules.listed || rules.scheme !== undefined) return [entity];
    const inPlace = (m: Mention) => places.has(`${m.start}:${m.end}`);
    if (entity.mentions.every(inPlace)) return [];
    const mentions = entity.mentions.filter((m) => !organisations.has(`${m.start}:${m.end}`));
    if (mentions.length === entity.mentions.length) return [entity];
    if (entity.mentions.some((m) => strongActorCue(text, m.start, m.end))) return [entity];
    return mentions.length ? [{ ...entity, mentions }] : [];
  });
}

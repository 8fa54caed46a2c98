/**
 * Reading a compiled entity index (`compile-entity-index.ts`) back into a scanner: the dictionaries and
 * their indexes from the JSON part, the automata and the model's weights as views on the bytes. Nothing
 * is built but the few small finders (techniques, organisations, places), whose names are already in
 * the compiled automata.
 *
 * The user's own actors change the actor dictionary: with any, it is built from the records with theirs
 * merged in (`withUserActors`), and the actor and software names search the compiled automaton for the
 * names it has and a small automaton of their own for the rest (`CompiledNameSearchGroup`).
 */
import { actorDictionaryFrom, buildActorDictionary, type Actor, type SurfaceForm } from '../dictionary';
import { modelFromWeights, loadEntityModel, type CombineMode } from '../model/entity-model';
import { createEntityScanner, type EntityData, type EntityScanner, type ScannerParts } from '../scan-entities';
import { softwareDictionaryFrom, type Software, type SoftwareForm } from '../software-dictionary';
import { withUserActors, type UserActor } from '../user-actors';
import { CompiledNameSearchGroup, type CompiledKeywordSearch, type CompiledSearches } from './compiled-search-group';
import { decodeIndex, type IndexArray } from './index-file';
import type { AhoCorasickTables } from './typed-aho-corasick';

/** The JSON part of the index. */
export interface IndexJson {
  memberCount: number;
  /** The member number of the actor and software names in the name search. */
  actorMember: number;
  actors: { actors: Actor[]; forms: SurfaceForm[]; byKey: [string, number[]][]; anyCase: [string, number[]][] };
  software: { software: Software[]; forms: SoftwareForm[]; anyCase: [string, number[]][] };
  model: { features: string[]; combine: CombineMode; gate: number } | null;
}

export interface EntityIndex {
  json: IndexJson;
  searches: CompiledSearches;
  modelWeights: Float32Array | null;
}

const TABLE_NAMES: (keyof AhoCorasickTables)[] = ['alphabet', 'rootNext', 'edgeStart', 'edgeClass', 'edgeTarget', 'fail', 'keywordAt', 'outLink', 'keywordLength'];

function keywordSearch(arrays: Record<string, IndexArray>, prefix: string): CompiledKeywordSearch {
  const get = <T extends IndexArray>(name: string, type: abstract new (...args: never[]) => T): T => {
    const array = arrays[`${prefix}.${name}`];
    if (!(array instanceof type)) throw new Error(`entity index: ${prefix}.${name} is missing`);
    return array;
  };
  const tables = Object.fromEntries(
    TABLE_NAMES.map((name) => [name, name === 'alphabet' || name === 'edgeClass' ? get(name, Uint16Array) : get(name, Int32Array)]),
  ) as unknown as AhoCorasickTables;
  return { tables, ownerStart: get('ownerStart', Int32Array), ownerMember: get('ownerMember', Int32Array), ownerPattern: get('ownerPattern', Int32Array) };
}

/** The index in `bytes` (from `compileEntityIndex`); throws with a plain reason when they are not one. */
export function readEntityIndex(bytes: ArrayBuffer | Uint8Array): EntityIndex {
  const { json, arrays } = decodeIndex(bytes);
  const index = json as IndexJson;
  const weights = arrays.modelWeights;
  return {
    json: index,
    searches: { memberCount: index.memberCount, folded: keywordSearch(arrays, 'folded'), exact: keywordSearch(arrays, 'exact') },
    modelWeights: weights instanceof Float32Array ? weights : null,
  };
}

/**
 * The scanner of `data` (the same records the index was compiled from) with the index's parts, and the
 * user's actors, if any, merged into the actor dictionary.
 */
export function scannerFromIndex(index: EntityIndex, data: EntityData, userActors: readonly UserActor[] = []): EntityScanner {
  const own = userActors.length > 0;
  const { json } = index;
  const parts: ScannerParts = {
    group: new CompiledNameSearchGroup(index.searches, own ? new Set([json.actorMember]) : new Set()),
    actorDictionary: (records) =>
      own
        ? buildActorDictionary(records)
        : actorDictionaryFrom({ actors: json.actors.actors, forms: json.actors.forms, byKey: new Map(json.actors.byKey), anyCase: new Map(json.actors.anyCase) }),
    softwareDictionary: () => softwareDictionaryFrom({ software: json.software.software, forms: json.software.forms, anyCase: new Map(json.software.anyCase) }),
    model: (file, facts) =>
      json.model && index.modelWeights
        ? modelFromWeights(json.model.features, index.modelWeights, facts, json.model.combine, json.model.gate)
        : loadEntityModel(file, facts),
  };
  return createEntityScanner(own ? { ...data, actors: withUserActors(data.actors, userActors) } : data, parts);
}

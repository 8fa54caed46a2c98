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
import { readCalibration, type Calibration } from '../model/calibration';
import { loadTechniqueTagger, taggerOptions } from '../model/techniques/technique-tagger-file';
import { techniqueTagger } from '../model/techniques/technique-tagger';
import type { TechniqueCombine } from '../model/techniques/combine-techniques';
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
  /** `forms`: the spellings; the rest of each form is in the arrays (`formColumns`). */
  actors: { actors: Actor[]; forms: string[]; byKey: [string, number[]][]; anyCase: [string, number[]][] };
  software: { software: Software[]; forms: string[]; anyCase: [string, number[]][] };
  /** `calibration`: the model file's (`calibration.ts`); absent in older indexes, read as the plain softmax. */
  model: { features: string[]; combine: CombineMode; gate: number; calibration?: Calibration } | null;
  /** The technique tagger's feature names (its weights are the `techniqueWeights` array); absent in older indexes. */
  techniqueTagger?: { features: string[]; combine: TechniqueCombine } | null;
}

export const FORM_CASE_SENSITIVE = 1;
export const FORM_WEAK = 2;

/** One dictionary's forms but their spellings (see `formArrays` in compile-entity-index.ts). */
interface FormColumns {
  flags: Uint8Array;
  idStart: Int32Array;
  ids: Int32Array;
}

export interface EntityIndex {
  json: IndexJson;
  actorForms: FormColumns;
  softwareForms: FormColumns;
  searches: CompiledSearches;
  modelWeights: Float32Array | null;
  techniqueWeights: Float32Array | null;
}

const TABLE_NAMES: (keyof AhoCorasickTables)[] = [
  'alphabet',
  'rootNext',
  'edgeStart',
  'edgeClass',
  'edgeTarget',
  'fail',
  'keywordAt',
  'outLink',
  'keywordLength',
];

function keywordSearch(arrays: Record<string, IndexArray>, prefix: string): CompiledKeywordSearch {
  const get = <T extends IndexArray>(name: string, type: abstract new (...args: never[]) => T): T => {
    const array = arrays[`${prefix}.${name}`];
    if (!(array instanceof type)) throw new Error(`entity index: ${prefix}.${name} is missing`);
    return array;
  };
  const tables = Object.fromEntries(
    TABLE_NAMES.map((name) => [name, name === 'alphabet' || name === 'edgeClass' ? get(name, Uint16Array) : get(name, Int32Array)]),
  ) as unknown as AhoCorasickTables;
  return {
    tables,
    ownerStart: get('ownerStart', Int32Array),
    ownerMember: get('ownerMember', Int32Array),
    ownerPattern: get('ownerPattern', Int32Array),
  };
}

/** The index in `bytes` (from `compileEntityIndex`); throws with a plain reason when they are not one. */
export function readEntityIndex(bytes: ArrayBuffer | Uint8Array): EntityIndex {
  const { json, arrays } = decodeIndex(bytes);
  const index = json as IndexJson;
  const weights = arrays.modelWeights;
  const columns = (prefix: string): FormColumns => {
    const { [`${prefix}.formFlags`]: flags, [`${prefix}.idStart`]: idStart, [`${prefix}.ids`]: ids } = arrays;
    if (!(flags instanceof Uint8Array && idStart instanceof Int32Array && ids instanceof Int32Array))
      throw new Error(`entity index: the ${prefix}' forms are missing`);
    return { flags, idStart, ids };
  };
  return {
    json: index,
    actorForms: columns('actors'),
    softwareForms: columns('software'),
    searches: { memberCount: index.memberCount, folded: keywordSearch(arrays, 'folded'), exact: keywordSearch(arrays, 'exact') },
    modelWeights: weights instanceof Float32Array ? weights : null,
    techniqueWeights: arrays.techniqueWeights instanceof Float32Array ? arrays.techniqueWeights : null,
  };
}

/** A dictionary's forms from their spellings and columns, in the shape `make` gives them. */
function forms<F>(
  spellings: readonly string[],
  columns: FormColumns,
  make: (form: string, caseSensitive: boolean, weak: boolean, ids: number[]) => F,
): F[] {
  const { flags, idStart, ids } = columns;
  return spellings.map((form, i) =>
    make(form, (flags[i] & FORM_CASE_SENSITIVE) !== 0, (flags[i] & FORM_WEAK) !== 0, Array.from(ids.subarray(idStart[i], idStart[i + 1]))),
  );
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
        : actorDictionaryFrom({
            actors: json.actors.actors,
            forms: forms(json.actors.forms, index.actorForms, (form, caseSensitive, weak, actorIds): SurfaceForm => ({
              form,
              caseSensitive,
              weak,
              actorIds,
            })),
            byKey: new Map(json.actors.byKey),
            anyCase: new Map(json.actors.anyCase),
          }),
    softwareDictionary: () =>
      softwareDictionaryFrom({
        software: json.software.software,
        forms: forms(json.software.forms, index.softwareForms, (form, caseSensitive, weak, softwareIds): SoftwareForm => ({
          form,
          caseSensitive,
          weak,
          softwareIds,
        })),
        anyCase: new Map(json.software.anyCase),
      }),
    model: (file, facts) =>
      json.model && index.modelWeights
        ? modelFromWeights(json.model.features, index.modelWeights, facts, json.model.combine, json.model.gate, {
            calibration: readCalibration(json.model.calibration),
          })
        : loadEntityModel(file, facts),
    techniqueTagger: (file, vocabulary) =>
      json.techniqueTagger && index.techniqueWeights
        ? techniqueTagger({ names: json.techniqueTagger.features, weights: index.techniqueWeights }, vocabulary, taggerOptions(file))
        : loadTechniqueTagger(file, vocabulary),
  };
  return createEntityScanner(own ? { ...data, actors: withUserActors(data.actors, userActors) } : data, parts);
}

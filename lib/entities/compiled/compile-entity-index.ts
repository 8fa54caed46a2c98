/**
 * The scanner's costly parts, made once at build time and written as bytes (`index-file.ts`): the actor
 * and software dictionaries with their lower-cased name indexes, the automata over every dictionary name
 * of every finder (`compiled-search-group.ts`), and the model's weights as a typed array. A fresh
 * background reads them back in milliseconds (`load-entity-index.ts`) instead of building them from the
 * records. The compiler builds the scanner the usual way and keeps what it built, so the compiled parts
 * are the runtime-built ones by construction (a unit test holds the two scanners to the same results).
 *
 * The extension's build writes the index as `entity-index.bin` (the `build:publicAssets` hook in
 * wxt.config.ts); the command line builds its scanner from the records.
 */
import type { ActorDictionary } from '../dictionary';
import { actorDictionaryParts } from '../dictionary';
import type { EntityModelFile } from '../model/entity-model';
import { modelWeights } from '../model/entity-model';
import { readCalibration } from '../model/calibration';
import { techniqueTaggerWeights, type TechniqueTaggerFile } from '../model/techniques/technique-tagger-file';
import { builtParts, createEntityScanner, type EntityData, type ScannerParts } from '../scan-entities';
import { softwareDictionaryParts, type SoftwareDictionary } from '../software-dictionary';
import { compileSearches, type CompiledKeywordSearch } from './compiled-search-group';
import { encodeIndex, type IndexArray } from './index-file';
import { FORM_CASE_SENSITIVE, FORM_WEAK, type IndexJson } from './load-entity-index';

/** The index of `data` as bytes. */
export function compileEntityIndex(data: EntityData): Uint8Array {
  const base = builtParts();
  let actorMember = -1;
  let actors: ActorDictionary | null = null;
  let software: SoftwareDictionary | null = null;
  let model: EntityModelFile | null = null;
  let tagger: TechniqueTaggerFile | null = null;
  const recording: ScannerParts = {
    group: base.group,
    actorDictionary(records) {
      // The actor and software names register next: remember their member number.
      actorMember = base.group.memberCount;
      return (actors = base.actorDictionary(records));
    },
    softwareDictionary: (records) => (software = base.softwareDictionary(records)),
    model(file, facts) {
      model = file;
      return base.model(file, facts);
    },
    techniqueTagger(file, vocabulary) {
      tagger = file;
      return base.techniqueTagger(file, vocabulary);
    },
  };
  createEntityScanner(data, recording);
  if (!actors || !software) throw new Error('entity index: the scanner built no dictionaries');
  const searches = compileSearches(base.group);
  const actorParts = actorDictionaryParts(actors);
  const softwareParts = softwareDictionaryParts(software);
  const json: IndexJson = {
    memberCount: searches.memberCount,
    actorMember,
    actors: {
      actors: actorParts.actors,
      forms: actorParts.forms.map((f) => f.form),
      byKey: [...actorParts.byKey],
      anyCase: [...actorParts.anyCase],
    },
    software: { software: softwareParts.software, forms: softwareParts.forms.map((f) => f.form), anyCase: [...softwareParts.anyCase] },
    model: model
      ? {
          features: (model as EntityModelFile).features,
          combine: (model as EntityModelFile).combine,
          gate: (model as EntityModelFile).gate,
          calibration: readCalibration((model as EntityModelFile).calibration),
        }
      : null,
    techniqueTagger: tagger
      ? { features: (tagger as TechniqueTaggerFile).features, combine: (tagger as TechniqueTaggerFile).combine }
      : null,
  };
  const arrays: Record<string, IndexArray> = {
    ...formArrays(
      'actors',
      actorParts.forms.map((f) => ({ ...f, ids: f.actorIds })),
    ),
    ...formArrays(
      'software',
      softwareParts.forms.map((f) => ({ ...f, ids: f.softwareIds })),
    ),
    ...searchArrays('folded', searches.folded),
    ...searchArrays('exact', searches.exact),
    ...(model ? { modelWeights: modelWeights(model) } : {}),
    ...(tagger ? { techniqueWeights: techniqueTaggerWeights(tagger) } : {}),
  };
  return encodeIndex(json, arrays);
}

/**
 * A dictionary's forms but their spellings (in the JSON part), as columns: flags (1 case-sensitive, 2
 * weak) and the ids of each form (`${prefix}.idStart[i] … idStart[i + 1]` in `${prefix}.ids`).
 */
function formArrays(
  prefix: string,
  forms: readonly { caseSensitive: boolean; weak: boolean; ids: readonly number[] }[],
): Record<string, IndexArray> {
  const flags = Uint8Array.from(forms, (f) => (f.caseSensitive ? FORM_CASE_SENSITIVE : 0) | (f.weak ? FORM_WEAK : 0));
  const idStart = new Int32Array(forms.length + 1);
  forms.forEach((f, i) => {
    idStart[i + 1] = idStart[i] + f.ids.length;
  });
  const ids = new Int32Array(idStart[forms.length]);
  forms.forEach((f, i) => ids.set(f.ids, idStart[i]));
  return { [`${prefix}.formFlags`]: flags, [`${prefix}.idStart`]: idStart, [`${prefix}.ids`]: ids };
}

function searchArrays(prefix: string, search: CompiledKeywordSearch): Record<string, IndexArray> {
  const arrays: Record<string, IndexArray> = {};
  for (const [name, array] of Object.entries(search.tables)) arrays[`${prefix}.${name}`] = array;
  arrays[`${prefix}.ownerStart`] = search.ownerStart;
  arrays[`${prefix}.ownerMember`] = search.ownerMember;
  arrays[`${prefix}.ownerPattern`] = search.ownerPattern;
  return arrays;
}

/**
 * The technique tagger as shipped, inside data/entity-model.json (`techniques`, written by `npm run
 * train:entities`): its feature names and their weights per tag as integers (the averaged weights times
 * `scale`; features whose weights all round to zero, or seen too rarely in training, are left out), and how
 * its mentions join the rules' (`combine`, chosen by cross-validation). Trained on AnnoCTR (CC BY-SA 4.0).
 */
import { techniqueTagger, type TaggerOptions, type TechniqueTagger } from './technique-tagger';
import { TAGS } from './technique-tags';
import type { TechniqueCombine } from './combine-techniques';

export interface TechniqueTaggerFile extends TaggerOptions {
  combine: TechniqueCombine;
  tags: string[];
  scale: number;
  features: string[];
  /** features.length × tags.length integers, feature-major. */
  weights: number[];
}

/** The tagger's file from trained weights: rounded to integers, all-zero rows left out. */
export function techniqueTaggerFile(
  trained: { names: readonly string[]; weights: ArrayLike<number> },
  options: TaggerOptions,
  combine: TechniqueCombine,
  scale = 100,
): TechniqueTaggerFile {
  const nTags = TAGS.length;
  const features: string[] = [];
  const weights: number[] = [];
  trained.names.forEach((name, f) => {
    const row = Array.from({ length: nTags }, (_, c) => Math.round(trained.weights[f * nTags + c] * scale));
    if (row.every((w) => w === 0)) return;
    features.push(name);
    weights.push(...row);
  });
  return { combine, decoder: options.decoder, lines: options.lines, tags: [...TAGS], scale, features, weights };
}

/** The file's weights as the tagger uses them (a compiled index stores these). */
export function techniqueTaggerWeights(file: TechniqueTaggerFile): Float32Array {
  if (
    file.tags.join() !== TAGS.join() ||
    file.weights.length !== file.features.length * TAGS.length ||
    !['greedy', 'viterbi'].includes(file.decoder) ||
    !['all', 'free'].includes(file.lines)
  )
    throw new Error('technique tagger: unknown format');
  const weights = new Float32Array(file.weights.length);
  for (let k = 0; k < weights.length; k++) weights[k] = file.weights[k] / file.scale;
  return weights;
}

export function loadTechniqueTagger(file: TechniqueTaggerFile, vocabulary: ReadonlySet<string>): TechniqueTagger {
  return techniqueTagger({ names: file.features, weights: techniqueTaggerWeights(file) }, vocabulary, taggerOptions(file));
}

export function taggerOptions(file: TaggerOptions): TaggerOptions {
  return { decoder: file.decoder, lines: file.lines };
}

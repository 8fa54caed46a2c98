/**
 * An averaged multi-class perceptron (Collins 2002; Freund & Schapire's averaging) over sparse binary
 * features. Training interns each feature string once, so an epoch is integer work only; examples are
 * visited in an order shuffled by a seeded generator, so a seed gives the same weights every time.
 */

export interface Example {
  features: Int32Array;
  gold: number;
}

export class FeatureIndex {
  readonly ids = new Map<string, number>();
  readonly names: string[] = [];
  id(name: string): number {
    let id = this.ids.get(name);
    if (id === undefined) {
      id = this.names.length;
      this.ids.set(name, id);
      this.names.push(name);
    }
    return id;
  }
  intern(names: readonly string[]): Int32Array {
    return Int32Array.from(names, (name) => this.id(name));
  }
}

/** A small deterministic generator (mulberry32). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** Averaged weights, flat: feature id × class. */
export function trainPerceptron(
  featureCount: number,
  classes: number,
  examples: readonly Example[],
  epochs: number,
  seed: number,
): Float64Array {
  const size = featureCount * classes;
  const weights = new Float64Array(size);
  const totals = new Float64Array(size);
  const stamps = new Float64Array(size);
  let clock = 0;
  const update = (feature: number, c: number, delta: number) => {
    const k = feature * classes + c;
    totals[k] += (clock - stamps[k]) * weights[k];
    stamps[k] = clock;
    weights[k] += delta;
  };
  const scores = new Float64Array(classes);
  const random = seededRandom(seed);
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (const example of shuffled(examples, random)) {
      scores.fill(0);
      for (const f of example.features) for (let c = 0; c < classes; c++) scores[c] += weights[f * classes + c];
      let guess = 0;
      for (let c = 1; c < classes; c++) if (scores[c] > scores[guess]) guess = c;
      clock++;
      if (guess !== example.gold) {
        for (const f of example.features) {
          update(f, example.gold, 1);
          update(f, guess, -1);
        }
      }
    }
  }
  const averaged = new Float64Array(size);
  for (let k = 0; k < size; k++) averaged[k] = (totals[k] + (clock - stamps[k]) * weights[k]) / Math.max(1, clock);
  return averaged;
}

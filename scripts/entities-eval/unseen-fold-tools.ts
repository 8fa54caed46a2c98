/** The scanner, resolver and dictionary facts of one `--unseen` fold, built from its lists (`unseen-names.ts`). */
import { createEntityFinder } from '../../lib/entities/actors-and-software';
import { dictionaryFacts, dictionaryResolver } from '../../lib/entities/model/resolve-name';
import { createEntityScanner, type EntityData } from '../../lib/entities/scan-entities';
import type { FoldTools } from './cross-validation';
import { rulesByReport } from './rules-by-report';
import type { Report } from './scoring';
import { foldLists, forgetsUnseen } from './unseen-names';

export function unseenFoldTools(
  data: EntityData,
  progress: (line: string) => void,
): (heldOut: readonly Report[], fold: number) => FoldTools {
  return (heldOut, fold) => {
    const lists = foldLists(data.actors, data.software ?? [], heldOut);
    progress(
      `fold ${fold + 1}: ${lists.unseenKeys.size} names left out; removed ${lists.removedActors.length} actor and ${lists.removedSoftware.length} software records`,
    );
    const rules = createEntityScanner({ ...data, actors: lists.actors, software: lists.software, model: undefined });
    const finder = createEntityFinder(lists.actors, lists.software);
    return {
      rulesOf: rulesByReport((text) => rules.findEntities(text)),
      resolve: dictionaryResolver(finder.dictionary, finder.software),
      facts: dictionaryFacts(finder.dictionary, finder.software),
      forget: forgetsUnseen(lists.unseenKeys),
    };
  };
}

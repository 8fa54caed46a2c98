/**
 * The dictionaries Gloss ships (data/, with their attribution in data/THREAT-ACTORS-SOURCES.md).
 * Imported by the background script and the command line, never by a content script: together they
 * are about a megabyte. Remote-support products and dual-use tools (Gloss's own lists, `remote-access-software.ts`,
 * `dual-use-tools.ts`) are tools;
 * a family that goes by a listed organisation's name loses that name (`organisation-named-software.ts`).
 * The entity model (`entity-model.json`, `npm run train:entities`) is trained on AnnoCTR (CC BY-SA 4.0);
 * the warninglists are MISP's (CC0, data/warninglists/SOURCE.md).
 */
import threatActors from '../../data/threat-actors.json';
import software from '../../data/software.json';
import remoteAccessSoftware from '../../data/remote-access-software.json';
import dualUseTools from '../../data/dual-use-tools.json';
import attackTechniques from '../../data/attack-techniques.json';
import organizations from '../../data/organizations.json';
import places from '../../data/places.json';
import entityModel from '../../data/entity-model.json';
import type { EntityModelFile } from './model/entity-model';
import type { EntityData } from './scan-entities';
import { shippedWarninglists } from './shipped-warninglists';
import { withRemoteAccessSoftware } from './remote-access-software';
import { withDualUseTools, type DualUseTool } from './dual-use-tools';
import { withoutOrganisationNames } from './organisation-named-software';

export function loadEntityData(): EntityData {
  return {
    actors: threatActors,
    software: withoutOrganisationNames(
      withDualUseTools(withRemoteAccessSoftware(software, remoteAccessSoftware), dualUseTools as DualUseTool[]),
      organizations,
    ),
    techniques: attackTechniques,
    organizations,
    places,
    model: entityModel as EntityModelFile,
    warninglists: shippedWarninglists(),
  };
}

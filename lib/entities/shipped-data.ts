/**
 * The dictionaries Gloss ships (data/, with their attribution in data/THREAT-ACTORS-SOURCES.md).
 * Imported by the background script and the command line, never by a content script: together they
 * are about a megabyte.
 */
import threatActors from '../../data/threat-actors.json';
import software from '../../data/software.json';
import attackTechniques from '../../data/attack-techniques.json';
import organizations from '../../data/organizations.json';
import places from '../../data/places.json';
import type { EntityData } from './scan-entities';

export function loadEntityData(): EntityData {
  return { actors: threatActors, software, techniques: attackTechniques, organizations, places };
}

import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ThreatActorRecord } from '@/lib/entities/dictionary';
import type { SoftwareRecord } from '@/lib/entities/actors-and-software';
import type { OrganizationRecord } from '@/lib/entities/organizations';
import type { PlaceRecord } from '@/lib/entities/places';
import type { AttackTechniqueData } from '@/lib/entities/techniques';
import { PROJECT_ROOT } from '../../../harness/paths';

/** The data sets the product ships, copied into data/ with their attribution. */
export const SHARED_DATA = path.join(PROJECT_ROOT, 'data');

export const threatActors = (): ThreatActorRecord[] => JSON.parse(readFileSync(path.join(SHARED_DATA, 'threat-actors.json'), 'utf8'));
export const software = (): SoftwareRecord[] => JSON.parse(readFileSync(path.join(SHARED_DATA, 'software.json'), 'utf8'));
export const attackTechniques = (): AttackTechniqueData =>
  JSON.parse(readFileSync(path.join(SHARED_DATA, 'attack-techniques.json'), 'utf8'));
export const organizations = (): OrganizationRecord[] => JSON.parse(readFileSync(path.join(SHARED_DATA, 'organizations.json'), 'utf8'));
export const places = (): PlaceRecord[] => JSON.parse(readFileSync(path.join(SHARED_DATA, 'places.json'), 'utf8'));

import type { StixRegion } from './region-vocabulary';

/**
 * The STIX 2.1 objects Gloss exports (OASIS STIX 2.1, sections 4 and 5), with only the properties
 * Gloss fills. Optional lists are left out rather than empty: STIX forbids empty lists.
 */

export interface StixExternalReference {
  source_name: string;
  url?: string;
  external_id?: string;
}

/** Properties every STIX Domain Object carries (section 3.2). */
export interface StixCommon {
  type: string;
  spec_version: '2.1';
  /** `<type>--<UUID>`. */
  id: string;
  /** RFC 3339 in UTC with millisecond precision, e.g. "2023-12-14T09:00:00.000Z". */
  created: string;
  modified: string;
  labels?: string[];
  external_references?: StixExternalReference[];
}

export interface StixReport extends StixCommon {
  type: 'report';
  name: string;
  report_types: string[];
  published: string;
  object_refs: string[];
}

export interface StixIntrusionSet extends StixCommon {
  type: 'intrusion-set';
  name: string;
  aliases?: string[];
}

export interface StixIndicator extends StixCommon {
  type: 'indicator';
  name: string;
  indicator_types: string[];
  pattern: string;
  pattern_type: 'stix';
  valid_from: string;
}

export interface StixMalware extends StixCommon {
  type: 'malware';
  name: string;
  is_family: boolean;
}

export interface StixTool extends StixCommon {
  type: 'tool';
  name: string;
  /** tool-type-ov: "remote-access" for remote-support products (`tool-types.ts`). */
  tool_types?: string[];
}

export interface StixVulnerability extends StixCommon {
  type: 'vulnerability';
  name: string;
}

export interface StixAttackPattern extends StixCommon {
  type: 'attack-pattern';
  name: string;
}

/** Section 4.5: an organisation or a person the report names. */
export interface StixIdentity extends StixCommon {
  type: 'identity';
  name: string;
  /** From identity-class-ov. */
  identity_class: 'organization' | 'individual';
}

/**
 * Section 4.10: a place. It MUST carry at least one of `region`, `country`, or `latitude` with
 * `longitude`; Gloss writes no coordinates, so every location it exports has a region or a country.
 */
export interface StixLocation extends StixCommon {
  type: 'location';
  name: string;
  /** From region-ov (region-vocabulary.ts). */
  region?: StixRegion;
  /** ISO 3166-1 alpha-2. */
  country?: string;
  administrative_area?: string;
  city?: string;
}

export interface StixNote extends StixCommon {
  type: 'note';
  content: string;
  object_refs: string[];
}

export type StixObject =
  | StixReport
  | StixIntrusionSet
  | StixIndicator
  | StixMalware
  | StixTool
  | StixVulnerability
  | StixAttackPattern
  | StixIdentity
  | StixLocation
  | StixNote;

/** A STIX 2.1 bundle: no spec_version of its own; `objects` left out when there is nothing to send. */
export interface StixBundle {
  type: 'bundle';
  id: string;
  objects?: StixObject[];
}

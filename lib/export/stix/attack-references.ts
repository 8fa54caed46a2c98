/**
 * External references to MITRE ATT&CK and CVE. Ids come from data and page text, so each is checked
 * against its documented form before it goes into a URL.
 */
import type { StixExternalReference } from './stix-types';

const GROUP_ID = /^G\d{4}$/;
const SOFTWARE_ID = /^S\d{4}$/;
const TECHNIQUE_ID = /^T\d{4}(?:\.\d{3})?$/;
const CVE_ID = /^CVE-\d{4}-\d{4,}$/;

const ATTACK = 'https://attack.mitre.org';

/** `mitre-attack` reference for a group id such as "G1015", or undefined for anything else. */
export function attackGroupReference(id: string | undefined): StixExternalReference | undefined {
  if (!id || !GROUP_ID.test(id)) return undefined;
  return { source_name: 'mitre-attack', external_id: id, url: `${ATTACK}/groups/${id}/` };
}

/** `mitre-attack` reference for a software id such as "S0154". */
export function attackSoftwareReference(id: string | undefined): StixExternalReference | undefined {
  if (!id || !SOFTWARE_ID.test(id)) return undefined;
  return { source_name: 'mitre-attack', external_id: id, url: `${ATTACK}/software/${id}/` };
}

/** `mitre-attack` reference for a technique id such as "T1566" or "T1566.001". */
export function attackTechniqueReference(id: string | undefined): StixExternalReference | undefined {
  if (!id || !TECHNIQUE_ID.test(id)) return undefined;
  return { source_name: 'mitre-attack', external_id: id, url: `${ATTACK}/techniques/${id.replace('.', '/')}/` };
}

/** `cve` reference (the source name STIX 2.1 section 4.18 asks for) for an id such as "CVE-2023-4966". */
export function cveReference(id: string): StixExternalReference | undefined {
  if (!CVE_ID.test(id)) return undefined;
  return { source_name: 'cve', external_id: id, url: `https://www.cve.org/CVERecord?id=${id}` };
}

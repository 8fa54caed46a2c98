/**
 * Dual-use tools: administration, networking, archiving and security-testing software that intruders
 * run as readily as administrators do (scanners such as Advanced IP Scanner, tunnels such as Ligolo-ng,
 * WinSCP and WinRAR to stage and send data, credential tools such as Kerbrute). Ransomware advisories
 * name them in every intrusion, and none of the shipped lists has most of them, so a report's "used
 * WinSCP to exfiltrate data" found nothing.
 *
 * `data/dual-use-tools.json` is Gloss's own list, written from general knowledge of such advisories:
 * each tool's names, the project's or vendor's site, and what intruders use it for (`use`), which the
 * details explain and a STIX bundle turns into `tool_types`. A shipped record that goes by one of its
 * names becomes a tool, as the remote-support products do (`remote-access-software.ts`).
 */
import { formsOf, withListedTools, type ListedTool, type ShippedSoftwareRecord } from './remote-access-software';
import { sourceIdsOf } from './source-names';

/** What intruders use a dual-use tool for. */
export type DualUse =
  'tunnelling' | 'network-scanning' | 'file-transfer' | 'credential-access' | 'post-exploitation' | 'phishing' | 'defence-evasion';

/** One tool of `data/dual-use-tools.json`. */
export interface DualUseTool extends ListedTool {
  use: DualUse;
}

/** The source id of Gloss's list, as records and details carry it (`source-names.ts`). */
export const DUAL_USE_SOURCE = 'gloss-dual-use';

/** The shipped records with every dual-use tool a tool with its `use`, and those no record has added. */
export function withDualUseTools<R extends ShippedSoftwareRecord>(
  records: readonly R[],
  tools: readonly DualUseTool[],
): (ShippedSoftwareRecord & { use?: DualUse })[] {
  const useByForm = new Map(tools.flatMap((tool) => formsOf(tool).map((form) => [form, tool.use] as const)));
  return withListedTools(records, tools, DUAL_USE_SOURCE).map((record) => {
    if (!sourceIdsOf(record).includes(DUAL_USE_SOURCE)) return record;
    const use = formsOf(record)
      .map((form) => useByForm.get(form))
      .find((found) => found !== undefined);
    return use ? { ...record, use } : record;
  });
}

/** What the details say a dual-use tool is for: "to tunnel into the network". */
export const DUAL_USE_PURPOSE: Readonly<Record<DualUse, string>> = {
  tunnelling: 'to tunnel into the network past its firewall',
  'network-scanning': 'to map the network and its directory',
  'file-transfer': 'to pack and send out data',
  'credential-access': 'to take passwords and tickets',
  'post-exploitation': 'to control the hosts they reach',
  phishing: 'to phish credentials and session cookies',
  'defence-evasion': 'to kill security software and hide their own',
};

/**
 * STIX's `tool_types` (tool-type-ov) for each use; file transfer, phishing and defence evasion have none
 * that fits, so they carry no type.
 */
export const DUAL_USE_TOOL_TYPES: Readonly<Partial<Record<DualUse, string>>> = {
  tunnelling: 'remote-access',
  'network-scanning': 'information-gathering',
  'credential-access': 'credential-exploitation',
  'post-exploitation': 'exploitation',
};

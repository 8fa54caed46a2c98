/**
 * STIX's `tool_types` (tool-type-ov) for a confirmed tool: remote-support products intruders install to keep
 * access (Gloss's list, `data/remote-access-software.json`, 4 KB) are "remote-access"; a dual-use tool
 * (`data/dual-use-tools.json`, 6 KB) takes the type its use says (`DUAL_USE_TOOL_TYPES`: a tunnel is
 * "remote-access", a scanner "information-gathering"…). Other tools carry no type: nothing Gloss knows says
 * which they are.
 */
import products from '../../../data/remote-access-software.json';
import dualUseTools from '../../../data/dual-use-tools.json';
import { formKey } from '../../entities/dictionary';
import { DUAL_USE_TOOL_TYPES, type DualUse } from '../../entities/dual-use-tools';
import { formsOf } from '../../entities/remote-access-software';

let typeByForm: Map<string, string> | undefined;

function toolTypes(): Map<string, string> {
  const map = new Map<string, string>();
  for (const tool of dualUseTools) {
    const type = DUAL_USE_TOOL_TYPES[tool.use as DualUse];
    if (type) for (const form of formsOf(tool)) map.set(form, type);
  }
  for (const form of products.flatMap(formsOf)) map.set(form, 'remote-access');
  return map;
}

export function toolTypesOf(name: string): string[] | undefined {
  typeByForm ??= toolTypes();
  const type = typeByForm.get(formKey(name));
  return type ? [type] : undefined;
}

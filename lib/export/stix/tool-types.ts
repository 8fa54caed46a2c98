/**
 * STIX's `tool_types` (tool-type-ov) for a confirmed tool: remote-support products intruders install to keep
 * access (Gloss's list, `data/remote-access-software.json`, 4 KB) are "remote-access". Other tools carry no
 * type: nothing Gloss knows says which they are.
 */
import products from '../../../data/remote-access-software.json';
import { formKey } from '../../entities/dictionary';
import { formsOf } from '../../entities/remote-access-software';

let remoteAccess: Set<string> | undefined;

export function toolTypesOf(name: string): string[] | undefined {
  remoteAccess ??= new Set(products.flatMap(formsOf));
  return remoteAccess.has(formKey(name)) ? ['remote-access'] : undefined;
}

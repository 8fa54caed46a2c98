/**
 * STIX's `tool_types` (tool-type-ov) for a confirmed tool: remote-support products intruders install to keep
 * access (Gloss's list, `data/remote-access-software.json`, 4 KB) are "remote-access". Other tools carry no
 * type: nothing Gloss knows says which they are.
 */
import products from '../../../data/remote-access-software.json';
import { formKey } from '../../entities/dictionary';

let remoteAccess: Set<string> | undefined;

export function toolTypesOf(name: string): string[] | undefined {
  remoteAccess ??= new Set(products.flatMap((product) => [product.name, ...product.aliases]).map(formKey));
  return remoteAccess.has(formKey(name)) ? ['remote-access'] : undefined;
}

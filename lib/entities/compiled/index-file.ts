/**
 * The container of a compiled entity index: one JSON part and named typed arrays, in one byte string.
 *
 *   "GLSX" · u32 format · u32 header length · header (UTF-8 JSON) · padding · array bytes…
 *
 * The header holds the JSON part and, per array, its type, byte offset and length. Arrays start at
 * multiples of 8, so reading gives views on the same buffer: no copy, no object per element. Arrays are
 * written in the machine's byte order and the header says which; a reader on the other order refuses.
 */

export const INDEX_FORMAT = 1;
const MAGIC = 0x58534c47; // "GLSX" read as a little-endian u32

const TYPES = { Int32Array, Uint16Array, Uint8Array, Float32Array } as const;
type TypeName = keyof typeof TYPES;
export type IndexArray = Int32Array | Uint16Array | Uint8Array | Float32Array;

interface Header {
  littleEndian: boolean;
  json: unknown;
  arrays: { name: string; type: TypeName; offset: number; length: number }[];
}

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

function typeName(array: IndexArray): TypeName {
  for (const name of Object.keys(TYPES) as TypeName[]) if (array instanceof TYPES[name]) return name;
  throw new Error('entity index: unsupported array type');
}

export function encodeIndex(json: unknown, arrays: Record<string, IndexArray>): Uint8Array {
  const entries: Header['arrays'] = [];
  let offset = 0;
  for (const [name, array] of Object.entries(arrays)) {
    entries.push({ name, type: typeName(array), offset, length: array.length });
    offset += Math.ceil(array.byteLength / 8) * 8;
  }
  const header = new TextEncoder().encode(JSON.stringify({ littleEndian: LITTLE_ENDIAN, json, arrays: entries } satisfies Header));
  const dataStart = Math.ceil((12 + header.length) / 8) * 8;
  const bytes = new Uint8Array(dataStart + offset);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, MAGIC, true);
  view.setUint32(4, INDEX_FORMAT, true);
  view.setUint32(8, header.length, true);
  bytes.set(header, 12);
  for (const entry of entries) {
    const array = arrays[entry.name];
    bytes.set(new Uint8Array(array.buffer, array.byteOffset, array.byteLength), dataStart + entry.offset);
  }
  return bytes;
}

export interface DecodedIndex {
  json: unknown;
  arrays: Record<string, IndexArray>;
}

/** Reads an index; throws with a plain reason when the bytes are not one this code can read. */
export function decodeIndex(input: ArrayBuffer | Uint8Array): DecodedIndex {
  // A view at an offset that is not a multiple of 8 is copied once so the arrays can be aligned views.
  let bytes = input instanceof Uint8Array ? input : new Uint8Array(input);
  if (bytes.byteOffset % 8 !== 0) bytes = bytes.slice();
  if (bytes.length < 12) throw new Error('entity index: the file is too short');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(0, true) !== MAGIC) throw new Error('entity index: not an entity index file');
  const format = view.getUint32(4, true);
  if (format !== INDEX_FORMAT) throw new Error(`entity index: format ${format}, this code reads format ${INDEX_FORMAT}`);
  const headerLength = view.getUint32(8, true);
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(12, 12 + headerLength))) as Header;
  if (header.littleEndian !== LITTLE_ENDIAN) throw new Error('entity index: written on a machine of the other byte order');
  const dataStart = Math.ceil((12 + headerLength) / 8) * 8;
  const arrays: Record<string, IndexArray> = {};
  for (const { name, type, offset, length } of header.arrays) {
    const Type = TYPES[type];
    const byteOffset = bytes.byteOffset + dataStart + offset;
    if (!Type || byteOffset + length * Type.BYTES_PER_ELEMENT > bytes.byteOffset + bytes.length)
      throw new Error(`entity index: array ${name} is cut short`);
    arrays[name] = new Type(bytes.buffer as ArrayBuffer, byteOffset, length);
  }
  return { json: header.json, arrays };
}

/** Where the extension's build puts the compiled entity index (wxt.config.ts), and where the background reads it. */
export const ENTITY_INDEX_FILE = 'entity-index.bin';

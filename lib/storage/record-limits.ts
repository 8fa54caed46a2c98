/**
 * The limits of every record Gloss keeps, one place for all of them (the schemas are record-schemas.ts).
 * Plain numbers and nothing else, so code in web pages (the message contract) can read them without
 * bringing the schemas along.
 */
export const MAX_ANNOTATION_ID = 100;
/** The IRI a highlight keeps from another tool (or an older Gloss) when it was given a fresh id on import. */
export const MAX_ANNOTATION_IRI = 2_048;
export const MAX_QUOTE = 100_000;
/** The text kept before and after a quote (Gloss writes up to 32 characters; other tools more). */
export const MAX_QUOTE_CONTEXT = 1_000;
export const MAX_NOTE = 20_000;
export const MAX_URL_LENGTH = 8_192;
export const MAX_TITLE = 500;
export const MAX_SITE_NAME = 200;
export const MAX_BYLINE = 300;
export const MAX_PUBLISHED_TIME = 100;
/** Names of entities and actors, as the user or the page wrote them. */
export const MAX_NAME = 200;
/** Keys folded from names (actorKey, entityKey, tagKey): folding a 200-character name never reaches this. */
export const MAX_KEY = 1_000;
export const MAX_ALIASES = 100;
/** The threat actors a page is listed under. */
export const MAX_PAGE_ACTORS = 1_000;
/** A PDF's document key: "urn:x-pdf:" and a fingerprint of at most 128 hex digits (lib/pdf/document-key.ts). */
export const MAX_DOCUMENT_KEY = 138;

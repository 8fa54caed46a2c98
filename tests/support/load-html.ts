import { readFileSync } from 'node:fs';
import path from 'node:path';
import { JSDOM, VirtualConsole } from 'jsdom';
import { FIXTURES_DIR } from '../../harness/paths';

/** A jsdom document for an HTML string, with scripts off and no network. */
export function documentFrom(html: string, url = 'http://fixtures.test/page.html'): Document {
  // A fresh virtual console prints nothing: jsdom's complaints about the real pages' CSS are noise.
  return new JSDOM(html, { url, virtualConsole: new VirtualConsole() }).window.document;
}

/** A jsdom document for a file under tests/fixtures. */
export function fixtureDocument(relativePath: string, url = 'http://fixtures.test/page.html'): Document {
  return documentFrom(readFileSync(path.join(FIXTURES_DIR, relativePath), 'utf8'), url);
}

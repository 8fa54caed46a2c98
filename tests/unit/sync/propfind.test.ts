import { describe, expect, it } from 'vitest';
import { entryName, parseMultistatus } from '@/lib/sync/propfind';

const APACHE = `<?xml version="1.0" encoding="utf-8"?>
<D:multistatus xmlns:D="DAV:" xmlns:ns0="DAV:">
<D:response xmlns:lp1="DAV:" xmlns:lp2="http://apache.org/dav/props/">
<D:href>/gloss-sync/</D:href>
<D:propstat><D:prop><lp1:resourcetype><D:collection/></lp1:resourcetype><lp1:getetag>"1000-661d604c7b64c"</lp1:getetag></D:prop>
<D:status>HTTP/1.1 200 OK</D:status></D:propstat></D:response>
<D:response xmlns:lp1="DAV:"><D:href>/gloss-sync/00000000000000aa-0000000001</D:href>
<D:propstat><D:prop><lp1:resourcetype/><lp1:getetag>W/"3-661d604c7b64c"</lp1:getetag></D:prop></D:propstat></D:response>
<D:response><D:href>http://127.0.0.1:8080/gloss-sync/snapshot</D:href><D:propstat><D:prop><D:getetag>&quot;5-abc&quot;</D:getetag></D:prop></D:propstat></D:response>
</D:multistatus>`;

describe('PROPFIND answers', () => {
  it('reads names, ETags and folders whatever the namespace prefixes', () => {
    const entries = parseMultistatus(APACHE)!;
    expect(entries.map((entry) => [entryName(entry.href), entry.etag, entry.collection])).toEqual([
      ['gloss-sync', '"1000-661d604c7b64c"', true],
      ['00000000000000aa-0000000001', 'W/"3-661d604c7b64c"', false],
      ['snapshot', '"5-abc"', false],
    ]);
  });

  it('says a web page is no listing', () => {
    expect(parseMultistatus('<!doctype html><html><body>Log in</body></html>')).toBeNull();
  });

  it('reads a hostile answer in time linear in its length', () => {
    const time = (xml: string) => {
      const start = performance.now();
      parseMultistatus(xml);
      return performance.now() - start;
    };
    const unit = '<d:response><d:href>/a</d:href><d:getetag>"1"</d:getetag>';
    const small = `<multistatus>${unit.repeat(2_000)}`;
    const large = `<multistatus>${unit.repeat(40_000)}`;
    const nested = `<multistatus>${'<'.repeat(400_000)}`;
    const unclosed = `<multistatus>${'<a b="'.repeat(100_000)}`;
    time(small);
    const base = time(small);
    // Twenty times the input: well under the square (400x) a backtracking scan would take.
    expect(time(large)).toBeLessThan(Math.max(base, 1) * 100);
    expect(time(nested)).toBeLessThan(2_000);
    expect(time(unclosed)).toBeLessThan(2_000);
  });
});

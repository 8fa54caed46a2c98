// @vitest-environment jsdom
/**
 * PageHighlights in a jsdom page, with the background replaced by a fake sendRequest and the CSS Custom
 * Highlight registry (which jsdom lacks) by a Map, so what is painted can be read back.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { describeOffsets } from '@/lib/anchoring/describe-range';
import { TextIndex } from '@/lib/anchoring/text-index';
import type { GlossRequest } from '@/lib/messaging/contract';
import type { AnnotationRecord, HighlightColor } from '@/lib/storage/records';
import { PageHighlights } from '@/extension/page/page-highlights';
import { sendRequest } from '@/extension/send-request';

vi.mock('@/extension/send-request', () => ({ sendRequest: vi.fn() }));
// WXT's stand-in for `wxt/browser` loads its whole testing kit, whose esbuild refuses jsdom's globals.
vi.mock('wxt/browser', async () => ({ browser: (await import('wxt/testing/fake-browser')).fakeBrowser }));

const PAGE = 'https://news.example/storm-1152';
const ARTICLE = [
  'Microsoft disrupted Storm-1152, which sold fraudulent accounts.',
  'The group worked with Octo Tempest, also known as Scattered Spider.',
  'Arkose Labs helped track the infrastructure.',
];

/** A stand-in for the CSS Custom Highlight API: the registry, and Highlight as a set of ranges. */
class FakeHighlight extends Set<Range> {
  constructor(...ranges: Range[]) {
    super(ranges);
  }
}
const registry = new Map<string, FakeHighlight>();

/** The text painted in each colour's layer, and in the focus layer. */
function painted(): Record<string, string[]> {
  return Object.fromEntries([...registry].map(([name, highlight]) => [name, [...highlight].map((range) => range.toString())]));
}

let now = 0;
let requests: GlossRequest[];
/** What the fake background answers to each request type. */
let answers: Partial<Record<GlossRequest['type'], (request: GlossRequest) => unknown>>;

function record(exact: string, color: HighlightColor = 'yellow', id = `id-${exact}`): AnnotationRecord {
  const index = new TextIndex(document.body);
  const start = index.text.indexOf(exact);
  if (start < 0) throw new Error(`"${exact}" is not in the page`);
  return {
    id,
    pageUrl: PAGE,
    target: describeOffsets(index, start, start + exact.length),
    color,
    note: '',
    tags: [],
    createdAt: 1,
    updatedAt: 1,
  };
}

/** A live range over the first occurrence of `exact` (the reader's selection). */
function selection(exact: string): Range {
  const index = new TextIndex(document.body);
  const start = index.text.indexOf(exact);
  return index.rangeFor(start, start + exact.length);
}

beforeEach(() => {
  document.head.innerHTML = '<meta property="og:site_name" content="Security Newsroom"><title>Storm-1152</title>';
  document.body.innerHTML = `<article>${ARTICLE.map((text) => `<p>${text}</p>`).join('')}</article>`;
  registry.clear();
  vi.stubGlobal('CSS', { highlights: registry });
  vi.stubGlobal('Highlight', FakeHighlight);
  now = 10_000;
  vi.spyOn(performance, 'now').mockImplementation(() => now);
  requests = [];
  answers = {};
  vi.mocked(sendRequest).mockImplementation(async (request: GlossRequest) => {
    requests.push(request);
    const answer = answers[request.type];
    if (!answer) throw new Error(`the fake background has no answer to ${request.type}`);
    return answer(request) as never;
  });
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe("loading a page's highlights", () => {
  it('places each stored highlight on its text, paints it in its colour and lists them in document order', async () => {
    const onChange = vi.fn();
    const highlights = new PageHighlights(onChange);
    const stored = [record('Octo Tempest', 'green'), record('Storm-1152'), record('Arkose Labs', 'green')];
    answers['page-annotations'] = () => stored;

    await highlights.load();

    expect(requests).toEqual([{ type: 'page-annotations' }]);
    expect(highlights.states().map(({ record: r, status }) => [r.id, status])).toEqual([
      ['id-Storm-1152', 'anchored'],
      ['id-Octo Tempest', 'anchored'],
      ['id-Arkose Labs', 'anchored'],
    ]);
    expect(painted()).toEqual({ 'gloss-yellow': ['Storm-1152'], 'gloss-green': ['Octo Tempest', 'Arkose Labs'] });
    expect(document.getElementById('gloss-highlight-paint')).not.toBeNull();
    expect(onChange).toHaveBeenCalledTimes(1);
  });

  it('calls a highlight whose text is gone pending at first (the page may still be rendering), then an orphan', () => {
    const highlights = new PageHighlights(() => undefined);
    const gone = { ...record('Scattered Spider'), id: 'gone' };
    document.body.innerHTML = '<p>Another article altogether, about nothing Gloss kept.</p>';

    highlights.place([gone]);
    expect(highlights.get('gone')).toMatchObject({ status: 'pending', range: null });

    now += 5_000;
    highlights.reanchor();
    expect(highlights.get('gone')).toMatchObject({ status: 'orphan', range: null, start: gone.target.position.start });
    expect(painted()).toEqual({});
  });

  it('re-anchors when the text under a highlight changed, and only then', async () => {
    const highlights = new PageHighlights(() => undefined);
    answers['page-annotations'] = () => [record('Arkose Labs')];
    await highlights.load();
    expect(highlights.needsReanchoring()).toBe(false);

    document.querySelector('p:last-child')!.firstChild!.textContent = 'Arkose helped track the infrastructure.';
    expect(highlights.needsReanchoring()).toBe(true);
  });
});

describe('creating a highlight from a selection', () => {
  it("stores what the selection says with the page's title and site, then places and paints the stored record", async () => {
    const onChange = vi.fn();
    const highlights = new PageHighlights(onChange);
    answers['create-annotation'] = (request) => {
      const { target, color } = request as GlossRequest<'create-annotation'>;
      return {
        id: 'new',
        pageUrl: PAGE,
        target,
        color: color ?? 'yellow',
        note: '',
        tags: [],
        createdAt: 2,
        updatedAt: 2,
      } satisfies AnnotationRecord;
    };

    const created = await highlights.create(selection('Scattered Spider'), 'purple');

    const sent = requests[0] as GlossRequest<'create-annotation'>;
    expect(sent).toMatchObject({
      type: 'create-annotation',
      color: 'purple',
      page: { title: 'Storm-1152', siteName: 'Security Newsroom' },
    });
    expect(sent.target.quote.exact).toBe('Scattered Spider');
    expect(created?.id).toBe('new');
    expect(highlights.get('new')).toMatchObject({ status: 'anchored', anchoredText: 'Scattered Spider' });
    expect(painted()).toEqual({ 'gloss-purple': ['Scattered Spider'] });
    expect(onChange).toHaveBeenCalledTimes(1);
  });

  it('keeps nothing when the background refuses it', async () => {
    const onChange = vi.fn();
    const highlights = new PageHighlights(onChange);
    answers['create-annotation'] = () => null;

    expect(await highlights.create(selection('Storm-1152'), 'yellow')).toBeNull();
    expect(highlights.count).toBe(0);
    expect(painted()).toEqual({});
    expect(onChange).not.toHaveBeenCalled();
  });
});

describe('moving a highlight onto a new selection (re-attaching an orphan)', () => {
  it('stores the new place and paints the record the background answers', async () => {
    const highlights = new PageHighlights(() => undefined);
    now += 5_000;
    const orphan = { ...record('Storm-1152'), id: 'orphan' };
    orphan.target = { ...orphan.target, quote: { ...orphan.target.quote, exact: 'Storm-0000', prefix: 'nowhere ', suffix: ' at all' } };
    orphan.target.element = undefined;
    highlights.place([orphan]);
    expect(highlights.get('orphan')?.status).toBe('orphan');
    answers['retarget-annotation'] = (request) => ({
      ...orphan,
      target: (request as GlossRequest<'retarget-annotation'>).target,
      updatedAt: 3,
    });

    expect(await highlights.retarget('orphan', selection('Octo Tempest'))).toBe(true);

    expect(requests.at(-1)).toMatchObject({ type: 'retarget-annotation', id: 'orphan', target: { quote: { exact: 'Octo Tempest' } } });
    expect(highlights.get('orphan')).toMatchObject({ status: 'anchored', anchoredText: 'Octo Tempest', record: { updatedAt: 3 } });
    expect(painted()).toEqual({ 'gloss-yellow': ['Octo Tempest'] });
  });

  it('leaves the highlight as it was when the background answers that it is gone', async () => {
    const highlights = new PageHighlights(() => undefined);
    highlights.place([record('Storm-1152')]);
    answers['retarget-annotation'] = () => null;

    expect(await highlights.retarget('id-Storm-1152', selection('Arkose Labs'))).toBe(false);
    expect(highlights.get('id-Storm-1152')).toMatchObject({ anchoredText: 'Storm-1152' });
    expect(painted()).toEqual({ 'gloss-yellow': ['Storm-1152'] });
  });
});

describe('changes made elsewhere', () => {
  it('repaints a record changed in the editor or the popup in its new colour, without asking the background', () => {
    const highlights = new PageHighlights(() => undefined);
    const kept = record('Octo Tempest');
    highlights.place([kept]);

    highlights.replaceRecord({ ...kept, color: 'blue', note: 'also UNC3944' });

    // In its new colour, and marked as having a note now.
    expect(painted()).toEqual({ 'gloss-blue': ['Octo Tempest'], 'gloss-noted': ['Octo Tempest'] });
    expect(highlights.get(kept.id)?.record.note).toBe('also UNC3944');
    expect(requests).toEqual([]);
  });

  it('keeps the newer record when an older save is answered last (an autosave after Done)', () => {
    const highlights = new PageHighlights(() => undefined);
    const kept = record('Octo Tempest');
    highlights.place([kept]);
    const autosaved = { ...kept, note: 'also', updatedAt: 10 };
    const done = { ...kept, note: 'also UNC3944', color: 'blue' as const, updatedAt: 11 };

    highlights.replaceRecord(done);
    highlights.replaceRecord(autosaved);

    expect(highlights.get(kept.id)?.record).toEqual(done);
    expect(painted()).toEqual({ 'gloss-blue': ['Octo Tempest'], 'gloss-noted': ['Octo Tempest'] });
  });

  it('forgets a deleted highlight: its paint and its focus go, the others stay', () => {
    const onChange = vi.fn();
    const highlights = new PageHighlights(onChange);
    highlights.place([record('Storm-1152'), record('Arkose Labs')]);
    highlights.focus('id-Storm-1152');
    expect(painted()['gloss-focus']).toEqual(['Storm-1152']);

    highlights.forget('id-Storm-1152');

    expect(highlights.count).toBe(1);
    expect(painted()).toEqual({ 'gloss-yellow': ['Arkose Labs'] });
    expect(onChange).toHaveBeenCalledTimes(2); // placed, forgotten
  });

  it('drops everything, paint and style element included, when Gloss is paused on the site', () => {
    const highlights = new PageHighlights(() => undefined);
    highlights.place([record('Storm-1152', 'pink')]);

    highlights.clear();

    expect(highlights.count).toBe(0);
    expect(painted()).toEqual({});
    expect(document.getElementById('gloss-highlight-paint')).toBeNull();
  });
});

describe('finding the highlight under a point', () => {
  it('answers the newest of overlapping highlights, and none outside them', () => {
    const highlights = new PageHighlights(() => undefined);
    const older = { ...record('Microsoft disrupted Storm-1152'), id: 'older', createdAt: 1 };
    const newer = { ...record('Storm-1152'), id: 'newer', createdAt: 5 };
    highlights.place([older, newer]);
    const inside = selection('Storm-1152');

    expect(highlights.at(inside.startContainer, inside.startOffset + 2)?.record.id).toBe('newer');
    expect(highlights.at(inside.startContainer, 2)?.record.id).toBe('older');
    const last = document.querySelector('p:last-child')!.firstChild!;
    expect(highlights.at(last, 3)).toBeNull();
  });
});

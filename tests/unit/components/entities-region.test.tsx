// @vitest-environment jsdom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EntitiesRegion } from '@/components/entities-region';
import type { EntityServices } from '@/components/popup-services';
import {
  pageEntities,
  SCAN_STOPPED_MESSAGE,
  stoppedPageEntities,
  type PageEntities,
  type StoredVerdict,
} from '@/lib/entities/page-entities';
import type { Entity } from '@/lib/entities/types';
import { actorNameIndex } from '@/lib/entities/alias-candidates';
import { applyAliasPicks, type AliasPick, type PickScope } from '@/lib/entities/alias-picks';

const TEXT = 'Storm-1152 sold accounts. Storm-1152 grew. Storm-1152 fell. Octo Tempest helped. <img src=x onerror=alert(1)> ran.';
const at = (name: string, from = 0) => {
  const start = TEXT.indexOf(name, from);
  return { start, end: start + name.length, text: name };
};
const spanIn = (text: string, name: string) => {
  const start = text.indexOf(name);
  return { start, end: start + name.length, text: name };
};
const FOUND: Entity[] = [
  {
    kind: 'threat-actor',
    name: 'Storm-1152',
    canonical: 'Storm-1152',
    aliases: [],
    mentions: [at('Storm-1152'), at('Storm-1152', 10), at('Storm-1152', 40)],
  },
  { kind: 'threat-actor', name: 'Octo Tempest', canonical: 'Scattered Spider', aliases: ['UNC3944'], mentions: [at('Octo Tempest')] },
  {
    kind: 'organization',
    name: '<img src=x onerror=alert(1)>',
    canonical: '<img src=x onerror=alert(1)>',
    aliases: [],
    mentions: [at('<img src=x onerror=alert(1)>')],
  },
];

function fakeServices(initial: PageEntities, overrides: Partial<EntityServices> = {}): EntityServices {
  let current = initial;
  return {
    refresh: vi.fn(async () => ({ ok: true as const, entities: current })),
    details: vi.fn(async (entity) => ({
      kind: entity.kind,
      canonical: entity.canonical,
      aliases: entity.aliases,
      sources: ['MISP galaxy'],
      links: [],
      why: [],
      pages: [],
    })),
    tag: vi.fn(async (entity, verdict) => {
      const verdicts = verdict ? [{ entityKey: entity.key, status: verdict }] : [];
      current = pageEntities(TEXT, FOUND, verdicts);
      return { ok: true };
    }),
    addActor: vi.fn(async () => ({ ok: true })),
    pickAlias: vi.fn(async () => ({ ok: true, message: 'Picked.' })),
    tagSelection: vi.fn(async () => ({ ok: true, message: 'Tagged.' })),
    exportIndicators: vi.fn(async (format) => ({
      ok: true as const,
      fileName: `Report.indicators.${format === 'csv' ? 'csv' : 'txt'}`,
      mimeType: 'text/csv',
      text: 'list',
    })),
    save: vi.fn(),
    copy: vi.fn(async () => true),
    suggest: vi.fn(async () => []),
    selection: vi.fn(async () => ''),
    mark: vi.fn(async (marks: unknown[]) => marks.map((_, i) => i !== 1)),
    focus: vi.fn(async () => true),
    clearMarks: vi.fn(async () => undefined),
    marksShown: vi.fn(async () => false),
    subscribe: vi.fn(() => () => undefined),
    pagesForActor: vi.fn(async () => []),
    ...overrides,
  };
}

async function mount(services: EntityServices, initial: PageEntities | null = pageEntities(TEXT, FOUND, [])): Promise<HTMLElement> {
  const root = document.createElement('main');
  document.body.replaceChildren(root);
  await act(async () => render(<EntitiesRegion initial={initial} services={services} />, root));
  return root;
}

/** An element's accessible name as a browser computes it here: its aria-label, or its text less what is aria-hidden. */
function accessibleName(element: Element): string {
  const label = element.getAttribute('aria-label');
  if (label !== null) return label;
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  let text = '';
  for (let node = walker.nextNode(); node; node = walker.nextNode())
    if (!node.parentElement?.closest('[aria-hidden="true"]')) text += node.nodeValue;
  return text.replace(/\s+/g, ' ').trim();
}
const buttonNamed = (root: HTMLElement, name: string) =>
  [...root.querySelectorAll('button')].find((b) => accessibleName(b) === name) as HTMLButtonElement | undefined;
const descriptionOf = (root: HTMLElement, element: Element) =>
  root.querySelector(`#${element.getAttribute('aria-describedby')}`)?.textContent;
/** Clicks, then lets the chain of service calls and re-renders it starts settle. */
async function click(button: HTMLElement | undefined): Promise<void> {
  await act(async () => {
    button!.click();
  });
  for (let i = 0; i < 3; i++) await act(async () => {});
}

afterEach(() => document.body.replaceChildren());

describe('EntitiesRegion', () => {
  it('groups entities by kind with names that end in their mention count, page text shown as text', async () => {
    const root = await mount(fakeServices(pageEntities(TEXT, FOUND, [])));
    const groups = [...root.querySelectorAll('[role="group"]')].map(
      (g) => root.querySelector(`#${g.getAttribute('aria-labelledby')}`)?.textContent,
    );
    expect(groups).toEqual(['Threat actors', 'Organizations']);
    expect(buttonNamed(root, 'Storm-1152 (3)')).toBeDefined();
    // Named as it shows; the description says in words what the arrow means.
    expect(descriptionOf(root, buttonNamed(root, 'Octo Tempest → Scattered Spider (1)')!)).toBe('Resolved to Scattered Spider');
    expect(root.querySelector('img')).toBeNull();
    expect(root.textContent).toContain('<img src=x onerror=alert(1)>');
  });

  it('marks an entity’s mentions, steps over those not found on the page, and unmarks on a second click', async () => {
    const services = fakeServices(pageEntities(TEXT, FOUND, []));
    const root = await mount(services);
    await click(buttonNamed(root, 'Storm-1152 (3)'));
    expect(services.mark).toHaveBeenCalledWith(
      FOUND[0].mentions.map((m) => ({ kind: 'threat-actor', quote: expect.objectContaining({ exact: m.text }) })),
      0,
    );
    expect(root.textContent).toContain('Mention 1 of 3 · 1 not found on the page');
    await click(buttonNamed(root, 'Next mention'));
    expect(services.focus).toHaveBeenLastCalledWith(2);
    expect(root.textContent).toContain('Mention 3 of 3');
    await click(buttonNamed(root, 'Next mention'));
    expect(services.focus).toHaveBeenLastCalledWith(0);
    await click(buttonNamed(root, 'Storm-1152 (3)'));
    expect(services.clearMarks).toHaveBeenCalled();
    expect(root.textContent).not.toContain('Mention 1 of 3');
  });

  it('confirms an actor and says so in the button’s description', async () => {
    const services = fakeServices(pageEntities(TEXT, FOUND, []));
    const root = await mount(services);
    await click(buttonNamed(root, 'Storm-1152 (3)'));
    await click(buttonNamed(root, 'Confirm threat actor'));
    expect(services.tag).toHaveBeenCalledWith(expect.objectContaining({ key: 'threat-actor:storm-1152' }), 'confirmed');
    const storm = buttonNamed(root, 'Storm-1152 (3)')!;
    expect(root.querySelector(`#${storm.getAttribute('aria-describedby')}`)?.textContent).toBe('Confirmed by you');
    expect(root.textContent).toContain('Confirmed Storm-1152 as a threat actor.');
  });

  it('follows a verdict made in another view: the list refreshes, and an entity rejected there closes here', async () => {
    let changedElsewhere = () => {};
    const services = fakeServices(pageEntities(TEXT, FOUND, []), {
      subscribe: vi.fn((onChange: () => void) => {
        changedElsewhere = onChange;
        return () => undefined;
      }),
    });
    const root = await mount(services);
    await click(buttonNamed(root, 'Octo Tempest → Scattered Spider (1)'));
    expect(root.querySelector('.rejected')).toBeNull();
    // The side panel confirmed Storm-1152 and rejected Octo Tempest, the one open here.
    services.refresh = vi.fn(async () => ({
      ok: true as const,
      entities: pageEntities(TEXT, FOUND, [
        { entityKey: 'threat-actor:storm-1152', status: 'confirmed' },
        { entityKey: 'threat-actor:scattered spider', status: 'rejected' },
      ]),
    }));
    await act(async () => changedElsewhere());
    for (let i = 0; i < 3; i++) await act(async () => {});
    const storm = buttonNamed(root, 'Storm-1152 (3)')!;
    expect(root.querySelector(`#${storm.getAttribute('aria-describedby')}`)?.textContent).toBe('Confirmed by you');
    expect(buttonNamed(root, 'Octo Tempest → Scattered Spider (1)')).toBeUndefined();
    expect(root.querySelector('.rejected summary')?.textContent).toBe('Rejected on this page (1)');
    expect(services.clearMarks).toHaveBeenCalled();
  });

  it('keeps what it shows when a refresh after a change elsewhere fails, and stops listening once closed', async () => {
    let changedElsewhere = () => {};
    const unsubscribe = vi.fn();
    const services = fakeServices(pageEntities(TEXT, FOUND, []), {
      subscribe: vi.fn((onChange: () => void) => {
        changedElsewhere = onChange;
        return unsubscribe;
      }),
    });
    const root = await mount(services);
    services.refresh = vi.fn(async () => ({ ok: false as const, message: 'Gloss can’t read this page any more.' }));
    await act(async () => changedElsewhere());
    await act(async () => {});
    expect(buttonNamed(root, 'Storm-1152 (3)')).toBeDefined();
    expect(root.querySelector('[role="status"]')?.textContent ?? '').toBe('');
    await act(async () => render(null, root));
    expect(unsubscribe).toHaveBeenCalled();
  });

  it('sets a rejected entity apart, and brings it back on undo', async () => {
    const services = fakeServices(pageEntities(TEXT, FOUND, []));
    const root = await mount(services);
    await click(buttonNamed(root, 'Octo Tempest → Scattered Spider (1)'));
    await click(buttonNamed(root, 'Not a threat actor'));
    expect(buttonNamed(root, 'Octo Tempest → Scattered Spider (1)')).toBeUndefined();
    expect(services.clearMarks).toHaveBeenCalled();
    expect(root.querySelector('.rejected summary')?.textContent).toBe('Rejected on this page (1)');
    // The name and its kind once, then a short "Undo" whose accessible name says what it undoes.
    expect(root.querySelector('.rejected li')?.textContent).toBe('Octo Tempest · threat actor Undo');
    await click(buttonNamed(root, 'Undo rejection of Octo Tempest'));
    expect(services.tag).toHaveBeenLastCalledWith(expect.objectContaining({ name: 'Octo Tempest' }), null);
    expect(buttonNamed(root, 'Octo Tempest → Scattered Spider (1)')).toBeDefined();
  });

  it('marks every entity by kind with one toggle', async () => {
    const services = fakeServices(pageEntities(TEXT, FOUND, []));
    const root = await mount(services);
    const toggle = buttonNamed(root, 'Mark all entities')!;
    await click(toggle);
    expect(toggle.getAttribute('aria-pressed')).toBe('true');
    expect(services.mark).toHaveBeenCalledWith(expect.arrayContaining([expect.objectContaining({ kind: 'organization' })]), null);
    expect((vi.mocked(services.mark).mock.calls[0][0] as unknown[]).length).toBe(5);
    await click(toggle);
    expect(toggle.getAttribute('aria-pressed')).toBe('false');
    expect(services.clearMarks).toHaveBeenCalled();
  });

  it('asks for a selection before tagging selected text, then offers a new actor with its name', async () => {
    const selection = vi.fn(async () => '');
    const services = fakeServices(pageEntities(TEXT, FOUND, []), { selection });
    const root = await mount(services);
    await click(buttonNamed(root, 'Tag selected text…'));
    expect(root.textContent).toContain('Select the text in the page first (a name, a CVE id, an indicator…), then choose this again.');
    selection.mockResolvedValueOnce('Gold Harvest');
    await click(buttonNamed(root, 'Tag selected text…'));
    expect((root.querySelector('.actor-form input') as HTMLInputElement).value).toBe('Gold Harvest');
    await act(async () => {
      (root.querySelector('.actor-form') as HTMLFormElement).requestSubmit();
    });
    for (let i = 0; i < 3; i++) await act(async () => {});
    expect(services.addActor).toHaveBeenCalledWith({ name: 'Gold Harvest', aliases: [], linkTo: null });
    expect(root.textContent).toContain('Created the actor “Gold Harvest”.');
  });

  it('says plainly when an article names no entities', async () => {
    const root = await mount(fakeServices({ entities: [], rejected: [] }), { entities: [], rejected: [] });
    expect(root.textContent).toContain('No threat actors, software, indicators or organizations found in this article.');
    expect(buttonNamed(root, 'Mark all entities')).toBeUndefined();
  });

  it('asks for the entities when they did not come with the article, saying so meanwhile', async () => {
    let answer: (value: Awaited<ReturnType<EntityServices['refresh']>>) => void = () => {};
    const refresh = vi.fn(
      () =>
        new Promise<Awaited<ReturnType<EntityServices['refresh']>>>((resolve) => {
          answer = resolve;
        }),
    );
    const root = await mount(fakeServices(pageEntities(TEXT, FOUND, []), { refresh }), null);
    expect(root.querySelector('section')?.getAttribute('aria-busy')).toBe('true');
    expect(root.textContent).toContain('Looking for threat actors, software and indicators…');
    await act(async () => answer({ ok: true, entities: pageEntities(TEXT, FOUND, []) }));
    expect(buttonNamed(root, 'Storm-1152 (3)')).toBeDefined();
    expect(root.querySelector('section')?.getAttribute('aria-busy')).toBe('false');
  });

  it('says the scan stopped on an unusually long page, whether the entities came with the article or later', async () => {
    const withArticle = await mount(fakeServices(stoppedPageEntities()), stoppedPageEntities());
    expect(withArticle.querySelector('[role="status"]')?.textContent).toBe('Stopped looking for entities: this page is unusually long.');
    expect(withArticle.querySelector('section')?.getAttribute('aria-busy')).toBe('false');
    expect(buttonNamed(withArticle, 'Tag selected text…')).toBeUndefined();
    const later = await mount(fakeServices(stoppedPageEntities()), null);
    await act(async () => {});
    expect(later.querySelector('[role="status"]')?.textContent).toBe(SCAN_STOPPED_MESSAGE);
  });

  it('keeps the list when a refresh after a change stops on the budget', async () => {
    const services = fakeServices(pageEntities(TEXT, FOUND, []));
    const root = await mount(services);
    services.refresh = vi.fn(async () => ({ ok: true as const, entities: stoppedPageEntities() }));
    await click(buttonNamed(root, 'Storm-1152 (3)'));
    await click(buttonNamed(root, 'Not a threat actor'));
    expect(root.textContent).toContain(SCAN_STOPPED_MESSAGE);
    expect(buttonNamed(root, 'Storm-1152 (3)')).toBeDefined();
  });

  it('says so when the entities cannot be found', async () => {
    const root = await mount(
      fakeServices(
        { entities: [], rejected: [] },
        { refresh: async () => ({ ok: false, message: 'Gloss can’t read this page any more.' }) },
      ),
      null,
    );
    await act(async () => {});
    expect(root.querySelector('[role="status"]')?.textContent).toBe('Gloss can’t read this page any more.');
  });

  it('offers to remove marks an earlier popup left in the page', async () => {
    const services = fakeServices(pageEntities(TEXT, FOUND, []), { marksShown: vi.fn(async () => true) });
    const root = await mount(services);
    await act(async () => {});
    await click(buttonNamed(root, 'Remove marks'));
    expect(services.clearMarks).toHaveBeenCalled();
    expect(buttonNamed(root, 'Remove marks')).toBeUndefined();
    expect(root.textContent).toContain('Removed the marks from the page.');
  });

  it('steps through mentions with N and P while focus is in the open entity, not while typing', async () => {
    const services = fakeServices(pageEntities(TEXT, FOUND, []), { mark: vi.fn(async (marks: unknown[]) => marks.map(() => true)) });
    const root = await mount(services);
    await click(buttonNamed(root, 'Storm-1152 (3)'));
    const next = buttonNamed(root, 'Next mention')!;
    const key = async (target: Element, name: string) => {
      await act(async () => {
        target.dispatchEvent(new KeyboardEvent('keydown', { key: name, bubbles: true }));
      });
      for (let i = 0; i < 3; i++) await act(async () => {});
    };
    await key(next, 'n');
    expect(root.textContent).toContain('Mention 2 of 3');
    await key(next, 'P');
    expect(root.textContent).toContain('Mention 1 of 3');
    await click(buttonNamed(root, 'Link to known actor…'));
    await key(root.querySelector('.entity-panel input')!, 'n');
    expect(root.textContent).toContain('Mention 1 of 3');
  });
});

describe('EntitiesRegion: every kind can be confirmed, rejected and tagged', () => {
  const REPORT = 'Dropped by GoldLoader: 44d88612fea8a8f36de82e1278abb02f, contacted 203.0.113.7. Acme Corp noticed.';
  const span = (name: string) => {
    const start = REPORT.indexOf(name);
    return { start, end: start + name.length, text: name };
  };
  const KINDS: Entity[] = [
    {
      kind: 'indicator',
      indicatorType: 'md5',
      name: '44d88612fea8a8f36de82e1278abb02f',
      canonical: '44d88612fea8a8f36de82e1278abb02f',
      aliases: [],
      mentions: [span('44d88612fea8a8f36de82e1278abb02f')],
    },
    {
      kind: 'indicator',
      indicatorType: 'ipv4',
      name: '203.0.113.7',
      canonical: '203.0.113.7',
      aliases: [],
      mentions: [span('203.0.113.7')],
    },
    { kind: 'organization', name: 'Acme Corp', canonical: 'Acme Corp', aliases: [], mentions: [span('Acme Corp')] },
  ];
  function services(overrides: Partial<EntityServices> = {}) {
    let verdicts: StoredVerdict[] = [];
    const tagged: Entity[] = [];
    return fakeServices(pageEntities(REPORT, KINDS, []), {
      refresh: vi.fn(async () => ({ ok: true as const, entities: pageEntities(REPORT, [...KINDS, ...tagged], verdicts) })),
      tag: vi.fn(async (entity, verdict) => {
        verdicts = verdicts.filter((v) => v.entityKey !== entity.key);
        if (verdict) verdicts.push({ entityKey: entity.key, status: verdict });
        return { ok: true };
      }),
      tagSelection: vi.fn(async (kind, text) => {
        verdicts.push({ entityKey: `${kind}:${text.toLowerCase()}`, status: 'confirmed', kind, name: text, canonical: text });
        return { ok: true, message: `Tagged “${text}” as ${kind}.` };
      }),
      ...overrides,
    });
  }

  it('shows each hash’s type, and confirms an indicator with a plain success message', async () => {
    const fake = services();
    const root = await mount(fake, pageEntities(REPORT, KINDS, []));
    // The type is part of the name, as it is of what the button shows (a voice-control user says what they see).
    const hash = buttonNamed(root, '44d88612fea8a8f36de82e1278abb02f MD5 (1)')!;
    expect(hash.hasAttribute('aria-describedby')).toBe(false);
    expect(buttonNamed(root, '203.0.113.7 IPv4 address (1)')).toBeDefined();
    await click(hash);
    expect(buttonNamed(root, 'Not an indicator')).toBeDefined();
    await click(buttonNamed(root, 'Confirm indicator'));
    expect(fake.tag).toHaveBeenCalledWith(expect.objectContaining({ key: 'indicator:44d88612fea8a8f36de82e1278abb02f' }), 'confirmed');
    const status = [...root.querySelectorAll('[role="status"]')].find((s) => s.textContent?.startsWith('Confirmed'))!;
    expect(status.textContent).toBe('Confirmed 44d88612fea8a8f36de82e1278abb02f as an indicator.');
    expect(status.className).toBe('done-note');
    const confirmed = buttonNamed(root, '44d88612fea8a8f36de82e1278abb02f MD5 (1)')!;
    expect(descriptionOf(root, confirmed)).toBe('Confirmed by you');
  });

  it('lists a value on a warninglist after the other indicators, however often the page names it, and says which list', async () => {
    const text = 'See https://example.org/a and https://example.org/b; the payload came from 203.0.113.7.';
    const link = (from: number) => {
      const start = text.indexOf('https://example.org', from);
      return { start, end: start + 19, text: 'https://example.org' };
    };
    const found: Entity[] = [
      {
        kind: 'indicator',
        indicatorType: 'url',
        name: 'https://example.org',
        canonical: 'https://example.org',
        aliases: [],
        mentions: [link(0), link(30)],
        warning: { list: 'tranco10k', short: 'popular site', label: 'a popular site (Tranco’s top 10,000)' },
      },
      {
        kind: 'indicator',
        indicatorType: 'ipv4',
        name: '203.0.113.7',
        canonical: '203.0.113.7',
        aliases: [],
        mentions: [spanIn(text, '203.0.113.7')],
      },
    ];
    const root = await mount(fakeServices(pageEntities(text, found, [])), pageEntities(text, found, []));
    const names = [...root.querySelectorAll('[role="group"] button')].map((b) => accessibleName(b)).filter((n) => / \(\d+\)$/.test(n));
    expect(names).toEqual(['203.0.113.7 IPv4 address (1)', 'https://example.org URL · popular site (2)']);
  });

  it('keeps the keyboard focus in the list when a confirmation, a rejection or a tag removes the button it was on', async () => {
    const fake = services({ selection: vi.fn(async () => 'GoldLoader') });
    const root = await mount(fake, pageEntities(REPORT, KINDS, []));
    /** As the keyboard does: the button has the focus when it is pressed. */
    const press = async (button: HTMLElement | undefined) => {
      button!.focus();
      await click(button);
      for (let i = 0; i < 3; i++) await act(async () => {});
    };
    const focused = () => (document.activeElement ? accessibleName(document.activeElement) : undefined);

    await press(buttonNamed(root, '44d88612fea8a8f36de82e1278abb02f MD5 (1)'));
    await press(buttonNamed(root, 'Confirm indicator'));
    expect(root.textContent).toContain('Confirmed 44d88612fea8a8f36de82e1278abb02f as an indicator.');
    expect(focused()).toBe('Undo confirmation');
    await press(buttonNamed(root, 'Undo confirmation'));
    expect(focused()).toBe('Confirm indicator');

    // Rejected, the entity leaves the list: the focus goes to the one now in its place.
    await press(buttonNamed(root, 'Not an indicator'));
    expect(buttonNamed(root, '44d88612fea8a8f36de82e1278abb02f MD5 (1)')).toBeUndefined();
    expect(focused()).toBe('203.0.113.7 IPv4 address (1)');

    // Undoing a rejection keeps the focus among the rejections; tagging returns it to "Tag selected text…".
    await act(async () => {
      (root.querySelector('.rejected') as HTMLDetailsElement).open = true;
    });
    await press(buttonNamed(root, 'Undo rejection of 44d88612fea8a8f36de82e1278abb02f'));
    expect(focused()).toBe('Tag selected text…');
    await press(buttonNamed(root, 'Tag selected text…'));
    const kind = root.querySelector('.selection-tagger select') as HTMLSelectElement;
    await act(async () => {
      kind.value = 'malware';
      kind.dispatchEvent(new Event('change', { bubbles: true }));
    });
    const submit = root.querySelector('form[aria-label="Tag as malware"] button[type="submit"]') as HTMLButtonElement;
    submit.focus();
    await act(async () => {
      (submit.form as HTMLFormElement).requestSubmit();
    });
    for (let i = 0; i < 4; i++) await act(async () => {});
    expect(root.textContent).toContain('Tagged “GoldLoader” as malware.');
    expect(focused()).toBe('Tag selected text…');
  });

  it('rejects an organisation with its article', async () => {
    const fake = services();
    const root = await mount(fake, pageEntities(REPORT, KINDS, []));
    await click(buttonNamed(root, 'Acme Corp (1)'));
    expect(buttonNamed(root, 'Confirm organization')).toBeDefined();
    await click(buttonNamed(root, 'Not an organization'));
    expect(fake.tag).toHaveBeenCalledWith(expect.objectContaining({ key: 'organization:acme corp' }), 'rejected');
    expect(buttonNamed(root, 'Acme Corp (1)')).toBeUndefined();
  });

  it('tags selected text as malware, and the entity appears confirmed with its mentions', async () => {
    const fake = services({ selection: vi.fn(async () => 'GoldLoader') });
    const root = await mount(fake, pageEntities(REPORT, KINDS, []));
    await click(buttonNamed(root, 'Tag selected text…'));
    const kind = root.querySelector('select') as HTMLSelectElement;
    expect(root.querySelector(`label[for="${kind.id}"]`)?.textContent).toBe('Tag as');
    expect([...kind.options].map((o) => o.value)).toEqual([
      'threat-actor',
      'malware',
      'tool',
      'vulnerability',
      'technique',
      'indicator',
      'organization',
      'place',
    ]);
    await act(async () => {
      kind.value = 'malware';
      kind.dispatchEvent(new Event('change', { bubbles: true }));
    });
    const form = root.querySelector('form[aria-label="Tag as malware"]') as HTMLFormElement;
    expect((form.querySelector('input') as HTMLInputElement).value).toBe('GoldLoader');
    await act(async () => {
      form.requestSubmit();
    });
    for (let i = 0; i < 3; i++) await act(async () => {});
    expect(fake.tagSelection).toHaveBeenCalledWith('malware', 'GoldLoader');
    expect(root.textContent).toContain('Tagged “GoldLoader” as malware.');
    expect(root.querySelector('form[aria-label="Tag as malware"]')).toBeNull();
    const group = [...root.querySelectorAll('[role="group"]')].find((g) => g.querySelector('h3')?.textContent === 'Malware')!;
    expect(accessibleName(group.querySelector('button')!)).toBe('GoldLoader (1)');
  });

  it('copies the indicators defanged as CSV by default, and downloads them refanged as text when asked', async () => {
    const fake = services();
    const root = await mount(fake, pageEntities(REPORT, KINDS, []));
    const box = root.querySelector('[role="group"][aria-label="Export indicators"]')!;
    const [fanging, format] = [...box.querySelectorAll('select')] as HTMLSelectElement[];
    expect(root.querySelector(`label[for="${fanging.id}"]`)?.textContent).toBe('Indicators as');
    expect(root.querySelector(`label[for="${format.id}"]`)?.textContent).toBe('File format');
    await click(buttonNamed(root, 'Copy indicators'));
    expect(fake.exportIndicators).toHaveBeenLastCalledWith('csv', 'defanged');
    expect(fake.copy).toHaveBeenCalledWith('list');
    expect(box.querySelector('[role="status"]')?.textContent).toBe('Copied 2 indicators, defanged.');
    await act(async () => {
      fanging.value = 'refanged';
      fanging.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await act(async () => {
      format.value = 'text';
      format.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await click(buttonNamed(root, 'Download indicators'));
    expect(fake.exportIndicators).toHaveBeenLastCalledWith('text', 'refanged');
    expect(fake.save).toHaveBeenCalledWith({ fileName: 'Report.indicators.txt', mimeType: 'text/csv', data: 'list' });
    expect(box.querySelector('[role="status"]')?.className).toBe('done-note');
  });

  it('says so, in the problem colour, when the browser refuses to copy', async () => {
    const fake = services({ copy: vi.fn(async () => false) });
    const root = await mount(fake, pageEntities(REPORT, KINDS, []));
    await click(buttonNamed(root, 'Copy indicators'));
    const status = root.querySelector('[aria-label="Export indicators"] [role="status"]')!;
    expect(status.textContent).toBe('The browser did not allow copying. Use Download indicators instead.');
    expect(status.className).toBe('scroll-note');
  });

  it('keeps the form and says why when the background refuses the text', async () => {
    const fake = services({
      selection: vi.fn(async () => 'not an address'),
      tagSelection: vi.fn(async () => ({ ok: false, message: '“not an address” isn’t an indicator Gloss can read.' })),
    });
    const root = await mount(fake, pageEntities(REPORT, KINDS, []));
    await click(buttonNamed(root, 'Tag selected text…'));
    const kind = root.querySelector('select') as HTMLSelectElement;
    await act(async () => {
      kind.value = 'indicator';
      kind.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await act(async () => {
      (root.querySelector('form[aria-label="Tag as indicator"]') as HTMLFormElement).requestSubmit();
    });
    for (let i = 0; i < 3; i++) await act(async () => {});
    expect(root.querySelector('[role="alert"]')?.textContent).toBe('“not an address” isn’t an indicator Gloss can read.');
    expect(root.querySelector('form[aria-label="Tag as indicator"]')).not.toBeNull();
  });
});

describe('EntitiesRegion: a name that may mean several actors', () => {
  // Two actors that share an alias, as APT28 and APT29 share "Grizzly Steppe" in the shipped data.
  const records = [
    { name: 'APT28', aliases: ['Grizzly Steppe'], sources: ['mitre-attack', 'misp-galaxy'] },
    { name: 'APT29', aliases: ['Grizzly Steppe'], source: 'misp-galaxy' },
  ];
  const index = actorNameIndex(records);
  const REPORT = 'Grizzly Steppe phished a party. Grizzly Steppe stole mail.';
  const mentionsOf = (name: string) => [0, 33].map((start) => ({ start, end: start + name.length, text: name }));
  const found: Entity[] = [
    {
      kind: 'threat-actor',
      name: 'Grizzly Steppe',
      canonical: 'APT28',
      aliases: ['Grizzly Steppe'],
      mentions: mentionsOf('Grizzly Steppe'),
      candidates: ['APT28', 'APT29'],
    },
  ];
  const entitiesWith = (picks: AliasPick[]) => pageEntities(REPORT, applyAliasPicks(found, picks, index), []);

  it('names every candidate in a radio group, and a pick moves the name to the chosen actor; clearing it moves it back', async () => {
    let picks: AliasPick[] = [];
    const services = fakeServices(entitiesWith([]), {
      refresh: vi.fn(async () => ({ ok: true as const, entities: entitiesWith(picks) })),
      pickAlias: vi.fn(async (name: string, actor: string | null, scope: PickScope) => {
        picks =
          actor === null ? picks.filter((p) => p.scope !== scope) : [...picks.filter((p) => p.scope !== scope), { name, actor, scope }];
        return {
          ok: true,
          message: actor === null ? `Cleared your pick for “${name}” on this page.` : `“${name}” now means ${actor} on this page.`,
        };
      }),
    });
    const root = await mount(services, entitiesWith([]));
    await click(buttonNamed(root, 'Grizzly Steppe → APT28 (2)'));
    const group = root.querySelector('[role="radiogroup"]')!;
    expect(root.querySelector(`#${group.getAttribute('aria-labelledby')}`)?.textContent).toBe('Which actor does “Grizzly Steppe” mean?');
    const radios = [...group.querySelectorAll<HTMLInputElement>('input[type="radio"]')];
    const labelOf = (radio: HTMLInputElement) => radio.labels?.[0]?.textContent;
    const whereOf = (radio: HTMLInputElement) => root.querySelector(`#${radio.getAttribute('aria-describedby')}`)?.textContent;
    expect(radios.map((r) => [labelOf(r), whereOf(r), r.checked])).toEqual([
      ['APT28', 'another name for it · MITRE ATT&CK, MISP galaxy', true],
      ['APT29', 'another name for it · MISP galaxy', false],
    ]);
    expect(root.textContent).toContain('Gloss took APT28: the text names it elsewhere, or the lists put it first.');

    await act(async () => {
      radios[1].click();
    });
    await click(buttonNamed(root, 'Use APT29 on this page'));
    expect(services.pickAlias).toHaveBeenCalledWith('Grizzly Steppe', 'APT29', 'page');
    expect(buttonNamed(root, 'Grizzly Steppe → APT29 (2)')?.getAttribute('aria-expanded')).toBe('true');
    expect(root.textContent).toContain('“Grizzly Steppe” now means APT29 on this page.');
    expect(root.textContent).toContain('Your pick on this page: APT29.');
    // Focus stays with the picker, on the candidate now in force.
    expect(document.activeElement).toBe(root.querySelector('.alias-picker input[type="radio"]:checked'));
    expect((document.activeElement as HTMLInputElement).value).toBe('APT29');

    await click(buttonNamed(root, 'Clear the pick on this page'));
    expect(services.pickAlias).toHaveBeenLastCalledWith('Grizzly Steppe', null, 'page');
    expect(buttonNamed(root, 'Grizzly Steppe → APT28 (2)')?.getAttribute('aria-expanded')).toBe('true');
    expect(root.textContent).toContain('Gloss took APT28');
  });

  it('shows why a pick was refused, in words', async () => {
    const services = fakeServices(entitiesWith([]), {
      pickAlias: vi.fn(async () => ({ ok: false, message: '“Grizzly Steppe” is not a name of APT29.' })),
    });
    const root = await mount(services, entitiesWith([]));
    await click(buttonNamed(root, 'Grizzly Steppe → APT28 (2)'));
    await click(buttonNamed(root, 'Use APT28 on every page'));
    expect(root.querySelector('.alias-picker [role="alert"]')?.textContent).toBe('“Grizzly Steppe” is not a name of APT29.');
  });
});

describe('EntitiesRegion: a technique whose mention is a table row', () => {
  const ROW = '| T1078 | Valid Accounts | The group uses valid accounts to reach VPN services. |';
  const technique: Entity = {
    kind: 'technique',
    name: 'T1078 Valid Accounts',
    canonical: 'Valid Accounts',
    aliases: [],
    attackId: 'T1078',
    mentions: [{ start: 2, end: ROW.length - 2, text: ROW.slice(2, -2) }],
    foundBy: { rules: { row: true } },
  };

  it('is listed by its ATT&CK id and name, not by the row, and not as "resolved"', async () => {
    const root = await mount(fakeServices(pageEntities(ROW, [technique], [])), pageEntities(ROW, [technique], []));
    expect(buttonNamed(root, 'T1078 Valid Accounts (1)')).toBeDefined();
    expect(root.textContent).not.toContain('The group uses');
  });
});

// @vitest-environment jsdom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PdfViewerApp, type PdfViewerServices } from '@/components/pdf/pdf-viewer-app';
import { PdfOpenError, type AskPassword, type PdfView } from '@/components/pdf/pdf-view';
import { viewerProblem } from '@/lib/pdf-viewer/viewer-problems';

// The reader itself (pages, text layer, find) is not what these tests are about: a stand-in shows which
// document is on screen.
vi.mock('@/components/pdf/pdf-reader', () => ({
  PdfReader: ({ title }: { title: string }) => <p class="reader">Reading {title}</p>,
}));

interface Deferred<T> {
  promise: Promise<T>;
  resolve: (value: T) => void;
  reject: (error: unknown) => void;
}

function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((yes, no) => {
    resolve = yes;
    reject = no;
  });
  return { promise, resolve, reject };
}

function fakeView(title: string): PdfView {
  return { metadataTitle: title, close: vi.fn() } as unknown as PdfView;
}

type FileOpening = (file: File, ask: AskPassword) => Promise<PdfView>;

function services(openUrl: (ask: AskPassword) => Promise<PdfView>, openFile: FileOpening): PdfViewerServices {
  return {
    initialFile: { kind: 'url', url: 'https://example.org/report.pdf' },
    openUrl: (_url, _progress, ask) => openUrl(ask),
    openFile: (file, _progress, ask) => openFile(file, ask),
    nameOf: (source) => source.split('/').pop() ?? source,
    forgetAddress: () => undefined,
    marks: {} as PdfViewerServices['marks'],
  };
}

async function mount(app: PdfViewerServices): Promise<HTMLElement> {
  const root = document.createElement('main');
  document.body.replaceChildren(root);
  await act(async () => render(<PdfViewerApp services={app} />, root));
  return root;
}

let dropListeners: EventListener[] = [];

/**
 * Drops a file on the viewer, as the reader does. The viewer acts only on trusted drops, and jsdom cannot
 * make one, so the drop is handed straight to the listener the viewer registered on the window.
 */
async function dropFile(name: string): Promise<void> {
  const file = new File(['%PDF-1.7'], name, { type: 'application/pdf' });
  const drop = { isTrusted: true, preventDefault: () => undefined, dataTransfer: { types: ['Files'], files: [file] } };
  const listener = dropListeners.at(-1);
  if (!listener) throw new Error('the viewer listens for no drop');
  await act(async () => listener(drop as unknown as Event));
}

const settle = () => act(async () => new Promise((resolve) => setTimeout(resolve, 0)));

beforeEach(() => {
  dropListeners = [];
  const listen = window.addEventListener.bind(window);
  vi.spyOn(window, 'addEventListener').mockImplementation(
    (type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions) => {
      if (type === 'drop' && typeof listener === 'function') dropListeners.push(listener);
      listen(type, listener, options);
    },
  );
});

afterEach(() => {
  vi.restoreAllMocks();
  render(null, document.body.querySelector('main') ?? document.body);
  document.body.replaceChildren();
});

describe('PdfViewerApp: the newest document wins', () => {
  it('declines a password prompt left open when the reader drops another file, and shows the new file', async () => {
    let answered: string | null | undefined;
    const first: (ask: AskPassword) => Promise<PdfView> = async (ask) => {
      answered = await ask(false);
      throw new PdfOpenError(viewerProblem('encrypted'));
    };
    const second = fakeView('Second report');
    const root = await mount(services(first, async () => second));
    await settle();
    expect(root.querySelector('input[type="password"]')).not.toBeNull();

    await dropFile('second.pdf');
    await settle();

    expect(answered).toBeNull();
    expect(root.querySelector('input[type="password"]')).toBeNull();
    expect(root.querySelector('.reader')?.textContent).toBe('Reading Second report');
    expect(root.textContent).not.toContain('protected by a password');
  });

  it('closes a document that finishes loading after a newer one was chosen, and keeps the newer one on screen', async () => {
    const slow = deferred<PdfView>();
    const late = fakeView('Slow report');
    const root = await mount(
      services(
        () => slow.promise,
        async () => fakeView('Quick report'),
      ),
    );
    await dropFile('quick.pdf');
    await settle();
    expect(root.querySelector('.reader')?.textContent).toBe('Reading Quick report');

    await act(async () => slow.resolve(late));
    await settle();

    expect(late.close).toHaveBeenCalledTimes(1);
    expect(root.querySelector('.reader')?.textContent).toBe('Reading Quick report');
  });

  it('does not show the failure of an opening the reader has moved on from', async () => {
    const slow = deferred<PdfView>();
    const root = await mount(
      services(
        () => slow.promise,
        async () => fakeView('Good report'),
      ),
    );
    await dropFile('good.pdf');
    await act(async () => slow.reject(new PdfOpenError(viewerProblem('broken'))));
    await settle();

    expect(root.textContent).not.toContain('This PDF is damaged');
    expect(root.querySelector('.reader')?.textContent).toBe('Reading Good report');
  });

  it('closes the document on screen once another replaces it', async () => {
    const first = fakeView('First report');
    const opened = [fakeView('Second report'), fakeView('Third report')];
    const root = await mount(
      services(
        async () => first,
        async () => opened.shift() as PdfView,
      ),
    );
    await settle();
    expect(root.querySelector('.reader')?.textContent).toBe('Reading First report');
    expect(first.close).not.toHaveBeenCalled();

    await dropFile('second.pdf');
    await settle();

    expect(root.querySelector('.reader')?.textContent).toBe('Reading Second report');
    expect(first.close).toHaveBeenCalledTimes(1);
  });

  it('a declined prompt offers to enter the password later, and asks anew', async () => {
    let asked = 0;
    const opening = async (ask: AskPassword) => {
      asked += 1;
      const password = await ask(false);
      if (password === null) throw new PdfOpenError(viewerProblem('encrypted'));
      return fakeView('Locked report');
    };
    const root = await mount(services(opening, async () => fakeView('unused')));
    await settle();
    const cancel = [...root.querySelectorAll('button')].find((button) => button.textContent === 'Cancel');
    await act(async () => cancel?.click());
    await settle();

    expect(root.textContent).toContain('This PDF is protected by a password');
    const again = [...root.querySelectorAll('button')].find((button) => button.textContent === 'Enter the password');
    expect(again).toBeDefined();
    await act(async () => again?.click());
    await settle();
    expect(asked).toBe(2);
    expect(root.querySelector('input[type="password"]')).not.toBeNull();
  });
});

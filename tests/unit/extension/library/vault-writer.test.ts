/**
 * extension/library/vault-writer.ts over an in-memory folder that behaves like the File System Access
 * API's handles (the e2e test runs the same code on a real origin-private folder in Chromium).
 */
import { describe, expect, it } from 'vitest';
import type { VaultProgress } from '@/components/library/library-services';
import { writeVault } from '@/extension/library/vault-writer';
import { GLOSS_BLOCK_END, GLOSS_BLOCK_START } from '@/lib/export/markdown/vault-markers';
import type { PageExport } from '@/lib/export/page-export';
import type { AnnotationRecord } from '@/lib/storage/records';

class MemoryFile {
  readonly kind = 'file';
  writes = 0;
  constructor(
    readonly name: string,
    public text: string,
    private failWrites = false,
  ) {}
  /** Bumped on every write, as a file's modification time. */
  modified = 0;
  reads = 0;
  /** Runs before each read, with its number: a test's stand-in for the reader saving the file meanwhile. */
  beforeRead: (read: number) => void = () => undefined;
  async getFile() {
    this.beforeRead(++this.reads);
    const text = this.text;
    return {
      size: new TextEncoder().encode(text).length,
      lastModified: this.modified,
      text: async () => text,
      slice: (start: number, end: number) => ({ text: async () => text.slice(start, end) }),
    };
  }
  async createWritable() {
    if (this.failWrites) throw new DOMException('The file is read-only.', 'NoModificationAllowedError');
    let pending = '';
    return {
      write: async (chunk: string) => {
        pending += chunk;
      },
      close: async () => {
        this.text = pending;
        this.writes++;
        this.modified++;
      },
      abort: async () => undefined,
    };
  }
}

class MemoryFolder {
  readonly kind = 'directory';
  readonly children = new Map<string, MemoryFile | MemoryFolder>();
  constructor(readonly name: string) {}
  async *entries(): AsyncGenerator<[string, MemoryFile | MemoryFolder]> {
    yield* [...this.children.entries()];
  }
  async getFileHandle(name: string, options: { create?: boolean } = {}) {
    const child = this.children.get(name);
    if (child instanceof MemoryFile) return child;
    if (child) throw new DOMException('A folder has that name.', 'TypeMismatchError');
    if (!options.create) throw new DOMException('No such file.', 'NotFoundError');
    const file = new MemoryFile(name, '');
    this.children.set(name, file);
    return file;
  }
  file(name: string, text: string, failWrites = false): MemoryFile {
    const file = new MemoryFile(name, text, failWrites);
    this.children.set(name, file);
    return file;
  }
  folder(name: string): MemoryFolder {
    const folder = new MemoryFolder(name);
    this.children.set(name, folder);
    return folder;
  }
}

const T = Date.UTC(2024, 0, 15);
function page(url: string, title: string, quotes: string[]): PageExport {
  const annotations = quotes.map((exact, i): AnnotationRecord => ({
    id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    pageUrl: url,
    color: 'yellow',
    note: '',
    tags: [],
    createdAt: T,
    updatedAt: T,
    target: {
      quote: { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' },
      position: { type: 'TextPositionSelector', start: i * 100, end: i * 100 + exact.length },
    },
  }));
  return { page: { url, title, siteName: null, createdAt: T, updatedAt: T }, annotations, entityTags: [], actors: [] };
}

const write = (folder: MemoryFolder, pages: PageExport[], progress: VaultProgress[] = []) =>
  writeVault(folder as unknown as FileSystemDirectoryHandle, pages, new Date(T), (p) => progress.push(p));

describe('writeVault', () => {
  it('creates notes, then finds each again by its source after the reader moved and renamed it', async () => {
    const vault = new MemoryFolder('vault');
    const first = await write(vault, [page('https://a.example/1', 'First', ['one']), page('https://a.example/2', 'Second', ['two'])]);
    expect(first).toEqual({ created: ['First.md', 'Second.md'], updated: [], unchanged: 0, skipped: [] });
    const moved = vault.children.get('First.md') as MemoryFile;
    vault.children.delete('First.md');
    vault.folder('Reading').file('Renamed.md', `${moved.text}\nMine.\n`);

    const second = await write(vault, [
      page('https://a.example/1', 'First', ['one', 'more']),
      page('https://a.example/2', 'Second', ['two']),
    ]);
    expect(second).toEqual({ created: [], updated: ['Reading/Renamed.md'], unchanged: 1, skipped: [] });
    const renamed = (vault.children.get('Reading') as MemoryFolder).children.get('Renamed.md') as MemoryFile;
    expect(renamed.text).toContain('> more');
    expect(renamed.text.endsWith(`${GLOSS_BLOCK_END}\n\nMine.\n`)).toBe(true);
    expect(vault.children.has('First.md')).toBe(false);
  });

  it('passes over hidden folders (.obsidian, .trash) and files that are not Markdown', async () => {
    const vault = new MemoryFolder('vault');
    const trash = vault.folder('.trash').file('First.md', '---\nsource: "https://a.example/1"\n---\nold');
    vault.file('First.txt', '---\nsource: "https://a.example/1"\n---\n');
    const report = await write(vault, [page('https://a.example/1', 'First', ['one'])]);
    expect(report.created).toEqual(['First.md']);
    expect(trash.writes).toBe(0);
  });

  it('leaves a note whose markers the reader broke exactly as it was, and says why', async () => {
    const vault = new MemoryFolder('vault');
    const text = `---\nsource: "https://a.example/1"\n---\n\n${GLOSS_BLOCK_START}\nold block, end marker deleted\n\nMy notes.\n`;
    const note = vault.file('First.md', text);
    const report = await write(vault, [page('https://a.example/1', 'First', ['one'])]);
    expect(report.skipped).toEqual([{ what: 'First.md', reason: expect.stringContaining('one gloss:start line and no gloss:end line') }]);
    expect(note.text).toBe(text);
    expect(note.writes).toBe(0);
  });

  it('reads a note again when the reader saved it while Gloss was at work, so their edit is kept', async () => {
    const vault = new MemoryFolder('vault');
    await write(vault, [page('https://a.example/1', 'First', ['one'])]);
    const note = vault.children.get('First.md') as MemoryFile;
    note.reads = 0;
    // Read 1 lists the folder; read 2 is the check before writing, after the reader saved.
    note.beforeRead = (read) => {
      if (read === 2) {
        note.text += '\nSaved meanwhile.\n';
        note.modified++;
      }
    };
    const report = await write(vault, [page('https://a.example/1', 'First', ['one', 'two'])]);
    expect(report.updated).toEqual(['First.md']);
    expect(note.text).toContain('> two');
    expect(note.text.endsWith(`${GLOSS_BLOCK_END}\n\nSaved meanwhile.\n`)).toBe(true);
  });

  it('reports a note it could not write and goes on with the others', async () => {
    const vault = new MemoryFolder('vault');
    vault.file('Locked.md', `---\nsource: "https://a.example/1"\n---\n\n${GLOSS_BLOCK_START}\nold\n${GLOSS_BLOCK_END}\n`, true);
    const report = await write(vault, [page('https://a.example/1', 'Locked', ['one']), page('https://a.example/2', 'Open', ['two'])]);
    expect(report.skipped).toEqual([{ what: 'Locked.md', reason: 'it could not be written: The file is read-only.' }]);
    expect(report.created).toEqual(['Open.md']);
  });

  it('gives a new note another name when a folder has its name', async () => {
    const vault = new MemoryFolder('vault');
    vault.folder('First.md');
    const report = await write(vault, [page('https://a.example/1', 'First', ['one'])]);
    expect(report).toEqual({ created: ['First (2).md'], updated: [], unchanged: 0, skipped: [] });
  });

  it('reports progress: the notes read, then the pages written', async () => {
    const vault = new MemoryFolder('vault');
    const progress: VaultProgress[] = [];
    await write(vault, [page('https://a.example/1', 'First', ['one'])], progress);
    expect(progress).toEqual([
      { phase: 'reading', notes: 0 },
      { phase: 'writing', done: 0, total: 1 },
      { phase: 'writing', done: 1, total: 1 },
    ]);
  });
});

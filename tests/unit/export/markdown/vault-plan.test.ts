import { describe, expect, it } from 'vitest';
import type { PageExport } from '@/lib/export/page-export';
import { planVault, type VaultFile } from '@/lib/export/markdown/vault-plan';
import type { AnnotationRecord } from '@/lib/storage/records';

function page(url: string, title: string, highlights = 1): PageExport {
  const annotations = Array.from({ length: highlights }, (_, i) => ({ id: `${url}#${i}` }) as AnnotationRecord);
  return { page: { url, title, siteName: null, createdAt: 0, updatedAt: 0 }, annotations, entityTags: [], actors: [] };
}

const steps = (files: VaultFile[], pages: PageExport[]) =>
  planVault(files, pages).map(
    (step) => step && (step.action === 'skip' ? `skip ${step.page.page.url}: ${step.reason}` : `${step.action} ${step.path}`),
  );

describe('planVault', () => {
  it('updates the note whose front matter names the page, wherever it is and whatever it is called now', () => {
    const files = [
      { path: 'Reading/Renamed by me.md', source: 'https://a.example/1' },
      { path: 'Old title.md', source: null },
    ];
    expect(steps(files, [page('https://a.example/1', 'Old title')])).toEqual(['update Reading/Renamed by me.md']);
  });

  it('creates a new note named from the title, and never takes an existing file’s name', () => {
    const files = [
      { path: 'Storm-1152.md', source: null },
      { path: 'storm-1152 (2).md', source: 'https://other.example/' },
    ];
    expect(
      steps(files, [
        page('https://a.example/1', 'Storm-1152'),
        page('https://a.example/2', 'Storm-1152'),
        page('https://a.example/3', 'A - B: c'),
      ]),
    ).toEqual(['create Storm-1152 (3).md', 'create Storm-1152 (4).md', 'create A - B - c.md']);
  });

  it('does not count names in subfolders as taken: new notes go in the folder itself', () => {
    expect(steps([{ path: 'Sub/Storm-1152.md', source: null }], [page('https://a.example/1', 'Storm-1152')])).toEqual([
      'create Storm-1152.md',
    ]);
  });

  it('makes no new note for a page without highlights, and updates its existing note (emptying its block)', () => {
    const files = [{ path: 'Kept.md', source: 'https://a.example/kept' }];
    expect(steps(files, [page('https://a.example/kept', 'Kept', 0), page('https://a.example/new', 'New', 0)])).toEqual([
      'update Kept.md',
      null,
    ]);
  });

  it('leaves a page alone when two notes name it, and says which', () => {
    const files = [
      { path: 'A.md', source: 'https://a.example/1' },
      { path: 'Sub/A copy.md', source: 'https://a.example/1' },
    ];
    expect(steps(files, [page('https://a.example/1', 'A')])).toEqual([
      'skip https://a.example/1: 2 notes name this page as their source (A.md, Sub/A copy.md), so Gloss changed neither. Keep one of them, or change the other’s source.',
    ]);
  });
});

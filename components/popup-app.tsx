import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import type { AnalyzeTabResult, PageDetailsMessage } from '@/lib/messaging/contract';
import type { OutlineItem } from '@/lib/outline/live-outline';
import { UNREADABLE_MESSAGES } from '@/lib/popup/unreadable-messages';
import { ArticleHeader } from './article-header';
import { EntitiesRegion, type EntityServices } from './entities-region';
import { ExportBar, type ExportServices } from './export-bar';
import { LoadingIndicator } from './loading-indicator';
import { HeadingsOnlyNotice } from './headings-only-notice';
import { HighlightsRegion, type HighlightServices } from './highlights-region';
import { Notice } from './notice';
import { OutlineNav } from './outline-nav';

export interface PopupServices {
  /** Resolves the tab this popup describes. */
  resolveTabId: () => Promise<number | null>;
  analyzeTab: (tabId: number) => Promise<AnalyzeTabResult>;
  scrollToHeading: (tabId: number, item: OutlineItem) => Promise<boolean>;
  /** The highlights of one tab; absent in tests that only cover reading. */
  highlightsFor?: (tabId: number) => HighlightServices;
  /** The entities of one tab; absent in tests that only cover reading. */
  entitiesFor?: (tabId: number, page: PageDetailsMessage) => EntityServices;
  /** Exports of one tab's saved page; absent in tests that only cover reading. */
  exportsFor?: (tabId: number) => ExportServices;
}

type State =
  | { phase: 'loading' }
  | { phase: 'no-tab' }
  | { phase: 'done'; tabId: number; result: AnalyzeTabResult }
  | { phase: 'crashed'; message: string };

/** The popup: what the tab's article is, its outline, or why Gloss can't read it. */
export function PopupApp({ services }: { services: PopupServices }) {
  const [state, setState] = useState<State>({ phase: 'loading' });
  const [scrollNote, setScrollNote] = useState<string | null>(null);
  const tabIdForHighlights = state.phase === 'done' && state.result.ok ? state.tabId : null;
  const highlightServices = useMemo(
    () => (tabIdForHighlights === null ? null : (services.highlightsFor?.(tabIdForHighlights) ?? null)),
    [services, tabIdForHighlights],
  );
  const exportServices = useMemo(
    () => (tabIdForHighlights === null ? null : (services.exportsFor?.(tabIdForHighlights) ?? null)),
    [services, tabIdForHighlights],
  );
  const analysisDone = state.phase === 'done' && state.result.ok ? state.result.analysis : null;
  const entityServices = useMemo(
    () =>
      tabIdForHighlights === null || !analysisDone
        ? null
        : (services.entitiesFor?.(tabIdForHighlights, { title: analysisDone.metadata.title ?? '', siteName: analysisDone.metadata.siteName }) ?? null),
    [services, tabIdForHighlights, analysisDone],
  );

  const load = useCallback(async () => {
    setState({ phase: 'loading' });
    try {
      const tabId = await services.resolveTabId();
      if (tabId === null) return setState({ phase: 'no-tab' });
      setState({ phase: 'done', tabId, result: await services.analyzeTab(tabId) });
    } catch (error) {
      setState({ phase: 'crashed', message: error instanceof Error ? error.message : String(error) });
    }
  }, [services]);

  useEffect(() => void load(), [load]);

  const retry = { label: 'Try again', onClick: () => void load() };
  if (state.phase === 'loading') return <LoadingIndicator />;
  if (state.phase === 'no-tab') {
    return <Notice title="No tab to read">Open an article in a tab, then open Gloss again.</Notice>;
  }
  if (state.phase === 'crashed') {
    return (
      <Notice title="Gloss ran into a problem" tone="problem" action={retry}>
        Gloss couldn’t talk to its background service. Try again; if it keeps happening, reload the extension.
      </Notice>
    );
  }
  const { result, tabId } = state;
  if (!result.ok) {
    const text = UNREADABLE_MESSAGES[result.reason];
    return (
      <Notice title={text.title} tone="problem" action={retry}>
        {text.body}
      </Notice>
    );
  }

  const onSelect = async (item: OutlineItem) => {
    const found = await services.scrollToHeading(tabId, item);
    setScrollNote(found ? null : `“${item.text}” is no longer on the page. Reload it to refresh the outline.`);
  };
  const { analysis } = result;
  return (
    <>
      <ArticleHeader analysis={analysis} />
      {analysis.kind !== 'article' && <HeadingsOnlyNotice kind={analysis.kind} hasHeadings={analysis.outline.length > 0} />}
      {scrollNote && (
        <p class="scroll-note" role="status">
          {scrollNote}
        </p>
      )}
      {highlightServices && <HighlightsRegion services={highlightServices} />}
      {exportServices && <ExportBar services={exportServices} />}
      {entityServices && <EntitiesRegion initial={analysis.entities} services={entityServices} />}
      {(analysis.kind === 'article' || analysis.outline.length > 0) && (
        <OutlineNav items={analysis.outline} onSelect={(item) => void onSelect(item)} />
      )}
      <footer class="popup-footer">
        <a href="/NOTICE.txt" target="_blank" rel="noopener noreferrer">About the data Gloss ships</a>
      </footer>
    </>
  );
}

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
import { SitePauseBar, SitePausedNotice, type SitePauseServices } from './site-pause';

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
  /** "Pause Gloss on this site"; absent in tests that only cover reading. */
  sitePause?: SitePauseServices;
}

type State =
  | { phase: 'loading' }
  | { phase: 'no-tab' }
  | { phase: 'paused'; tabId: number; site: string }
  | { phase: 'done'; tabId: number; result: AnalyzeTabResult; site: string | null }
  | { phase: 'crashed'; message: string };

/** The popup: what the tab's article is, its outline, or why Gloss can't read it. */
export function PopupApp({ services }: { services: PopupServices }) {
  const [state, setState] = useState<State>({ phase: 'loading' });
  const [scrollNote, setScrollNote] = useState<string | null>(null);
  const [pauseBusy, setPauseBusy] = useState(false);
  const [pauseProblem, setPauseProblem] = useState<string | null>(null);
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
      // On a paused site the popup says so and does not read the page. A status that cannot be had
      // leaves Gloss as it was: reading the page works without it.
      const pause = (await services.sitePause?.status(tabId).catch(() => null)) ?? { site: null, paused: false };
      if (pause.paused && pause.site) return setState({ phase: 'paused', tabId, site: pause.site });
      setState({ phase: 'done', tabId, result: await services.analyzeTab(tabId), site: pause.site });
    } catch (error) {
      setState({ phase: 'crashed', message: error instanceof Error ? error.message : String(error) });
    }
  }, [services]);

  useEffect(() => void load(), [load]);

  const setSitePaused = async (tabId: number, site: string, paused: boolean) => {
    if (!services.sitePause) return;
    setPauseBusy(true);
    setPauseProblem(null);
    try {
      await services.sitePause.setPaused(site, paused);
      if (paused) setState({ phase: 'paused', tabId, site });
      else void load();
    } catch (error) {
      setPauseProblem(`Gloss could not ${paused ? 'pause' : 'resume'} on ${site}: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      setPauseBusy(false);
    }
  };

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
  if (state.phase === 'paused') {
    const { tabId, site } = state;
    return <SitePausedNotice site={site} busy={pauseBusy} problem={pauseProblem} onToggle={() => void setSitePaused(tabId, site, false)} />;
  }
  const { result, tabId, site } = state;
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
      {site && services.sitePause && (
        <SitePauseBar site={site} busy={pauseBusy} problem={pauseProblem} onToggle={() => void setSitePaused(tabId, site, true)} />
      )}
      <footer class="popup-footer">
        <a href="/NOTICE.txt" target="_blank" rel="noopener noreferrer">About the data Gloss ships</a>
      </footer>
    </>
  );
}

import { useCallback, useLayoutEffect, useMemo, useState } from 'preact/hooks';
import type { AnalyzeTabResult, ReadingPosition } from '@/lib/messaging/contract';
import type { OutlineItem } from '@/lib/outline/live-outline';
import { currentOutlineIndex } from '@/lib/outline/section-in-view';
import { outlineEntryAtPage } from '@/lib/pdf-viewer/outline-entry-at-page';
import { PDF_IN_GLOSS, UNREADABLE_MESSAGES } from '@/lib/popup/unreadable-messages';
import { isSafeLinkUrl } from '@/lib/url/page-access';
import { ArticleHeader } from './article-header';
import { EntitiesRegion } from './entities-region';
import { ExportBar } from './export-bar';
import { LoadingIndicator } from './loading-indicator';
import { HeadingsOnlyNotice } from './headings-only-notice';
import { HighlightsRegion } from './highlights-region';
import { Notice } from './notice';
import { OutlineNav } from './outline-nav';
import { PdfReadingNotice } from './pdf-reading-notice';
import type { PopupServices } from './popup-services';
import { SitePauseBar, SitePausedNotice } from './site-pause';

/** Headings the popup shows before "Show all (n)"; the side panel shows every one. */
const POPUP_OUTLINE_LIMIT = 8;
/** Highlights the popup shows before "Show all (n)". */
const POPUP_HIGHLIGHT_LIMIT = 5;

interface PopupAppProps {
  services: PopupServices;
  /**
   * The popup is one short column with the outline near the top; the side panel fills the browser's
   * height, its outline, highlights and entities each scrolling in their own share of it.
   */
  layout?: 'popup' | 'panel';
}

type State =
  | { phase: 'loading' }
  | { phase: 'no-tab' }
  | { phase: 'paused'; tabId: number; site: string }
  | { phase: 'done'; tabId: number; result: AnalyzeTabResult; site: string | null }
  | { phase: 'crashed'; message: string };

/** The popup (and the side panel): what the tab's article is, its outline, or why Gloss can't read it. */
export function PopupApp({ services, layout = 'popup' }: PopupAppProps) {
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
        : (services.entitiesFor?.(tabIdForHighlights, {
            title: analysisDone.metadata.title ?? '',
            siteName: analysisDone.metadata.siteName,
          }) ?? null),
    [services, tabIdForHighlights, analysisDone],
  );

  // The side panel marks the section being read, as the page reports it.
  const [readingPosition, setReadingPosition] = useState<ReadingPosition | null>(null);
  const outlineHeadings = analysisDone?.outline.flatMap((item) => (item.liveIndex === null ? [] : [item.liveIndex])) ?? null;
  const headingsKey = outlineHeadings?.join(',') ?? null;
  useLayoutEffect(() => {
    setReadingPosition(null);
    // A PDF's outline has no heading elements to watch (its entries lead to pages).
    if (layout !== 'panel' || tabIdForHighlights === null || !outlineHeadings?.length || !services.watchReadingPosition) return undefined;
    return services.watchReadingPosition(tabIdForHighlights, outlineHeadings, setReadingPosition);
    // The headings by value (headingsKey): a new array of the same outline is no reason to start again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [services, layout, tabIdForHighlights, headingsKey]);
  // In Gloss's PDF viewer, the page being read (the viewer reports it); the section is that page's outline entry.
  const [pdfReadingPage, setPdfReadingPage] = useState<number | null>(null);
  const isPdf = analysisDone?.pdf !== undefined;
  useLayoutEffect(() => {
    setPdfReadingPage(null);
    if (layout !== 'panel' || tabIdForHighlights === null || !isPdf || !services.watchPdfReadingPosition) return undefined;
    return services.watchPdfReadingPosition(tabIdForHighlights, setPdfReadingPage);
  }, [services, layout, tabIdForHighlights, isPdf]);

  const load = useCallback(async () => {
    setState({ phase: 'loading' });
    try {
      const tabId = await services.resolveTabId();
      if (tabId === null) return setState({ phase: 'no-tab' });
      // On a paused site the popup says so; the page is not read. A status that cannot be had
      // leaves Gloss as it was: reading the page works without it.
      const pause = (await services.sitePause?.status(tabId).catch(() => null)) ?? { site: null, paused: false };
      if (pause.paused && pause.site) return setState({ phase: 'paused', tabId, site: pause.site });
      const result = await services.analyzeTab(tabId);
      // The page is asked for with the pause status, and the background refuses a paused site's page: paused
      // in between, the popup says so as above.
      if (!result.ok && result.reason === 'paused' && pause.site) return setState({ phase: 'paused', tabId, site: pause.site });
      setState({ phase: 'done', tabId, result, site: pause.site });
    } catch (error) {
      setState({ phase: 'crashed', message: error instanceof Error ? error.message : String(error) });
    }
  }, [services]);

  // A layout effect: effects wait for an animation frame, which a popup or panel in a hidden tab does not
  // get (see HighlightsRegion).
  useLayoutEffect(() => void load(), [load]);

  const setSitePaused = async (tabId: number, site: string, paused: boolean) => {
    if (!services.sitePause) return;
    setPauseBusy(true);
    setPauseProblem(null);
    try {
      await services.sitePause.setPaused(site, paused);
      if (paused) setState({ phase: 'paused', tabId, site });
      else void load();
    } catch (error) {
      setPauseProblem(
        `Gloss could not ${paused ? 'pause' : 'resume'} on ${site}: ${error instanceof Error ? error.message : String(error)}`,
      );
    } finally {
      setPauseBusy(false);
    }
  };

  const retry = { label: 'Try again', onClick: () => void load() };
  const reload = useCallback(() => void load(), [load]);
  if (state.phase === 'loading') return <LoadingIndicator />;
  if (state.phase === 'no-tab') {
    return (
      <Notice title="No tab to read" level={1}>
        Open an article in a tab, then open Gloss again.
      </Notice>
    );
  }
  if (state.phase === 'crashed') {
    return (
      <Notice title="Gloss ran into a problem" level={1} tone="problem" action={retry}>
        Gloss couldn’t talk to its background service. Try again; if it keeps happening, reload the extension.
      </Notice>
    );
  }
  if (state.phase === 'paused') {
    const { tabId, site } = state;
    return <SitePausedNotice site={site} busy={pauseBusy} problem={pauseProblem} onToggle={() => void setSitePaused(tabId, site, false)} />;
  }
  const { result, tabId, site } = state;
  if (!result.ok && result.reason === 'reading-pdf') {
    return <PdfReadingNotice tabId={tabId} progress={result.progress} services={services} onReady={reload} />;
  }
  if (!result.ok) {
    const text = UNREADABLE_MESSAGES[result.reason];
    const pdfUrl = result.reason === 'pdf' && result.url && isSafeLinkUrl(result.url) ? result.url : null;
    if (pdfUrl && services.openPdfInGloss) {
      const openPdf = services.openPdfInGloss;
      return (
        <Notice
          title={PDF_IN_GLOSS.title}
          level={1}
          action={{
            label: 'Open in Gloss',
            onClick: () =>
              void openPdf(tabId, pdfUrl).then(() => {
                if (layout === 'popup') window.close();
              }),
          }}
        >
          {PDF_IN_GLOSS.body}
        </Notice>
      );
    }
    return (
      <Notice title={text.title} level={1} tone="problem" action={retry}>
        {text.body}
      </Notice>
    );
  }

  const onSelect = async (item: OutlineItem) => {
    const found = await services.scrollToHeading(tabId, item);
    setScrollNote(found ? null : `“${item.text}” is no longer on the page. Reload it to refresh the outline.`);
  };
  const { analysis } = result;
  const showOutline = analysis.kind === 'article' || analysis.outline.length > 0;
  const header = (
    <>
      <ArticleHeader analysis={analysis} />
      {layout === 'popup' && services.openSidePanel && (
        <p class="open-panel">
          <button type="button" class="link-button" onClick={() => services.openSidePanel?.()}>
            Open side panel
          </button>
          <span class="muted"> to keep the outline and your notes beside the page.</span>
        </p>
      )}
      {analysis.kind !== 'article' && <HeadingsOnlyNotice kind={analysis.kind} hasHeadings={analysis.outline.length > 0} />}
      {scrollNote && (
        <p class="scroll-note" role="status">
          {scrollNote}
        </p>
      )}
    </>
  );
  const footer = (
    <>
      {site && services.sitePause && (
        <SitePauseBar site={site} busy={pauseBusy} problem={pauseProblem} onToggle={() => void setSitePaused(tabId, site, true)} />
      )}
      <footer class="popup-footer">
        <a href="/NOTICE.txt" target="_blank" rel="noopener noreferrer">
          About the data Gloss ships
        </a>
      </footer>
    </>
  );
  const entities = entityServices && <EntitiesRegion initial={analysis.entities} services={entityServices} />;
  if (layout === 'panel') {
    return (
      <div class="panel">
        <div class="panel-top">{header}</div>
        {showOutline && (
          <div class="panel-section panel-outline">
            <OutlineNav
              items={analysis.outline}
              onSelect={(item) => void onSelect(item)}
              current={
                analysis.pdf
                  ? pdfReadingPage === null
                    ? null
                    : outlineEntryAtPage(analysis.outline, pdfReadingPage)
                  : currentOutlineIndex(analysis.outline, readingPosition)
              }
            />
          </div>
        )}
        {highlightServices && (
          <div class="panel-section panel-highlights">
            <HighlightsRegion services={highlightServices} />
          </div>
        )}
        {entities && <div class="panel-section panel-entities">{entities}</div>}
        <div class="panel-section panel-more">
          {exportServices && <ExportBar services={exportServices} />}
          {footer}
        </div>
      </div>
    );
  }
  // The popup: the outline first (it used to start below the exports and every entity), then the
  // highlights; long lists show a few and then "Show all (n)".
  return (
    <>
      {header}
      {showOutline && <OutlineNav items={analysis.outline} onSelect={(item) => void onSelect(item)} limit={POPUP_OUTLINE_LIMIT} />}
      {highlightServices && <HighlightsRegion services={highlightServices} limit={POPUP_HIGHLIGHT_LIMIT} />}
      {entities}
      {exportServices && <ExportBar services={exportServices} />}
      {footer}
    </>
  );
}

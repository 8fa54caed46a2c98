import { browser } from 'wxt/browser';
import { startHighlighterLoader } from '@/extension/page/highlighter-loader';

// Always on, so it stays tiny: it loads the highlighter only on pages that have highlights, or when the
// user selects text. Extraction and entity scanning are injected only when the user asks.
export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  main(ctx) {
    // Bench builds only (`wxt build --mode bench`, read by bench/runners/idle-cost.ts); other builds drop it.
    const startedAt = import.meta.env.MODE === 'bench' ? markReplies() : 0;
    const controller = new AbortController();
    ctx.onInvalidated(() => controller.abort());
    startHighlighterLoader(controller.signal);
    if (import.meta.env.MODE === 'bench') performance.measure('gloss:start-up', { start: startedAt });
  },
});

/**
 * Bench builds only: a `gloss:reply` mark as each reply from the background arrives, ahead of the code
 * waiting for it, so bench/runners/idle-cost.ts can find the work of handling it in a trace. Returns the
 * time main() started.
 */
function markReplies(): number {
  const runtime = browser.runtime;
  const send = runtime.sendMessage.bind(runtime) as (...args: unknown[]) => Promise<unknown>;
  runtime.sendMessage = ((...args: unknown[]) => send(...args).then((reply) => {
    performance.mark('gloss:reply');
    return reply;
  })) as typeof runtime.sendMessage;
  return performance.now();
}

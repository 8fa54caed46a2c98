import { browser } from 'wxt/browser';

/**
 * Benchmark builds only (`wxt build --mode bench`; the content script calls this behind an
 * `import.meta.env.MODE` test, so other builds drop it): a `gloss:reply` mark as each reply from the
 * background arrives, ahead of the code waiting for it, so bench/runners/idle-cost.ts can find the work
 * of handling it in a trace. Returns the time it was called.
 */
export function markReplies(): number {
  const runtime = browser.runtime;
  const send = runtime.sendMessage.bind(runtime) as (...args: unknown[]) => Promise<unknown>;
  runtime.sendMessage = ((...args: unknown[]) =>
    send(...args).then((reply) => {
      performance.mark('gloss:reply');
      return reply;
    })) as typeof runtime.sendMessage;
  return performance.now();
}

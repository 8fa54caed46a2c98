import { browser } from 'wxt/browser';
import type { ScriptPublicPath } from 'wxt/utils/inject-script';

/**
 * Runs a bundled script file in a tab and returns what it evaluates to. Uses `scripting` where the
 * browser has it (Chrome MV3, Firefox) and `tabs.executeScript` otherwise (older MV2 browsers).
 */
export async function executeFileInTab(tabId: number, file: ScriptPublicPath): Promise<unknown> {
  if (browser.scripting?.executeScript) {
    const [injection] = await browser.scripting.executeScript({ target: { tabId }, files: [file] });
    return injection?.result;
  }
  const [result] = (await browser.tabs.executeScript(tabId, { file })) ?? [];
  return result;
}

/**
 * Runs a self-contained function in a tab. The function is serialised, so it must not use anything
 * from its surrounding module; arguments must be JSON-serialisable.
 */
export async function executeFunctionInTab<A extends unknown[], R>(
  tabId: number,
  func: (...args: A) => R,
  args: A,
): Promise<R | undefined> {
  if (browser.scripting?.executeScript) {
    const [injection] = await browser.scripting.executeScript({ target: { tabId }, func, args });
    // Firefox reports an exception thrown in the page as `error` instead of rejecting.
    const error = (injection as { error?: unknown } | undefined)?.error;
    if (error !== undefined && error !== null) throw error instanceof Error ? error : new Error(String(error));
    return injection?.result as R | undefined;
  }
  const code = `(${func.toString()})(...${JSON.stringify(args)})`;
  const [result] = (await browser.tabs.executeScript(tabId, { code })) ?? [];
  return result as R | undefined;
}

/**
 * Runs a self-contained function in a tab (see executeFunctionInTab) and answers `fallback` when the tab
 * cannot be scripted (a browser page, the web store, a closed tab), the function throws, or it returns
 * nothing. For requests whose sender can only say "not found" anyway.
 */
export async function inTabOr<A extends unknown[], R>(tabId: number, func: (...args: A) => R, args: A, fallback: R): Promise<R> {
  try {
    return (await executeFunctionInTab(tabId, func, args)) ?? fallback;
  } catch {
    return fallback;
  }
}

/** Rejects with a timeout error when `promise` has not settled after `ms` milliseconds. */
export function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new TimeoutError(ms)), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

export class TimeoutError extends Error {
  constructor(ms: number) {
    super(`No answer from the page after ${ms} ms`);
    this.name = 'TimeoutError';
  }
}

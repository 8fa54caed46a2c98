/**
 * A Chromium trace of one page load, and the content script's share of the main thread in it.
 */
import type { CDPSession } from 'playwright-core';

export interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  /** Thread (CPU) time of an X event. */
  tdur?: number;
  pid: number;
  tid: number;
  args?: { data?: { url?: string } };
}

/**
 * DevTools' timeline (script evaluation and compilation), the user-timing measures, and the tasks of each
 * thread (toplevel): cheap enough that the content script's own measures come out about the same with
 * tracing on (the report shows both).
 */
const CATEGORIES = 'devtools.timeline,blink.user_timing,toplevel';

/** Records a trace around `work`. */
export async function traced(cdp: CDPSession, work: () => Promise<void>): Promise<TraceEvent[]> {
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...(value as unknown as TraceEvent[])));
  const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', { categories: CATEGORIES, transferMode: 'ReportEvents' });
  try {
    await work();
  } finally {
    await cdp.send('Tracing.end');
    await complete;
  }
  return events;
}

/** Wall time and the thread's CPU time (without the time it waited or was descheduled), in milliseconds. */
export interface Span {
  wall: number;
  cpu: number;
}

/** Main-thread time of the content script in one load. */
export interface ContentScriptTrace {
  /** EvaluateScript of the script: compiling it, its top level (WXT's wrapper too) and main(), all synchronous. */
  evaluate: Span;
  /** The v8.compile inside it. */
  compile: Span;
  /** The outermost task or microtask checkpoint around the first `replyMark`: handling the background's reply. */
  reply: Span;
}

const span = (event: TraceEvent | undefined): Span => ({ wall: (event?.dur ?? NaN) / 1000, cpu: (event?.tdur ?? NaN) / 1000 });
/** Events that wrap a unit of main-thread work: a task, or a microtask checkpoint run outside any traced task. */
const WORK_UNIT = /RunTask$|MicrotaskCheckpoint$|^RunMicrotasks$/;

/**
 * Finds the evaluation of the script whose URL ends with `scriptPath`, and the outermost unit of work
 * around the first user-timing mark `replyMark` on the same thread.
 */
export function contentScriptTrace(events: TraceEvent[], scriptPath: string, replyMark: string): ContentScriptTrace | null {
  const ofScript = (event: TraceEvent): boolean => event.ph === 'X' && Boolean(event.args?.data?.url?.endsWith(scriptPath));
  const evaluate = events.find((event) => event.name === 'EvaluateScript' && ofScript(event));
  if (!evaluate?.dur) return null;
  const end = evaluate.ts + evaluate.dur;
  const compile = events.find((event) => event.name === 'v8.compile' && ofScript(event) && event.ts >= evaluate.ts && event.ts <= end);
  const reply = events.find((event) => event.name === replyMark && event.cat.includes('user_timing') && event.ts > end);
  if (!reply) return null;
  const units = events.filter(
    (event) =>
      WORK_UNIT.test(event.name) &&
      event.ph === 'X' &&
      event.tid === evaluate.tid &&
      event.pid === evaluate.pid &&
      event.ts <= reply.ts &&
      event.ts + (event.dur ?? 0) >= reply.ts,
  );
  if (units.length === 0) return null;
  const outermost = units.reduce((a, b) => ((b.dur ?? 0) > (a.dur ?? 0) ? b : a));
  return { evaluate: span(evaluate), compile: span(compile), reply: span(outermost) };
}

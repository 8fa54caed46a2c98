import type { Budget } from '../budget';
import { median } from '../../harness/stats';

export interface PageResult {
  page: string;
  extractMs: number;
  bareMs: number;
  /** Measured pairs behind the two medians. */
  runs: number;
}

export interface Machine {
  cpus: number;
  cpuModel: string;
  chromium: string;
  node: string;
}

export interface Target {
  page: string;
  maxRatio: number;
  maxMs: number;
}

const ms = (value: number): string => value.toFixed(2);

/** The Markdown report: one row per page, then the summary and the machine it ran on. */
export function formatReport(results: PageResult[], machine: Machine, budget: Budget, target: Target): string {
  const ratios = results.map((r) => r.extractMs / r.bareMs);
  const rows = results.map((r, i) => `| ${r.page} | ${ms(r.extractMs)} | ${ms(r.bareMs)} | ${ratios[i].toFixed(2)} |`);
  const counts = results.map((r) => r.runs);
  const lines = [
    '| page | extract + outline ms | bare Readability ms | ratio |',
    '| --- | ---: | ---: | ---: |',
    ...rows,
    '',
    `Median ratio across ${results.length} pages: **${median(ratios).toFixed(2)}** ` +
      `(min ${Math.min(...ratios).toFixed(2)}, max ${Math.max(...ratios).toFixed(2)}); ` +
      `medians of ${Math.min(...counts)}–${Math.max(...counts)} interleaved runs per page ` +
      `(at least ${budget.runs} and ${budget.measureMs} ms) ` +
      `after at least ${budget.warmups} warm-ups and ${budget.warmupMs} ms.`,
  ];
  const checked = results.find((r) => r.page === target.page);
  if (checked) {
    const ratio = checked.extractMs / checked.bareMs;
    const met = ratio < target.maxRatio && checked.extractMs < target.maxMs;
    lines.push(
      `Target on ${target.page}: ratio < ${target.maxRatio} and < ${target.maxMs} ms — ` +
        `${met ? 'met' : 'MISSED'} (ratio ${ratio.toFixed(2)}, ${ms(checked.extractMs)} ms).`,
    );
  }
  lines.push(formatMachine(machine));
  return lines.join('\n');
}

export function formatMachine(machine: Machine): string {
  return `Machine: ${machine.cpus} CPUs (${machine.cpuModel}), Chromium ${machine.chromium}, Node ${machine.node}.`;
}

/** Median time of each phase, one row per page, phases as columns, with the sum of our phases. */
export function formatPhases(phases: Array<{ page: string; samples: Record<string, number[]> }>): string {
  const names = [...new Set(phases.flatMap((p) => Object.keys(p.samples)))];
  const ours = names.filter((name) => !name.startsWith('bare'));
  const header = `| page | ${names.join(' | ')} | sum of ours |`;
  const rows = phases.map(({ page, samples }) => {
    const medians = names.map((name) => (samples[name] ? median(samples[name]) : NaN));
    const sum = ours.reduce((total, name) => total + (samples[name] ? median(samples[name]) : 0), 0);
    return `| ${page} | ${medians.map(ms).join(' | ')} | ${ms(sum)} |`;
  });
  return [header, `| --- |${' ---: |'.repeat(names.length + 1)}`, ...rows].join('\n');
}

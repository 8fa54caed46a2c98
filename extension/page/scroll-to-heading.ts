import type { HeadingTarget, ScrollToHeadingResult } from '@/lib/messaging/contract';

/**
 * Runs inside the page: scrolls to the heading and flashes it. Serialised by the scripting API, so it
 * must stay self-contained. The flash uses the Web Animations API, which leaves the page's DOM and
 * attributes untouched.
 */
export function scrollToHeadingInPage(target: HeadingTarget): ScrollToHeadingResult {
  const normalize = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim();
  const headings = Array.from((document.body ?? document).querySelectorAll('h1, h2, h3, h4, h5, h6'));
  const byIndex = target.liveIndex === null ? undefined : headings[target.liveIndex];
  const heading =
    byIndex && normalize(byIndex.textContent) === target.text
      ? byIndex
      : headings.find((candidate) => normalize(candidate.textContent) === target.text);
  if (!heading) return { found: false };
  const reduceMotion = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  const smooth = !reduceMotion && document.visibilityState === 'visible';
  heading.scrollIntoView({ behavior: smooth ? 'smooth' : 'auto', block: 'start' });
  heading.animate(
    [
      { backgroundColor: 'rgba(255, 200, 0, 0.55)', outline: '3px solid rgba(255, 170, 0, 0.9)' },
      { backgroundColor: 'transparent', outline: '3px solid transparent' },
    ],
    { duration: 1600, easing: 'ease-out' },
  );
  return { found: true };
}

import { useLayoutEffect, useRef } from 'preact/hooks';

/**
 * A ref that takes the keyboard focus when its element appears. Preact's `autoFocus` only sets the
 * attribute, which browsers honour when a page loads, not for a field that appears later, so a field
 * opened by a button would leave the focus on <body> and what the person types would go nowhere.
 */
export function useFocusOnMount<T extends HTMLElement>(select = false) {
  const ref = useRef<T>(null);
  // In the layout effect, right as the field appears: keys typed straight after the click land in it.
  useLayoutEffect(() => {
    const element = ref.current;
    element?.focus();
    if (select && element instanceof HTMLInputElement) element.select();
    // Only as the element appears: a later change of `select` must not pull the focus back.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return ref;
}

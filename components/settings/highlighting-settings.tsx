import { useEffect, useState } from 'preact/hooks';
import type { GlossSettings } from '@/lib/settings/gloss-settings';
import { COLOR_LABELS, HIGHLIGHT_COLORS } from '@/lib/storage/records';
import { ChangeShortcutButton, ShortcutKeys, useHighlightShortcut } from '../highlight-shortcut';
import { LoadingIndicator } from '../loading-indicator';
import type { SettingsServices } from './settings-services';

type State = { phase: 'loading' } | { phase: 'ready'; settings: GlossSettings } | { phase: 'failed'; message: string };
type Status = { text: string; problem: boolean } | null;

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * The default colour, the toolbar on or off, and the keyboard shortcut. A change is saved at once and
 * every open tab follows; a change that cannot be saved is taken back and the page says why.
 */
export function HighlightingSettings({ services }: { services: SettingsServices }) {
  const [state, setState] = useState<State>({ phase: 'loading' });
  const [status, setStatus] = useState<Status>(null);
  const keys = useHighlightShortcut(services);

  useEffect(() => {
    services.loadSettings().then(
      (settings) => setState({ phase: 'ready', settings }),
      (error: unknown) => setState({ phase: 'failed', message: message(error) }),
    );
    return services.subscribeSettings((settings) => setState({ phase: 'ready', settings }));
  }, [services]);

  const change = async (changes: Partial<GlossSettings>, said: string) => {
    if (state.phase !== 'ready') return;
    const before = state.settings;
    setState({ phase: 'ready', settings: { ...before, ...changes } });
    try {
      setState({ phase: 'ready', settings: await services.saveSettings(changes) });
      setStatus({ text: said, problem: false });
    } catch (error) {
      setState({ phase: 'ready', settings: before });
      setStatus({ text: `Gloss could not save that: ${message(error)}`, problem: true });
    }
  };

  return (
    <section class="settings-section" aria-labelledby="highlighting-title">
      <h2 id="highlighting-title">Highlighting</h2>
      {state.phase === 'loading' && <LoadingIndicator label="Reading your settings…" />}
      {state.phase === 'failed' && (
        <p class="problem" role="alert">
          Gloss could not read your settings: {state.message}
        </p>
      )}
      {state.phase === 'ready' && (
        <>
          <div class="setting">
            <p id="default-color-label" class="setting-name">
              Default colour
            </p>
            <p id="default-color-hint" class="muted">
              For the shortcut and the context menu, and chosen first in the toolbar.
            </p>
            <div class="color-choices" role="radiogroup" aria-labelledby="default-color-label" aria-describedby="default-color-hint">
              {HIGHLIGHT_COLORS.map((color) => (
                <label key={color} class="color-choice">
                  <input
                    type="radio"
                    name="default-color"
                    value={color}
                    checked={state.settings.defaultColor === color}
                    onChange={() =>
                      void change(
                        { defaultColor: color },
                        `New highlights from the shortcut and the context menu are ${COLOR_LABELS[color].toLowerCase()}.`,
                      )
                    }
                  />
                  <span class="swatch" data-color={color} aria-hidden="true" />
                  {COLOR_LABELS[color]}
                </label>
              ))}
            </div>
          </div>
          <div class="setting">
            <label class="toggle">
              <input
                type="checkbox"
                checked={state.settings.showToolbar}
                aria-describedby="toolbar-hint"
                onChange={(event) => {
                  const on = (event.currentTarget as HTMLInputElement).checked;
                  void change(
                    { showToolbar: on },
                    on
                      ? 'The toolbar appears when you select text.'
                      : 'The toolbar is off: highlight with the shortcut or the context menu.',
                  );
                }}
              />
              Show the toolbar when I select text
            </label>
            <p id="toolbar-hint" class="muted">
              When it is off, the shortcut and the context menu’s <em>Highlight selection</em> still highlight. Open tabs follow at once.
            </p>
          </div>
        </>
      )}
      <div class="setting">
        <p class="setting-name">Keyboard shortcut</p>
        <p class="shortcut-row">
          <span>
            Highlight the selection: <ShortcutKeys keys={keys} />
          </span>
          <ChangeShortcutButton services={services} />
        </p>
      </div>
      <p class="status-line" role="status">
        {status && <span class={status.problem ? 'problem' : undefined}>{status.text}</span>}
      </p>
    </section>
  );
}

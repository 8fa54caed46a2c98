import { DataSettings } from './data-settings';
import { HighlightingSettings } from './highlighting-settings';
import { PausedSites } from './paused-sites';
import type { SettingsServices } from './settings-services';

/** Gloss's options page: how highlighting works, where Gloss is paused, and what it keeps. */
export function SettingsPage({ services }: { services: SettingsServices }) {
  return (
    <main class="settings">
      <header class="settings-header">
        <h1>Gloss settings</h1>
        <nav class="settings-menu" aria-label="Gloss">
          <a href="library.html">Library</a>
          <a href="welcome.html">Welcome and tips</a>
        </nav>
      </header>
      <HighlightingSettings services={services} />
      <PausedSites services={services.pausedSites} />
      <DataSettings services={services} />
    </main>
  );
}

import { render } from 'preact';
import { SettingsPage } from '@/components/settings/settings-page';
import { settingsServices } from '@/extension/settings/settings-services';
import '@/assets/theme.css';
import './style.css';

render(<SettingsPage services={settingsServices()} />, document.getElementById('app')!);

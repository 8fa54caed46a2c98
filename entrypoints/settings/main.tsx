import { render } from 'preact';
import { SettingsPage } from '@/components/settings/settings-page';
import { createSettingsServices } from '@/extension/settings/create-settings-services';
import '@/assets/theme.css';
import './style.css';

render(<SettingsPage services={createSettingsServices()} />, document.getElementById('app')!);

import { render } from 'preact';
import { WelcomePage } from '@/components/welcome/welcome-page';
import { createWelcomeServices } from '@/extension/welcome/create-welcome-services';
import '@/assets/theme.css';
import './style.css';

render(<WelcomePage services={createWelcomeServices()} />, document.getElementById('app')!);

import { render } from 'preact';
import { WelcomePage } from '@/components/welcome/welcome-page';
import { welcomeServices } from '@/extension/welcome/welcome-services';
import '@/assets/theme.css';
import './style.css';

render(<WelcomePage services={welcomeServices()} />, document.getElementById('app')!);

import { launchChromiumWithGloss } from './harness/chromium';
import { startWebdavServer } from './harness/webdav-server';
const dav = await startWebdavServer();
const s = await launchChromiumWithGloss();
s.serviceWorker.on('console', (m) => console.log('SW:', m.text()));
const lib = await s.context.newPage();
lib.on('console', (m) => console.log('LIB:', m.text()));
await lib.goto(`chrome-extension://${s.extensionId}/library.html`);
const region = lib.getByRole('region', { name: 'Sync' });
await region.waitFor({ timeout: 15000 });
await region.getByRole('textbox', { name: 'Server address' }).fill(dav.url);
await region.getByRole('textbox', { name: 'User name' }).fill(dav.user);
await region.getByRole('textbox', { name: 'Password' }).fill(dav.password);
await region.getByRole('textbox', { name: 'Passphrase' }).fill('pass phrase');
await region.getByRole('button', { name: 'Sync now' }).click();
for (let i = 0; i < 10; i++) { await lib.waitForTimeout(2000); console.log(await region.getByRole('status').textContent(), await region.getByRole('status').getAttribute('data-finished')); }
await s.close(); await dav.stop();

import { chromium } from '@playwright/test';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--enable-unsafe-webgpu','--enable-features=Vulkan','--use-vulkan=swiftshader','--use-angle=swiftshader','--disable-background-networking','--disable-component-update','--disable-sync'] });
b.on('disconnected', () => console.log('BROWSER DISCONNECTED'));
const p = await b.newPage({ viewport: { width: 1440, height: 900 } });
p.on('console', m => { if (m.type() === 'error' || m.type() === 'warning') console.log('console', m.type(), m.text().slice(0, 300)); });
p.on('pageerror', e => console.log('pageerror', e.message));
p.on('crash', () => console.log('PAGE CRASHED'));
p.on('close', () => console.log('PAGE CLOSED'));
await p.goto('http://localhost:3100/');
await p.waitForSelector('.layer-node');
await p.getByTestId('presets').selectOption(process.argv[2] ?? 'gan-2d-ring');
await p.getByTestId('side-train').click();
if (process.argv[3]) await p.getByTestId('backend-choice').selectOption(process.argv[3]);
await p.getByTestId('train-play').click();
for (let i = 0; i < 6; i++) {
  await p.waitForTimeout(2500);
  if (i === 3) await p.screenshot({ path: '/tmp/train.png' });
  console.log(new Date().toISOString().slice(11,19), JSON.stringify(await p.evaluate(() => (performance).memory?.usedJSHeapSize)), await p.getByTestId('iteration').innerText(), await p.locator('.train-status').innerText().catch(() => ''), (await p.getByTestId('backend').innerText().catch(() => '')).slice(0, 300));
}
await p.screenshot({ path: '/tmp/train.png' });
await b.close();

import { launchChromium, servePlayground } from './test/support/browser';
(async () => {
  const { server, origin } = await servePlayground();
  const browser = await launchChromium();
  const page = await browser.newPage({ viewport: { width: 1000, height: 800 } });
  await page.goto(`${origin}/`);
  const pane = page.locator('#container');
  await pane.getByRole('heading', { name: 'KH – Kế hoạch giảm nghèo' }).waitFor();
  await page.evaluate(() => { (document.getElementById('container') as HTMLElement).style.width = '320px'; });
  for (const name of ['Tạo kế hoạch', 'Kiểm tra', 'Biểu', 'Công cụ', 'Cài đặt']) {
    await pane.getByRole('tab', { name }).click();
    await page.waitForTimeout(300);
    const wide = await pane.evaluate((c) => { const right = c.getBoundingClientRect().right; return [...c.querySelectorAll('*')].filter((e) => (e as HTMLElement).offsetParent !== null && e.getBoundingClientRect().right > right + 0.5).map((e) => `${e.tagName}.${(e as HTMLElement).className.toString().slice(0,30)} ${Math.round(e.getBoundingClientRect().right - right)}`).slice(0, 5); });
    console.log(name, JSON.stringify(wide));
    await pane.screenshot({ path: `/tmp/kh17/pane320-${name.replace(/ /g, '_')}.png` });
  }
  await browser.close(); server.close();
})();

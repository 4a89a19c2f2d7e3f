// Loads the published sites of both built-in wheels in Debian's chromium
// (headless, driven by playwright-core; no browser is downloaded) through
// `cycle serve`, and checks every page: it loads with no console error or
// failed request, axe-core finds no WCAG 2.1 A/AA violation, the wheel's
// labels do not overlap on screen, and the keyboard reaches every subscribe
// link. It leaves a phone-width screenshot and A4 PDFs in OUT_DIR.
//
//   node check-site.mjs PATH/TO/cycle REPO_DIR OUT_DIR
import { chromium } from 'playwright-core';
import axe from 'axe-core';
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const [cycle, repo, out] = process.argv.slice(2);
if (!cycle || !repo || !out) {
  console.error('usage: node check-site.mjs CYCLE REPO_DIR OUT_DIR');
  process.exit(2);
}
fs.mkdirSync(out, { recursive: true });
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cycle-browser-'));
const failures = [];
const fail = (page, what) => failures.push(`${page}: ${what}`);

// The two sites, as a user publishes them.
execFileSync(cycle, ['publish', '--today', '2027-09-15', '--base-url', 'https://example.se/arshjul/',
  '--out', path.join(root, 'site')]);
execFileSync(cycle, ['publish', '--calendar', path.join(repo, 'calendars/nya-perspektiv-2023.toml'),
  '--today', '2023-10-01', '--out', path.join(root, 'site-2023')]);

// cycle serve over both, on a free loopback port.
const server = spawn(cycle, ['serve', root, '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
const base = await new Promise((resolve, reject) => {
  let text = '';
  server.stdout.on('data', (d) => {
    text += d;
    const m = text.match(/http:\/\/127\.0\.0\.1:\d+\//);
    if (m) resolve(m[0]);
  });
  server.on('exit', () => reject(new Error('cycle serve exited: ' + text)));
  setTimeout(() => reject(new Error('cycle serve did not start')), 20000);
});

const pages = [];
for (const site of ['site', 'site-2023']) {
  pages.push(`${site}/index.html`);
  for (const f of fs.readdirSync(path.join(root, site, 'audience')).sort()) pages.push(`${site}/audience/${f}`);
}

const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cycle-chromium-'));
const context = await chromium.launchPersistentContext(userDataDir, {
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  viewport: { width: 1280, height: 900 },
});
// Two tabs check pages side by side (axe's colour-contrast rule is slow).
function watch(page, state) {
  page.on('console', (m) => {
    if (m.type() === 'error' && !m.location().url.endsWith('/favicon.ico')) fail(state.current, `console error: ${m.text()}`);
  });
  page.on('pageerror', (e) => fail(state.current, `page error: ${e.message}`));
  page.on('requestfailed', (r) => fail(state.current, `request failed: ${r.url()}`));
  // (A standalone SVG document has no icon: chromium's favicon request is not the site's.)
  page.on('response', (r) => {
    if (r.status() >= 400 && !r.url().endsWith('/favicon.ico')) fail(state.current, `HTTP ${r.status()} for ${r.url()}`);
  });
  return page;
}
const tabs = [context.pages()[0] ?? await context.newPage(), await context.newPage()].map((p) => {
  const state = { current: '' };
  return { page: watch(p, state), state };
});

// Label boxes as the browser laid them out: none may intersect another.
async function checkLabels(page, name) {
  const overlaps = await page.evaluate(() => {
    const boxes = [...document.querySelectorAll('svg.wheel g.label')].map((g) => {
      const r = g.getBoundingClientRect();
      return { text: g.textContent, x0: r.left, y0: r.top, x1: r.right, y1: r.bottom };
    });
    const found = [];
    for (let a = 0; a < boxes.length; a++)
      for (let b = a + 1; b < boxes.length; b++) {
        const p = boxes[a], q = boxes[b];
        if (p.x0 < q.x1 - 0.5 && q.x0 < p.x1 - 0.5 && p.y0 < q.y1 - 0.5 && q.y0 < p.y1 - 0.5)
          found.push(`"${p.text}" and "${q.text}"`);
      }
    return { count: boxes.length, found };
  });
  for (const o of overlaps.found) fail(name, `labels overlap: ${o}`);
  return overlaps.count;
}

let labelsChecked = 0;
const timing = {};  // CYCLE_BROWSER_TIMING=1 prints where the time goes
const tick = (k, t0) => { timing[k] = (timing[k] || 0) + (Date.now() - t0); return Date.now(); };
async function checkPage({ page, state }, p) {
  state.current = p;
  let t = Date.now();
  const response = await page.goto(base + p, { waitUntil: 'load' });
  if (!response || response.status() !== 200) fail(p, `status ${response && response.status()}`);
  if ((await page.locator('script').count()) !== 0) fail(p, 'the page has a script');

  t = tick('load', t);
  await page.addScriptTag({ content: axe.source });
  const result = await page.evaluate(() => axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    resultTypes: ['violations'],
  }));
  for (const v of result.violations)
    fail(p, `axe ${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join('; ')}`);

  t = tick('axe', t);
  const labels = await checkLabels(page, p);
  labelsChecked += labels;
  t = tick('labels', t);

  // Tab through the page: every subscribe link gets the focus.
  const wanted = await page.$$eval('.subscribe a', (as) => as.map((a) => a.href));
  if (wanted.length === 0) fail(p, 'no subscribe links');
  const total = await page.$$eval('a[href], button, input, [tabindex]', (e) => e.length);
  const reached = new Set();
  await page.evaluate(() => document.activeElement && document.activeElement.blur());
  for (let k = 0; k < total + 3 && !wanted.every((w) => reached.has(w)); k++) {
    await page.keyboard.press('Tab');
    const href = await page.evaluate(() => document.activeElement && document.activeElement.href);
    if (href) reached.add(href);
  }
  for (const w of wanted) if (!reached.has(w)) fail(p, `keyboard focus never reaches ${w}`);
  tick('keyboard', t);
}
// The checker itself must be able to fail: axe on a page that breaks WCAG.
{
  const { page } = tabs[1];
  await page.setContent('<html><body><img src="data:,"><a href="#"></a></body></html>');
  await page.addScriptTag({ content: axe.source });
  const broken = await page.evaluate(() => axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a'] } }));
  if (broken.violations.length < 2) fail('axe self-check', 'axe found nothing wrong with a broken page');
}
await Promise.all(tabs.map(async (tab, k) => {
  for (let i = k; i < pages.length; i += tabs.length) await checkPage(tab, pages[i]);
}));
if (process.env.CYCLE_BROWSER_TIMING) console.log(timing);
const { page, state } = tabs[0];
let current = '';
const setCurrent = (p) => { current = p; state.current = p; };

// The crowded 2023 wheel on its own, as the SVG file.
setCurrent('site-2023/wheel-2023.svg');
await page.goto(base + current);
labelsChecked += await checkLabels(page, current);
if (labelsChecked < 100) fail('all pages', `only ${labelsChecked} labels checked`);

// Phone width: nothing wider than the screen; a screenshot to look at.
await page.setViewportSize({ width: 360, height: 740 });
for (const [p, shot] of [['site/index.html', 'phone-index.png'], ['site/audience/eda.html', 'phone-eda.png']]) {
  setCurrent(p);
  await page.goto(base + p);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  if (width > 360) fail(p, `wider than a phone: ${width}px`);
  await page.screenshot({ path: path.join(out, shot), fullPage: true });
}

// A4 PDFs: the wheel on one page, and the index as printed.
await page.setViewportSize({ width: 1280, height: 900 });
setCurrent('site/wheel-2027.svg');
await page.goto(base + current);
await page.pdf({ path: path.join(out, 'wheel-2027.pdf'), format: 'A4', printBackground: true,
  margin: { top: 0, right: 0, bottom: 0, left: 0 } });
setCurrent('site/index.html');
await page.goto(base + current);
await page.pdf({ path: path.join(out, 'index-print.pdf'), format: 'A4', printBackground: true });
await context.close();
server.kill('SIGTERM');

const info = execFileSync('pdfinfo', [path.join(out, 'wheel-2027.pdf')]).toString();
if (!/^Pages:\s+1$/m.test(info)) fail('wheel-2027.pdf', 'not one page:\n' + info);
if (!/Page size:\s+595\.\d* x 841\.\d*|Page size:\s+595\.\d* x 842/.test(info)) fail('wheel-2027.pdf', 'not A4:\n' + info);

fs.rmSync(root, { recursive: true, force: true });
fs.rmSync(userDataDir, { recursive: true, force: true });
if (failures.length) {
  console.error(failures.join('\n'));
  console.error(`${failures.length} problem(s) on ${pages.length} pages`);
  process.exit(1);
}
console.log(`${pages.length} pages and the 2023 wheel checked, ${labelsChecked} labels; screenshots and PDFs in ${out}`);

// SPDX-License-Identifier: MIT
// report.html in a real browser (Debian's chromium through playwright-core): on the
// status-quo-icbs and split-devolution reports written by run-browser-tests into WORK.
// Expected values come from the run's footprints.csv, not from the page.
// Usage: node report.test.mjs WORK
import { chromium } from 'playwright-core';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const work = process.argv[2];
const screens = path.join(work, 'screens');
fs.mkdirSync(screens, { recursive: true });

// known: a footprint to hover, click and recolour; measure: a measure to switch to.
const cases = [
  { query: 'status-quo-icbs', known: 'E54000027', measure: 'imd2025_score', sortColumn: 'People' },
  { query: 'split-devolution', known: 'E10000014', measure: 'imd2025_score', sortColumn: 'People' },
];

/** Rows of a CSV file (RFC 4180 quoting) as objects keyed by the header. */
function readCsv(file) {
  const text = fs.readFileSync(file, 'utf8');
  const rows = [];
  let row = [], field = '', quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\n') { row.push(field); rows.push(row); row = []; field = ''; }
    else if (c !== '\r') field += c;
  }
  if (field !== '' || row.length) { row.push(field); rows.push(row); }
  const [head, ...body] = rows;
  return body.map((r) => Object.fromEntries(head.map((h, i) => [h, r[i]])));
}

function hexToRgb(hex) {
  const n = parseInt(hex.slice(1), 16);
  return `rgb(${n >> 16}, ${(n >> 8) & 255}, ${n & 255})`;
}

/** A viewport point inside the footprint's shape (its bounding-box centre may be outside it or under a neighbour). */
async function pointInside(page, code) {
  return page.evaluate((c) => {
    const p = document.querySelector(`#features path[data-code="${c}"]`);
    p.scrollIntoView({ block: 'center' });
    const r = p.getBoundingClientRect();
    for (let n = 2; n <= 64; n *= 2)
      for (let i = 1; i < n; i++)
        for (let j = 1; j < n; j++) {
          const x = r.left + (r.width * i) / n, y = r.top + (r.height * j) / n;
          if (document.elementFromPoint(x, y) === p) return { x, y };
        }
    return null;
  }, code);
}

/** The colour a path shows: its fill, or the background of its hatching pattern. */
async function shownColour(page, code) {
  return page.evaluate((c) => {
    const p = document.querySelector(`#features path[data-code="${c}"]`);
    const fill = getComputedStyle(p).fill;
    const m = fill.match(/url\("?#([^")]+)"?\)/);
    return m ? getComputedStyle(document.getElementById(m[1]).querySelector('rect')).fill : fill;
  }, code);
}

let failures = 0;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: process.getuid && process.getuid() === 0 ? ['--no-sandbox'] : [],
});
for (const t of cases) {
  const dir = path.join(work, `run-${t.query}`);
  const file = path.join(dir, 'report.html');
  const rows = readCsv(path.join(dir, 'footprints.csv'));
  const known = rows.find((r) => r.code === t.known);
  const page = await browser.newPage({ viewport: { width: 1440, height: 1000 }, deviceScaleFactor: 1 });
  const errors = [], requests = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  const url = pathToFileURL(file).href;
  page.on('request', (r) => { if (r.url() !== url) requests.push(r.url()); });
  const check = async (what, fn) => {
    try { await fn(); console.log(`ok   ${t.query}: ${what}`); }
    catch (e) { failures++; console.log(`FAIL ${t.query}: ${what}\n     ${e.message.split('\n').join('\n     ')}`); }
  };
  await check('report under 3 MB', async () => {
    const size = fs.statSync(file).size;
    assert.ok(size < 3 * 1024 * 1024, `${size} bytes`);
    console.log(`     ${(size / 1024 / 1024).toFixed(2)} MB`);
  });
  await page.goto(url, { waitUntil: 'load' });
  await page.screenshot({ path: path.join(screens, `${t.query}.png`), fullPage: true });
  await page.locator('#map-section').screenshot({ path: path.join(screens, `${t.query}-map.png`) });

  await check('one map shape per footprint', async () => {
    assert.ok(known, `${t.known} is not in footprints.csv`);
    assert.equal(await page.locator('#features path').count(), rows.length);
  });
  await check(`hovering ${t.known} shows its name and population`, async () => {
    const p = await pointInside(page, t.known);
    assert.ok(p, 'no visible point of the footprint');
    await page.mouse.move(p.x, p.y);
    const tip = page.locator('#tooltip');
    assert.ok(await tip.isVisible(), 'tooltip hidden');
    const text = await tip.innerText();
    const people = Math.round(Number(known.population)).toLocaleString('en-GB');
    assert.ok(text.includes(known.name), `tooltip "${text}" lacks ${known.name}`);
    assert.ok(text.includes(people), `tooltip "${text}" lacks ${people}`);
    await page.locator('.map-wrap').screenshot({ path: path.join(screens, `${t.query}-tooltip.png`) });
  });
  await check(`choosing ${t.measure} colours ${t.known} as the legend class of its value`, async () => {
    const fills = () => page.locator('#features path').evaluateAll((ps) => ps.map((p) => p.getAttribute('fill')));
    const allBefore = await fills();
    const before = await shownColour(page, t.known);
    await page.selectOption('#measure', { label: await page.evaluate((id) => JSON.parse(
      document.getElementById('report-data').textContent).measures.find((m) => m.id === id).label, t.measure) });
    const value = Number(known[t.measure]);
    const items = await page.locator('#legend .legend-item').evaluateAll((els) =>
      els.map((e) => ({ min: e.dataset.min, max: e.dataset.max, colour: e.dataset.colour })));
    const item = items.find((i) => i.min !== undefined && Number(i.min) <= value && value <= Number(i.max));
    assert.ok(item, `no legend class holds ${value}: ${JSON.stringify(items)}`);
    const after = await shownColour(page, t.known);
    assert.equal(after, hexToRgb(item.colour));
    const allAfter = await fills();
    const changed = allAfter.filter((f, i) => f !== allBefore[i]).length;
    assert.ok(changed > 0, 'no area changed colour');
    console.log(`     ${changed} of ${allAfter.length} areas changed colour`);
    console.log(`     ${t.measure} = ${value}: ${before} -> ${after} (class ${item.min} – ${item.max})`);
  });
  await check('clicking a footprint selects its table row', async () => {
    const p = await pointInside(page, t.known);
    await page.mouse.click(p.x, p.y);
    const selected = await page.locator('tr.selected').evaluateAll((rs) => rs.map((r) => r.dataset.code));
    assert.ok(selected.length > 0 && selected.every((c) => c === t.known), JSON.stringify(selected));
  });
  await check('an overlay toggle hides its layer', async () => {
    const box = page.locator('#overlays input').first();
    const layer = page.locator('g.overlay[data-overlay="0"] path');
    assert.ok(await box.isChecked());
    assert.ok(await layer.isVisible(), 'overlay not visible at first');
    await box.uncheck();
    assert.ok(!(await layer.isVisible()), 'overlay still visible');
    await box.check();
    assert.ok(await layer.isVisible(), 'overlay not shown again');
  });
  await check('the wheel zooms about the pointer, a drag pans, Reset restores the view', async () => {
    const viewBox = () => page.evaluate(() => document.getElementById('map').getAttribute('viewBox').split(' ').map(Number));
    const home = await viewBox();
    const p = await pointInside(page, t.known);
    await page.mouse.move(p.x, p.y);
    await page.mouse.wheel(0, -600);
    await page.waitForFunction((w) => +document.getElementById('map').getAttribute('viewBox').split(' ')[2] < w, home[2]);
    const zoomed = await viewBox();
    assert.ok(zoomed[2] < home[2] / 2, `width ${home[2]} -> ${zoomed[2]}`);
    const under = await page.evaluate(({ x, y }) => document.elementFromPoint(x, y).dataset.code, p);
    assert.equal(under, t.known, 'the footprint under the pointer moved away');
    await page.locator('.map-wrap').screenshot({ path: path.join(screens, `${t.query}-zoomed.png`) });
    const selectedBefore = await page.locator('tr.selected').evaluateAll((rs) => rs.map((r) => r.dataset.code));
    await page.mouse.down();
    await page.mouse.move(p.x + 120, p.y + 60, { steps: 6 });
    await page.mouse.up();
    const panned = await viewBox();
    assert.equal(panned[2], zoomed[2], 'a drag changed the zoom');
    assert.ok(panned[0] < zoomed[0] && panned[1] < zoomed[1], `viewBox ${zoomed} -> ${panned}`);
    const selectedAfter = await page.locator('tr.selected').evaluateAll((rs) => rs.map((r) => r.dataset.code));
    assert.deepEqual(selectedAfter, selectedBefore, 'a drag changed the selection');
    await page.click('#map-reset');
    assert.deepEqual(await viewBox(), home);
  });
  await check(`sorting by ${t.sortColumn} orders the column`, async () => {
    const table = page.locator('table.sortable').first();
    const heads = await table.locator('th').allInnerTexts();
    const col = heads.findIndex((h) => h.trim() === t.sortColumn);
    assert.ok(col >= 0, `no column ${t.sortColumn} in ${heads}`);
    const values = async () => table.locator(`tbody tr td:nth-child(${col + 1})`).evaluateAll((tds) =>
      tds.map((td) => Number(td.dataset.v)));
    await table.locator('th button').nth(col).click();
    const asc = await values();
    assert.deepEqual(asc, [...asc].sort((a, b) => a - b));
    await table.locator('th button').nth(col).click();
    const desc = await values();
    assert.deepEqual(desc, [...asc].reverse());
    assert.equal(asc.length, rows.length);
  });
  await check('no console errors and no network requests', async () => {
    assert.deepEqual(errors, []);
    assert.deepEqual(requests, []);
  });
  await page.emulateMedia({ media: 'print' });
  await page.screenshot({ path: path.join(screens, `${t.query}-print.png`), fullPage: true });
  await page.close();
}
await browser.close();
console.log(failures ? `${failures} check(s) failed` : 'all browser checks passed');
process.exit(failures ? 1 : 0);

// Renders the sample report in headless Chromium and checks from each chart's screenshot that the chart drew.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { type BrowserContext, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHART_IDS, COLOURS, renderHtml } from './html.ts';
import { HarnessReport } from './model.ts';
import { countColour, decodePng } from './test-support.ts';

const CHROMIUM = '/usr/bin/chromium';
const HERE = path.dirname(new URL(import.meta.url).pathname);
const OUT = path.join(HERE, 'out', 'chromium');
const present = existsSync(CHROMIUM);
if (!present)
  console.log(`skipping the Chromium report test: ${CHROMIUM} not found (Debian's chromium package)`);

const report = HarnessReport.parse(
  JSON.parse(readFileSync(path.join(HERE, 'fixtures', 'failing-full-report.json'), 'utf8')),
);

describe.skipIf(!present)('the HTML report in headless Chromium', () => {
  let context: BrowserContext;
  let userDataDir: string;
  const errors: string[] = [];
  const foreignRequests: string[] = [];
  const shots = new Map<string, Buffer>();
  let pwned: unknown;
  let gateText = '';
  let injectedImages = -1;

  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true });
    const file = path.join(OUT, 'report.html');
    writeFileSync(file, renderHtml(report));
    userDataDir = mkdtempSync(path.join(tmpdir(), 'report-chromium-'));
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
      viewport: { width: 1000, height: 800 },
    });
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith('file://')) return route.continue();
      foreignRequests.push(url);
      return route.abort();
    });
    const page = await context.newPage();
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(pathToFileURL(file).href);
    await page.waitForSelector('body[data-charts-done="true"]');
    for (const el of await page.$$('.chart')) {
      const id = (await el.getAttribute('id')) ?? 'unnamed';
      expect(await el.getAttribute('data-rendered'), id).toBe('true');
      const png = await el.screenshot();
      writeFileSync(path.join(OUT, `${id}.png`), png);
      shots.set(id, png);
    }
    await page.screenshot({ path: path.join(OUT, 'page.png'), fullPage: true });
    pwned = await page.evaluate(() => (globalThis as { __pwned?: unknown }).__pwned ?? null);
    gateText = (await page.textContent('table.gate')) ?? '';
    injectedImages = await page.locator('img').count();
  });

  afterAll(async () => {
    await context?.close();
    if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
  });

  it('draws every chart the data calls for, with no console errors and no network', () => {
    expect([...shots.keys()].sort()).toEqual(
      [
        CHART_IDS.callsPerMinute(0),
        CHART_IDS.callsPerMinute(1),
        CHART_IDS.throttledShare,
        CHART_IDS.latency,
        CHART_IDS.drain,
      ].sort(),
    );
    expect(errors).toEqual([]);
    expect(foreignRequests).toEqual([]);
  });

  it('draws the calls per minute as allowed and refused bars under a limit line', () => {
    // over-limit (the second scenario in the fixture): 100 allowed and 50 refused in each of 5 minutes.
    const img = decodePng(shots.get(CHART_IDS.callsPerMinute(1))!);
    const allowed = countColour(img, COLOURS.allowed);
    const refused = countColour(img, COLOURS.refused);
    expect(allowed).toBeGreaterThan(5000);
    expect(refused).toBeGreaterThan(2000);
    // Twice as many allowed as refused calls: the bar areas keep roughly that ratio (axis and legend aside).
    expect(allowed / refused).toBeGreaterThan(1.4);
    expect(allowed / refused).toBeLessThan(2.8);
    expect(countColour(img, COLOURS.limit, 30)).toBeGreaterThan(200);
    // fleet-drain never goes over the limit: nothing refused but the legend swatch.
    const drainRun = decodePng(shots.get(CHART_IDS.callsPerMinute(0))!);
    expect(countColour(drainRun, COLOURS.allowed)).toBeGreaterThan(5000);
    expect(countColour(drainRun, COLOURS.refused)).toBeLessThan(600);
  });

  it('draws the throttled share, the latency percentiles and the drain curves', () => {
    expect(countColour(decodePng(shots.get(CHART_IDS.throttledShare)!), COLOURS.share)).toBeGreaterThan(2000);
    const latency = decodePng(shots.get(CHART_IDS.latency)!);
    for (const c of [COLOURS.p50, COLOURS.p95, COLOURS.p99])
      expect(countColour(latency, c), c).toBeGreaterThan(300);
    const drain = decodePng(shots.get(CHART_IDS.drain)!);
    // Three curves: the fleet-drain run measured and analytic, and the plan's analytic one.
    for (const c of COLOURS.drain.slice(0, 3)) expect(countColour(drain, c), c).toBeGreaterThan(300);
  });

  it('shows the data as text and runs none of it', () => {
    expect(pwned).toBeNull();
    expect(injectedImages).toBe(0);
    expect(gateText).toContain('<img src=x onerror="window.__pwned=1">');
    expect(gateText).toContain('</script><script>window.__pwned=2</script>');
  });
});

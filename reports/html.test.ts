// Tests of the HTML page as text: escaping, inlined script data, charts only where there is data, absent sections named.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHART_IDS, escapeHtml, renderHtml, scriptJson } from './html.ts';
import { HarnessReport } from './model.ts';

const HERE = path.dirname(new URL(import.meta.url).pathname);
const sample = HarnessReport.parse(
  JSON.parse(readFileSync(path.join(HERE, 'fixtures', 'failing-full-report.json'), 'utf8')),
);

/** The page without the inlined echarts source, whose code holds markup-like strings of its own. */
const pageOf = (r: HarnessReport): string => renderHtml(r).replace(/<script>[\s\S]*?<\/script>/g, '');

describe('escaping', () => {
  it('escapes the five HTML-significant characters', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    );
  });

  it('keeps script data from closing its element, and it parses back to the same value', () => {
    const value = { s: '</script><script>alert(1)</script>&\u2028' };
    const json = scriptJson(value);
    expect(json).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(json)).toEqual(value);
  });

  it('puts no markup from the data into the page', () => {
    const page = pageOf(sample);
    expect(page).not.toContain('<img');
    expect(page).toContain('&lt;img src=x onerror=&quot;window.__pwned=1&quot;&gt;');
    // Exactly the two script elements of the page (echarts and the chart code) plus the data element.
    expect(renderHtml(sample).match(/<script\b/g)).toHaveLength(3);
  });
});

describe('renderHtml', () => {
  it('is self-contained: echarts inlined, nothing loaded from elsewhere', () => {
    const html = renderHtml(sample);
    expect(html).toContain('echarts');
    expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+href=/);
  });

  it('has a chart element for each chart the data calls for, with stable ids', () => {
    const page = pageOf(sample);
    for (const id of [
      CHART_IDS.callsPerMinute(0),
      CHART_IDS.callsPerMinute(1),
      CHART_IDS.throttledShare,
      CHART_IDS.latency,
      CHART_IDS.drain,
    ])
      expect(page).toContain(`id="${id}"`);
  });

  it('names each absent section and why, and draws no chart without data', () => {
    const page = pageOf({
      generatedAt: 'now',
      sourceDir: 'reports/out',
      absent: [{ section: 'load', reason: 'no load results found' }],
    });
    expect(page).toContain('No data for this section: no load results found.');
    expect(page).toContain('data-section="gate"');
    expect(page).not.toContain('class="chart"');
  });

  it('lists properties with their seeds and replay commands', () => {
    const page = pageOf(sample);
    expect(page).toContain('<td>42</td>');
    expect(page).toContain('--seed 42 --path &#39;7:1:0&#39;');
  });
});

// The report's drift section: drift.json read by collectReport, shown in the HTML page, one JUnit test case per vendor endpoint.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runDrift } from '../drift/drift.ts';
import { DRIFTED_COPIES, documented, TEAM } from '../drift/test-support.ts';
import { renderHtml } from './html.ts';
import { renderJunit } from './junit.ts';
import { collectReport } from './model.ts';

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A drift run over the documented answers with one change planted, written where `harness drift` writes it. */
const driftFolder = async (plant: (typeof DRIFTED_COPIES)[number]['plant']): Promise<string> => {
  dir = mkdtempSync(path.join(tmpdir(), 'report-drift-'));
  const d = documented();
  plant(d);
  const recording = path.join(dir, 'recording', 'mappings');
  mkdirSync(recording, { recursive: true });
  for (const [vendor, mappings] of Object.entries(d))
    writeFileSync(path.join(recording, `${vendor}.json`), JSON.stringify({ mappings }));
  const report = await runDrift({ recording: path.dirname(recording), credentials: TEAM });
  writeFileSync(path.join(dir, 'drift.json'), JSON.stringify(report));
  return dir;
};

describe('the drift section of the report', () => {
  it('shows the verdict, the summary per vendor, each change once and what was not compared', async () => {
    const waiting = DRIFTED_COPIES.find((c) => c.expect?.kind === 'misspelling-fixed');
    const r = collectReport(await driftFolder(waiting?.plant ?? (() => {})));
    expect(r.absent.map((a) => a.section)).not.toContain('drift');
    expect(r.drift?.ok).toBe(false);
    const page = renderHtml(r).replace(/<script>[\s\S]*?<\/script>/g, '');
    const section = page.slice(page.indexOf('<section id="section-drift">'));
    expect(section).toContain('FAILED: 1 breaking change(s)');
    expect(section).toContain(
      '<td>misspelling-fixed</td><td>$.status</td><td>&quot;WAITTING&quot;</td><td>&quot;WAITING&quot;</td>',
    );
    expect(section).toContain('<td>oceanconnect</td><td>11/19</td><td>1</td>');
    expect(section).toContain('not-reproducible');

    const xml = renderJunit(r);
    const suite = xml.slice(xml.indexOf('<testsuite name="drift'));
    // One test case per vendor endpoint of the committed pacts: 7 EnOS, 6 OceanConnect, 4 IoTDA.
    expect(suite.match(/<testcase /g)).toHaveLength(17);
    expect(suite.match(/<failure /g)).toHaveLength(1);
    expect(suite).toMatch(
      /name="POST \/iocm\/app\/cmd\/v1\.4\.0\/deviceCommandCancelTasks"[^>]*>\s*<failure/,
    );
  });

  it('says "No change." for a clean run', async () => {
    const page = renderHtml(collectReport(await driftFolder(() => {})));
    expect(page).toContain('<p class="drift-clean">No change.</p>');
  });
});

// Writes the three report files (report.html, report.json, junit.xml) into one folder and says where they are.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { renderHtml } from './html.ts';
import { renderJunit } from './junit.ts';
import type { HarnessReport } from './model.ts';

export type ReportPaths = { html: string; json: string; junit: string };

export const writeReport = (report: HarnessReport, outDir: string): ReportPaths => {
  mkdirSync(outDir, { recursive: true });
  const paths: ReportPaths = {
    html: path.join(outDir, 'report.html'),
    json: path.join(outDir, 'report.json'),
    junit: path.join(outDir, 'junit.xml'),
  };
  writeFileSync(paths.html, renderHtml(report));
  writeFileSync(paths.json, `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(paths.junit, renderJunit(report));
  return paths;
};

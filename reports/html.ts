// The report as one self-contained HTML page: echarts and the data inlined, charts of the load runs, tables of everything else.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { HarnessReport, LoadScenario, SectionName } from './model.ts';

/** Series colours; the Chromium test counts these pixels in the screenshots. */
export const COLOURS = {
  allowed: '#2f7ed8',
  refused: '#d9534f',
  limit: '#111111',
  share: '#f0ad4e',
  p50: '#5cb85c',
  p95: '#f0ad4e',
  p99: '#d9534f',
  drain: ['#6f42c1', '#20c997', '#fd7e14', '#17a2b8'],
} as const;

/** DOM ids of the charts that are always there when their data is (calls per minute: one per load scenario). */
export const CHART_IDS = {
  callsPerMinute: (i: number) => `chart-calls-per-minute-${i}`,
  throttledShare: 'chart-throttled-share',
  latency: 'chart-latency',
  drain: 'chart-drain',
} as const;

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text or attribute value made safe for HTML. */
export const escapeHtml = (value: unknown): string => String(value).replace(/[&<>"']/g, (c) => ESCAPES[c]!);

/** JSON that can sit inside a <script> element: no `<`, `>`, `&` or line separators that could end or bend it. */
export const scriptJson = (value: unknown): string =>
  JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');

const echartsSource = (): string => {
  const file = createRequire(import.meta.url).resolve('echarts/dist/echarts.min.js');
  return readFileSync(file, 'utf8').replace(/<\/(script)/gi, '<\\/$1');
};

const table = (head: string[], rows: unknown[][], cls: string): string =>
  `<table class="${cls}"><thead><tr>${head.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead><tbody>${rows
    .map((r) => `<tr>${r.map((c) => `<td>${c === undefined ? '' : escapeHtml(c)}</td>`).join('')}</tr>`)
    .join('')}</tbody></table>`;

const absentNote = (report: HarnessReport, section: SectionName): string => {
  const reasons = report.absent.filter((a) => a.section === section).map((a) => a.reason);
  return `<p class="absent" data-section="${section}">No data for this section${
    reasons.length ? `: ${escapeHtml(reasons.join('; '))}` : ''
  }.</p>`;
};

const yesNo = (ok: boolean): string => (ok ? 'yes' : 'NO');

const chartDiv = (id: string, kind: string, title: string): string =>
  `<figure><figcaption>${escapeHtml(title)}</figcaption><div class="chart" id="${id}" data-chart="${kind}"></div></figure>`;

/** The busiest throttle stream of a scenario (most counted calls): the one its calls-per-minute chart shows. */
export const busiestStream = (s: LoadScenario): { vendor: string; stream: number } | undefined => {
  const totals = new Map<string, { vendor: string; stream: number; calls: number }>();
  for (const m of s.perMinute) {
    const key = `${m.vendor}/${m.stream}`;
    const t = totals.get(key) ?? { vendor: m.vendor, stream: m.stream, calls: 0 };
    t.calls += m.allowed + m.refused;
    totals.set(key, t);
  }
  const best = [...totals.values()].sort((a, b) => b.calls - a.calls)[0];
  return best && { vendor: best.vendor, stream: best.stream };
};

const loadSection = (r: HarnessReport): string => {
  if (!r.load) return absentNote(r, 'load');
  const parts = r.load.map((s, i) => {
    const busiest = busiestStream(s);
    const chart = busiest
      ? chartDiv(
          CHART_IDS.callsPerMinute(i),
          'calls-per-minute',
          `${s.scenario} (${s.profile}): calls per platform minute of ${busiest.vendor} instance ${busiest.stream}, limit ${s.limit}`,
        )
      : `<p class="absent">${escapeHtml(s.scenario)}: no journals of counted calls found, so no calls-per-minute chart.</p>`;
    return `<h3>${escapeHtml(s.scenario)} (${escapeHtml(s.profile)}): ${s.ok ? 'PASS' : 'FAIL'}, ${escapeHtml(
      s.platformMinutes.toFixed(2),
    )} platform minutes</h3>${chart}${table(
      ['check', 'ok', 'detail'],
      s.checks.map((c) => [c.name, yesNo(c.ok), c.detail]),
      'checks',
    )}`;
  });
  return `${parts.join('')}${chartDiv(CHART_IDS.throttledShare, 'throttled-share', 'Throttled share of counted calls')}${chartDiv(
    CHART_IDS.latency,
    'latency',
    'Latency percentiles (wall ms, as k6 measured them)',
  )}`;
};

const drainSection = (r: HarnessReport): string => {
  const curves = [
    ...(r.load ?? []).flatMap((s) => (s.drain ? [s.drain] : [])),
    ...(r.plan ? [r.plan.drain] : []),
  ];
  return curves.length
    ? chartDiv(CHART_IDS.drain, 'drain', 'Drain curve: pending commands over platform minutes')
    : `<p class="absent" data-section="drain">No drain data: no fleet-drain load run with journals and no plan.</p>`;
};

const planSection = (r: HarnessReport): string => {
  const p = r.plan;
  if (!p) return absentNote(r, 'plan');
  const min = (ms: number) => `${(ms / 60_000).toFixed(2)} min`;
  return table(
    [
      'devices',
      'pending each',
      'apps',
      'strategy',
      'deadline',
      'analytic drain',
      'measured drain',
      'holds',
      'fewest apps',
    ],
    [
      [
        p.devices,
        p.pending,
        p.apps,
        p.strategy,
        min(p.deadlineMs),
        min(p.analyticDrainMs),
        p.measuredDrainMs === undefined ? 'not measured' : min(p.measuredDrainMs),
        yesNo(p.holds),
        p.fewestApps ?? 'none fits',
      ],
    ],
    'plan',
  );
};

/** The drift run: its verdict, the per-vendor summary, each change once, and what could not be compared. */
const driftSection = (r: HarnessReport): string => {
  const d = r.drift;
  if (!d) return absentNote(r, 'drift');
  const verdict = `<p class="drift-verdict">${escapeHtml(d.target)} (${escapeHtml(d.mode)}), ${escapeHtml(d.generatedAt)}: ${
    d.ok ? 'OK' : `FAILED: ${escapeHtml(d.failures.join('; '))}`
  }. ${d.coverage.compared} of ${d.coverage.reproducible} reproducible interactions compared.</p>`;
  const summary = table(
    ['vendor', 'compared', 'breaking', 'warnings', 'info', 'not reproducible', 'skipped', 'errors'],
    d.summary.map((s) => [
      s.vendor,
      `${s.compared}/${s.interactions}`,
      s.breaking,
      s.warnings,
      s.info,
      s.notReproducible,
      s.skipped,
      s.errors,
    ]),
    'drift-summary',
  );
  const changes =
    d.groups.length === 0
      ? '<p class="drift-clean">No change.</p>'
      : table(
          ['severity', 'vendor', 'endpoint', 'change', 'field', 'was', 'now', 'interactions', 'example'],
          d.groups.map((g) => [
            g.severity,
            g.vendor,
            g.endpoint,
            g.kind,
            g.field,
            g.was,
            g.now,
            g.interactions.join('; '),
            `${g.example.path}: ${JSON.stringify(g.example.expected)} -> ${JSON.stringify(g.example.actual)}`,
          ]),
          'drift-changes',
        );
  const uncompared = d.vendors.flatMap((v) =>
    v.interactions
      .filter((i) => i.outcome !== 'compared')
      .map((i) => [v.vendor, i.description, i.outcome, i.reason]),
  );
  return `${verdict}${summary}${changes}${
    uncompared.length
      ? table(['vendor', 'interaction', 'outcome', 'why'], uncompared, 'drift-uncompared')
      : ''
  }`;
};

const sections = (r: HarnessReport): string =>
  [
    [
      'run',
      'Pipeline run',
      r.run
        ? table(
            ['stage', 'ok', 'ms', 'detail'],
            r.run.stages.map((s) => [s.stage, yesNo(s.ok), s.ms, s.detail]),
            'run',
          )
        : absentNote(r, 'run'),
    ],
    ['load', 'Load runs', loadSection(r)],
    ['drain', 'Drain', drainSection(r)],
    ['plan', 'Capacity plan', planSection(r)],
    [
      'coverage',
      'Contract coverage',
      r.coverage
        ? `<p>${r.coverage.filter((c) => c.covered).length} of ${r.coverage.length} documented cases pinned.</p>${table(
            ['provider', 'endpoint', 'case', 'pinned'],
            r.coverage.map((c) => [c.provider, c.endpoint, c.case, c.covered ? 'yes' : 'MISSING']),
            'coverage',
          )}`
        : absentNote(r, 'coverage'),
    ],
    [
      'verification',
      'Pact verification',
      r.verification
        ? table(
            ['vendor', 'provider', 'mode', 'ok', 'ms', 'message'],
            r.verification.map((v) => [v.vendor, v.provider, v.mode, yesNo(v.ok), v.ms, v.message]),
            'verification',
          )
        : absentNote(r, 'verification'),
    ],
    [
      'properties',
      'Properties',
      r.properties
        ? table(
            ['property', 'passed', 'runs', 'seed', 'path', 'counterexample', 'replay'],
            r.properties.map((p) => [
              p.name,
              yesNo(p.passed),
              p.runs,
              p.seed,
              p.path,
              p.counterexample,
              p.replay,
            ]),
            'properties',
          )
        : absentNote(r, 'properties'),
    ],
    [
      'gate',
      'Gate violations',
      r.gate
        ? r.gate.length === 0
          ? '<p class="gate-clean">No gate violations.</p>'
          : table(
              ['rule', 'vendor', 'message', 'method', 'url', 'status', 'at'],
              r.gate.map((g) => [
                g.rule,
                g.vendor,
                g.message,
                g.request.method,
                g.request.url,
                g.request.status,
                g.request.at,
              ]),
              'gate',
            )
        : absentNote(r, 'gate'),
    ],
    ['drift', 'Vendor drift', driftSection(r)],
    [
      'bench',
      'Simulator benchmark',
      r.bench
        ? table(
            ['target', 'requests/s', 'p50 ms', 'p99 ms'],
            r.bench.map((b) => [b.target, b.rps, b.p50Ms, b.p99Ms]),
            'bench',
          )
        : absentNote(r, 'bench'),
    ],
  ]
    .map(([id, title, body]) => `<section id="section-${id}"><h2>${escapeHtml(title)}</h2>${body}</section>`)
    .join('\n');

/** Browser code: draws every chart div from the inlined data; sets data-rendered when done. */
const CHART_SCRIPT = `
(function () {
  var data = JSON.parse(document.getElementById('report-data').textContent);
  var C = data.colours, r = data.report;
  function draw(id, option) {
    var el = document.getElementById(id);
    if (!el) return;
    var chart = echarts.init(el, null, { renderer: 'canvas' });
    chart.setOption(Object.assign({ animation: false }, option));
    el.setAttribute('data-rendered', 'true');
  }
  (r.load || []).forEach(function (s, i) {
    var b = data.busiest[i];
    if (!b) return;
    var rows = s.perMinute.filter(function (m) { return m.vendor === b.vendor && m.stream === b.stream; });
    draw('chart-calls-per-minute-' + i, {
      tooltip: { trigger: 'axis' },
      legend: { data: ['allowed', 'refused'] },
      xAxis: { type: 'category', name: 'platform minute', data: rows.map(function (m) { return m.minute; }) },
      yAxis: { type: 'value', name: 'calls' },
      series: [
        { name: 'allowed', type: 'bar', stack: 'calls', itemStyle: { color: C.allowed }, data: rows.map(function (m) { return m.allowed; }),
          markLine: { symbol: 'none', lineStyle: { color: C.limit, width: 2, type: 'dashed' }, label: { formatter: 'limit ' + s.limit },
            data: [{ yAxis: s.limit }] } },
        { name: 'refused', type: 'bar', stack: 'calls', itemStyle: { color: C.refused }, data: rows.map(function (m) { return m.refused; }) }
      ]
    });
  });
  var streams = [];
  (r.load || []).forEach(function (s) { s.vendors.forEach(function (v) { streams.push({ label: s.scenario + ' ' + v.vendor, v: v }); }); });
  if (streams.length) {
    var labels = streams.map(function (x) { return x.label; });
    draw('chart-throttled-share', {
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: labels },
      yAxis: { type: 'value', name: '% refused', max: 100 },
      series: [{ name: 'throttled share', type: 'bar', itemStyle: { color: C.share },
        data: streams.map(function (x) { return x.v.calls ? Math.round(1000 * x.v.refused / x.v.calls) / 10 : 0; }) }]
    });
    draw('chart-latency', {
      tooltip: { trigger: 'axis' },
      legend: { data: ['p50', 'p95', 'p99'] },
      xAxis: { type: 'category', data: labels },
      yAxis: { type: 'value', name: 'ms (wall)' },
      series: ['p50', 'p95', 'p99'].map(function (p) {
        return { name: p, type: 'bar', itemStyle: { color: C[p] }, data: streams.map(function (x) { return x.v.latencyWallMs[p]; }) };
      })
    });
  }
  var curves = [];
  (r.load || []).forEach(function (s) { (s.drain || []).forEach(function (c) { curves.push(c); }); });
  if (r.plan) curves.push(r.plan.drain);
  if (curves.length) {
    draw('chart-drain', {
      tooltip: { trigger: 'axis' },
      legend: { data: curves.map(function (c) { return c.label; }) },
      xAxis: { type: 'value', name: 'platform minutes' },
      yAxis: { type: 'value', name: 'pending commands' },
      series: curves.map(function (c, i) {
        return { name: c.label, type: 'line', step: 'end', showSymbol: false,
          lineStyle: { width: 3, type: c.source === 'analytic' ? 'dashed' : 'solid' },
          itemStyle: { color: C.drain[i % C.drain.length] }, areaStyle: { opacity: 0.15 },
          data: c.points.map(function (p) { return [p.minutes, p.pending]; }) };
      })
    });
  }
  document.body.setAttribute('data-charts-done', 'true');
})();
`;

const STYLE = `
body { font-family: system-ui, sans-serif; margin: 2em; color: #222; background: #fff; }
table { border-collapse: collapse; margin: 0.5em 0 1.5em; font-size: 13px; }
th, td { border: 1px solid #ccc; padding: 3px 8px; text-align: left; vertical-align: top; }
th { background: #f3f3f3; }
td { word-break: break-word; max-width: 40em; }
.chart { width: 900px; height: 360px; }
figure { margin: 1em 0; }
figcaption { font-weight: 600; }
.absent { color: #8a6d3b; background: #fcf8e3; padding: 4px 8px; }
`;

/** The whole page: one file, no network, every string from the data escaped. */
export const renderHtml = (report: HarnessReport): string => {
  const busiest = (report.load ?? []).map((s) => busiestStream(s) ?? null);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:">
<title>iot-command-harness report</title>
<style>${STYLE}</style>
</head>
<body>
<h1>iot-command-harness report</h1>
<p>Generated ${escapeHtml(report.generatedAt)} from <code>${escapeHtml(report.sourceDir)}</code>.</p>
${sections(report)}
<script type="application/json" id="report-data">${scriptJson({ report, colours: COLOURS, busiest })}</script>
<script>${echartsSource()}</script>
<script>${CHART_SCRIPT}</script>
</body>
</html>
`;
};

/*
 * GENERATED DEMO DATA: writes the demo services' history as OpenMetrics text
 * for `promtool tsdb create-blocks-from openmetrics`: 8 days up to the
 * anchor, one sample every 5 minutes, `up` included (a real Prometheus would
 * have scraped it), labelled as the live scrapes of demoExporter.js are.
 *
 * Usage: node writeBackfill.js ANCHOR_EPOCH_SECONDS OUT_FILE
 */
const fs = require('node:fs');
const {
  DEMO_SERVICE_PROFILES,
  DemoServiceSeries,
  FAMILIES,
  HISTORY,
} = require('./demoSeries');

const SAMPLE_EVERY = 300;
const [anchorArg, outFile] = process.argv.slice(2);
const anchor = Number(anchorArg);
if (!Number.isFinite(anchor) || !outFile) {
  console.error('usage: node writeBackfill.js ANCHOR_EPOCH_SECONDS OUT_FILE');
  process.exit(2);
}

/** The labels Prometheus attaches to a demo service's scrapes. */
const targetLabels = service => ({
  job: service,
  instance: `${service}:8080`,
  service,
});
const labelText = labels =>
  `{${Object.entries(labels)
    .map(([k, v]) => `${k}="${v}"`)
    .join(',')}}`;
const familyOf = name =>
  Object.keys(FAMILIES).find(f => name === f || name.startsWith(`${f}_`));
// OpenMetrics names a counter family without its _total suffix.
const familyName = family =>
  FAMILIES[family]?.type === 'counter' ? family.replace(/_total$/, '') : family;

// family → series key → [labels, [time, value][]]
const families = new Map([['up', new Map()]]);
for (const f of Object.keys(FAMILIES)) families.set(f, new Map());
const add = (family, name, labels, t, value) => {
  const key = `${name}${labelText(labels)}`;
  const series = families.get(family);
  if (!series.has(key)) series.set(key, []);
  series.get(key).push([t, value]);
};

const first = Math.ceil((anchor - HISTORY) / SAMPLE_EVERY) * SAMPLE_EVERY;
for (const profile of DEMO_SERVICE_PROFILES) {
  const model = new DemoServiceSeries(profile, anchor);
  const target = targetLabels(profile.service);
  for (let t = first; t < anchor; t += SAMPLE_EVERY) {
    const up = model.up(t);
    add('up', 'up', target, t, up ? 1 : 0);
    if (!up) continue; // a failed scrape records nothing else
    for (const s of model.at(t)) {
      const { service: _service, ...own } = s.labels;
      add(familyOf(s.name), s.name, { ...target, ...own }, t, s.value);
    }
  }
}

const out = fs.openSync(outFile, 'w');
let samples = 0;
for (const [family, series] of families) {
  const meta = FAMILIES[family] ?? {
    type: 'gauge',
    help: 'Whether the target answered its scrape.',
  };
  fs.writeSync(out, `# HELP ${familyName(family)} ${meta.help}\n`);
  fs.writeSync(out, `# TYPE ${familyName(family)} ${meta.type}\n`);
  for (const [key, points] of series) {
    const lines = points.map(([t, v]) => `${key} ${v} ${t}\n`);
    fs.writeSync(out, lines.join(''));
    samples += points.length;
  }
}
fs.writeSync(out, '# EOF\n');
fs.closeSync(out);
console.log(
  `[demo-prometheus] wrote ${samples} samples of ${DEMO_SERVICE_PROFILES.length} services to ${outFile}`,
);

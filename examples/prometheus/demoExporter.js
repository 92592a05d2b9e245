/*
 * GENERATED DEMO DATA, served live: one scrape target per demo service
 * (`/metrics/<service>`) for the demo's real Prometheus, continuing the
 * backfilled history from the same seeded model. A service that is down
 * (see demoServiceProfiles.js) answers 503, so Prometheus itself records
 * `up == 0` for it.
 *
 * Usage: node demoExporter.js ANCHOR_EPOCH_SECONDS PORT
 */
const http = require('node:http');
const {
  DEMO_SERVICE_PROFILES,
  DemoServiceSeries,
  FAMILIES,
} = require('./demoSeries');

const [anchorArg, portArg] = process.argv.slice(2);
const anchor = Number(anchorArg);
const port = Number(portArg);
if (!Number.isFinite(anchor) || !(port > 0)) {
  console.error('usage: node demoExporter.js ANCHOR_EPOCH_SECONDS PORT');
  process.exit(2);
}

const models = new Map(
  DEMO_SERVICE_PROFILES.map(p => [p.service, new DemoServiceSeries(p, anchor)]),
);

function exposition(model, now) {
  const lines = [];
  const typed = new Set();
  for (const s of model.at(now)) {
    const family = Object.keys(FAMILIES).find(
      f => s.name === f || s.name.startsWith(`${f}_`),
    );
    if (!typed.has(family)) {
      typed.add(family);
      lines.push(`# HELP ${family} ${FAMILIES[family].help}`);
      lines.push(`# TYPE ${family} ${FAMILIES[family].type}`);
    }
    // Prometheus adds the target's labels (job, instance, service).
    const { service: _service, ...own } = s.labels;
    const labels = Object.entries(own)
      .map(([k, v]) => `${k}="${v}"`)
      .join(',');
    lines.push(`${s.name}${labels ? `{${labels}}` : ''} ${s.value}`);
  }
  return `${lines.join('\n')}\n`;
}

const server = http.createServer((req, res) => {
  const service = /^\/metrics\/([a-z0-9-]+)$/.exec(req.url ?? '')?.[1];
  const model = service && models.get(service);
  if (!model) {
    res.writeHead(404).end('unknown service\n');
    return;
  }
  const now = Date.now() / 1000;
  if (!model.up(now)) {
    res.writeHead(503).end(`${service} is down (demo data)\n`);
    return;
  }
  res.writeHead(200, { 'Content-Type': 'text/plain; version=0.0.4' });
  res.end(exposition(model, now));
});
server.listen(port, '127.0.0.1', () => {
  console.log(
    `[demo-prometheus] demo services' targets on http://127.0.0.1:${port}/metrics/<service>`,
  );
});
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => server.close(() => process.exit(0)));
}

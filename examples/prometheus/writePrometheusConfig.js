/*
 * Writes the demo Prometheus' configuration into DATA_DIR:
 *  - rules/<repository>.yml: the alerting and recording rules the example
 *    repositories ship (Prometheus rule files, and the `spec` of
 *    PrometheusRule manifests), as a Prometheus Operator would load them;
 *  - prometheus.yml: those rule files, one scrape job per demo service
 *    (demoExporter.js) labelled with its `service`, and the demo backend's
 *    own metrics (Roadmap Maturity's included) on BACKEND_METRICS_PORT.
 *
 * Usage: node writePrometheusConfig.js DATA_DIR EXPORTER_PORT BACKEND_METRICS_PORT
 */
const fs = require('node:fs');
const path = require('node:path');
const YAML = require('yaml');
const { DEMO_SERVICE_PROFILES } = require('./demoServiceProfiles');

const [dataDir, exporterPort, backendPort] = process.argv.slice(2);
if (!dataDir || !exporterPort || !backendPort) {
  console.error(
    'usage: node writePrometheusConfig.js DATA_DIR EXPORTER_PORT BACKEND_METRICS_PORT',
  );
  process.exit(2);
}
const repos = path.resolve(__dirname, '../repos');

function yamlFiles(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap(e => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === '.git' ? [] : yamlFiles(full);
    return /\.ya?ml$/.test(e.name) ? [full] : [];
  });
}

/** The rule groups of one YAML file, or none. */
function ruleGroups(file) {
  const text = fs.readFileSync(file, 'utf8');
  // Helm templates are rendered by Helm, not read here.
  if (!/\bgroups:/.test(text) || text.includes('{{')) return [];
  return YAML.parseAllDocuments(text).flatMap(doc => {
    const value = doc.toJS();
    if (value?.kind === 'PrometheusRule') return value.spec?.groups ?? [];
    return Array.isArray(value?.groups) ? value.groups : [];
  });
}

const rulesDir = path.join(dataDir, 'rules');
fs.rmSync(rulesDir, { recursive: true, force: true });
fs.mkdirSync(rulesDir, { recursive: true });
let ruleCount = 0;
for (const repo of fs.readdirSync(repos).sort()) {
  const groups = yamlFiles(path.join(repos, repo)).flatMap(ruleGroups);
  if (groups.length === 0) continue;
  ruleCount += groups.reduce((n, g) => n + (g.rules?.length ?? 0), 0);
  fs.writeFileSync(
    path.join(rulesDir, `${repo}.yml`),
    `# From examples/repos/${repo}\n${YAML.stringify({ groups })}`,
  );
}

const config = {
  global: { scrape_interval: '15s', evaluation_interval: '15s' },
  rule_files: [path.join(rulesDir, '*.yml')],
  scrape_configs: [
    {
      job_name: 'backstage',
      static_configs: [{ targets: [`127.0.0.1:${backendPort}`] }],
    },
    ...DEMO_SERVICE_PROFILES.map(({ service }) => ({
      job_name: service,
      metrics_path: `/metrics/${service}`,
      static_configs: [
        { targets: [`127.0.0.1:${exporterPort}`], labels: { service } },
      ],
      // The same instance label as the backfilled history, so live scrapes
      // continue the same series.
      relabel_configs: [
        { target_label: 'instance', replacement: `${service}:8080` },
      ],
    })),
  ],
};
fs.writeFileSync(path.join(dataDir, 'prometheus.yml'), YAML.stringify(config));
console.log(
  `[demo-prometheus] ${ruleCount} rules from the example repositories, ${DEMO_SERVICE_PROFILES.length} demo services and the backend to scrape`,
);

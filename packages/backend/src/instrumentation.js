/*
 * OpenTelemetry for the demo backend, as Backstage's "Setup OpenTelemetry"
 * tutorial does it: loaded with `--require` before the backend (scripts/start.sh
 * passes it to `yarn start`), it exports every plugin's metrics — the
 * maturity plugin's `maturity_*` among them — in Prometheus format on
 * http://127.0.0.1:$BACKSTAGE_METRICS_PORT/metrics, which the demo
 * Prometheus scrapes. Without BACKSTAGE_METRICS_PORT it does nothing, so a
 * second backend (the e2e test's) never fights over the port.
 */
// Worker threads load this file too; one exporter per process.
const { isMainThread } = require('node:worker_threads');

const port = Number(process.env.BACKSTAGE_METRICS_PORT);
if (isMainThread && port > 0) {
  // Metrics only: no trace exporter is configured for the demo.
  process.env.OTEL_TRACES_EXPORTER = process.env.OTEL_TRACES_EXPORTER || 'none';
  const { NodeSDK } = require('@opentelemetry/sdk-node');
  const { PrometheusExporter } = require('@opentelemetry/exporter-prometheus');
  const sdk = new NodeSDK({
    serviceName: 'backstage',
    metricReaders: [new PrometheusExporter({ host: '127.0.0.1', port })],
    instrumentations: [],
  });
  sdk.start();
}

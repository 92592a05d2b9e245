import type { Signals } from './Signals';
import { lineOf } from './lineOf';

const SOURCE = /\.(?:ts|tsx|js|mjs|cjs|go|py|java|kt|rb|rs|cs|php|scala|ex)$/;
const TEST =
  /(?:^|\/)(?:test|tests|__tests__|spec|testdata|fixtures)\/|\.(?:test|spec)\.\w+$|_test\.go$/;

const METRICS_HANDLER =
  /promhttp\.Handler\(|prometheus\.Handler\(|start_http_server\(|make_wsgi_app\(|make_asgi_app\(|["'`]\/metrics["'`]|collectDefaultMetrics\(|Instrumentator\(\)|UseHttpMetrics\(|MapMetrics\(/;
const HEALTH_ROUTE =
  /["'`](?:\/[\w.{}:-]+)*\/(?:healthz?|health[-_]?checks?|livez|readyz?|alive|health\/(?:live|liveness|ready|readiness)|actuator\/health|ping|status)\/?["'`]|MapHealthChecks\(|AddHealthChecks\(|grpc_health_v1\.Register\w*Server\(|health\.NewServer\(|HealthServicer\(|add_HealthServicer_to_server\(|HealthStatusManager\(/;
const TRACING_INIT =
  /NodeSDK\(|TracerProvider\(|otel\.SetTracerProvider|opentelemetry\.sdk|OpenTelemetrySdk|AddOpenTelemetry\(|tracer_provider|trace\.get_tracer\(/;
const STRUCTURED_LOG =
  /slog\.New(?:JSON)?Handler|zap\.New(?:Production)?\(|logrus\.JSONFormatter|zerolog\.New\(|structlog\.|JsonFormatter\(|pino\(|winston\.createLogger|LoggerConfiguration\(\)|Logging\.AddOpenTelemetry\(|AddJsonConsole\(/;
/** A winston logger configured to print plain text, not JSON. */
const TEXT_ONLY_WINSTON = /winston\.createLogger\(/;
const WINSTON_TEXT_FORMAT = /format\.(?:printf|simple|cli)\(/;
const WINSTON_JSON_FORMAT = /format\.(?:json|logstash)\(/;

/** Whether a file is source code worth a light look. @public */
export function isSourceFile(path: string): boolean {
  return SOURCE.test(path) && !TEST.test(path);
}

/**
 * A light look at source code: a /metrics handler, health routes, tracer
 * setup and structured loggers, for services whose manifests say nothing.
 *
 * @public
 */
export function detectSourceCode(
  path: string,
  text: string,
  signals: Signals,
): void {
  const checks: [string, RegExp, string][] = [
    ['obs.metrics', METRICS_HANDLER, 'metrics handler'],
    ['obs.health', HEALTH_ROUTE, 'health endpoint'],
    ['obs.tracing', TRACING_INIT, 'tracer set up'],
    ['obs.logging', STRUCTURED_LOG, 'structured logger'],
  ];
  for (const [check, re, note] of checks) {
    const m = re.exec(text);
    if (!m) continue;
    if (
      check === 'obs.logging' &&
      TEXT_ONLY_WINSTON.test(text) &&
      WINSTON_TEXT_FORMAT.test(text) &&
      !WINSTON_JSON_FORMAT.test(text)
    ) {
      signals.textLoggers.push({
        path,
        line: lineOf(text, 'format.'),
        note: 'winston prints plain text (format.printf/simple), not JSON',
      });
      continue;
    }
    signals.add(check, { path, line: lineOf(text, m[0]), note });
  }
  const ext = path.split('.').pop()!;
  const language: Record<string, string> = {
    ts: 'typescript',
    tsx: 'typescript',
    js: 'javascript',
    mjs: 'javascript',
    cjs: 'javascript',
    go: 'go',
    py: 'python',
    java: 'java',
    kt: 'kotlin',
    rb: 'ruby',
    rs: 'rust',
    cs: 'csharp',
    php: 'php',
    scala: 'scala',
    ex: 'elixir',
  };
  if (language[ext]) signals.languages.add(language[ext]);
}

import { XMLParser } from 'fast-xml-parser';
import { parse as parseToml } from 'smol-toml';
import type { Signals } from './Signals';
import { lineOf } from './lineOf';

type Ecosystem =
  | 'npm'
  | 'go'
  | 'maven'
  | 'gradle'
  | 'pip'
  | 'cargo'
  | 'nuget'
  | 'bundler';

// Library names per signal; matched against dependency names (exact, or a
// prefix ending in `*`).
const LIBRARIES: Record<
  'obs.metrics' | 'obs.tracing' | 'obs.logging' | 'rel.chaos',
  string[]
> = {
  'rel.chaos': [
    'chaos-monkey-spring-boot',
    'de.codecentric:chaos-monkey-spring-boot',
  ],
  'obs.metrics': [
    'prom-client',
    'express-prom-bundle',
    'prometheus-api-metrics',
    'fastify-metrics',
    '@willsoto/nestjs-prometheus',
    '@opentelemetry/exporter-prometheus',
    'github.com/prometheus/client_golang',
    'github.com/VictoriaMetrics/metrics',
    'io.micrometer:micrometer-registry-prometheus',
    'io.prometheus:*',
    'prometheus-client',
    'prometheus_client',
    'prometheus-fastapi-instrumentator',
    'starlette-exporter',
    'django-prometheus',
    'prometheus-flask-exporter',
    'aioprometheus',
    'prometheus',
    'metrics-exporter-prometheus',
    'autometrics',
    'prometheus-net',
    'prometheus-net.*',
    'OpenTelemetry.Exporter.Prometheus*',
    'prometheus-client-mmap',
    'yabeda-prometheus',
  ],
  'obs.tracing': [
    'spring-boot-starter-zipkin',
    'spring-cloud-starter-zipkin',
    'spring-cloud-starter-sleuth',
    'spring-cloud-sleuth-zipkin',
    'micrometer-tracing-bridge-otel',
    'micrometer-tracing-bridge-brave',
    'opentelemetry-exporter-otlp',
    'opentelemetry-spring-boot-starter',
    '@opentelemetry/sdk-node',
    '@opentelemetry/sdk-trace-*',
    '@opentelemetry/auto-instrumentations-node',
    '@opentelemetry/instrumentation-*',
    '@opentelemetry/exporter-trace-*',
    'jaeger-client',
    'zipkin',
    'zipkin-*',
    'go.opentelemetry.io/otel*',
    'github.com/uber/jaeger-client-go',
    'github.com/openzipkin/zipkin-go',
    'io.opentelemetry:*',
    'io.opentelemetry.instrumentation:*',
    'io.opentelemetry.javaagent:*',
    'io.zipkin.*',
    'io.micrometer:micrometer-tracing*',
    'io.jaegertracing:*',
    'opentelemetry-sdk',
    'opentelemetry-distro',
    'opentelemetry-instrumentation*',
    'opentelemetry-exporter-*',
    'jaeger-client',
    'ddtrace',
    'opentelemetry',
    'opentelemetry_sdk',
    'opentelemetry-otlp',
    'tracing-opentelemetry',
    'opentelemetry-jaeger',
    'OpenTelemetry',
    'OpenTelemetry.*',
    'opentelemetry-sdk',
    'opentelemetry-instrumentation-all',
  ],
  'obs.logging': [
    'pino',
    'pino-http',
    'nestjs-pino',
    'winston',
    'bunyan',
    '@elastic/ecs-winston-format',
    '@elastic/ecs-pino-format',
    'roarr',
    'go.uber.org/zap',
    'github.com/sirupsen/logrus',
    'github.com/rs/zerolog',
    'github.com/go-kit/log',
    'github.com/go-logr/*',
    'net.logstash.logback:logstash-logback-encoder',
    'co.elastic.logging:*',
    'org.apache.logging.log4j:log4j-layout-template-json',
    'structlog',
    'python-json-logger',
    'loguru',
    'ecs-logging',
    'json-logging',
    'tracing-subscriber',
    'slog-json',
    'slog',
    'log4rs',
    'bunyan-rs',
    'Serilog',
    'Serilog.*',
    'NLog',
    'NLog.*',
    'lograge',
    'semantic_logger',
    'ougai',
  ],
};

function matches(name: string, pattern: string): boolean {
  return pattern.endsWith('*')
    ? name.startsWith(pattern.slice(0, -1))
    : name === pattern;
}

function record(
  path: string,
  text: string,
  names: string[],
  ecosystem: Ecosystem,
  signals: Signals,
): void {
  signals.buildTools.add(ecosystem);
  for (const [check, libraries] of Object.entries(LIBRARIES)) {
    for (const name of names) {
      const hit = libraries.find(
        l => matches(name, l) || matches(name.split(':')[1] ?? '', l),
      );
      if (hit) {
        const short =
          name.includes(':') && !name.startsWith('io.') ? name : name;
        signals.add(check, {
          path,
          line: lineOf(text, short.split(':').pop()!),
          note: `dependency ${name}`,
        });
        break;
      }
    }
  }
  if (
    names.some(
      n =>
        n === 'eslint-plugin-security' ||
        n === '@microsoft/eslint-plugin-sdl' ||
        n === 'eslint-plugin-no-unsanitized',
    )
  ) {
    signals.nearMiss('sec.sast', {
      path,
      note: 'eslint security plugin installed (counts when CI runs lint)',
    });
    signals.add('sec.sast.eslint', {
      path,
      line:
        lineOf(text, 'eslint-plugin-security') ??
        lineOf(text, 'eslint-plugin-sdl'),
      note: 'eslint security plugin',
    });
  }
}

const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
});

function asArray<T>(value: T | T[] | undefined): T[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

/** Package manifests this detector reads, by file name. @public */
export function isDependencyManifest(path: string): boolean {
  const name = path.split('/').pop()!;
  return /^(?:package\.json|go\.mod|pom\.xml|build\.gradle(?:\.kts)?|requirements(?:[-.][\w-]+)?\.txt|pyproject\.toml|Pipfile|Cargo\.toml|Gemfile|[\w.-]+\.csproj|[\w.-]+\.fsproj|Directory\.Packages\.props|[\w.-]*versions\.toml|settings\.gradle(?:\.kts)?)$/.test(
    name,
  );
}

/**
 * Reads package manifests of the common ecosystems (npm, Go modules, Maven,
 * Gradle, pip/Poetry/uv, Cargo, NuGet, Bundler) with real parsers (JSON,
 * TOML, XML) and reports Prometheus client libraries, OpenTelemetry SDKs and
 * structured-logging libraries.
 *
 * @public
 */
export function detectDependencyManifest(
  path: string,
  text: string,
  signals: Signals,
): void {
  const name = path.split('/').pop()!;
  try {
    if (name === 'package.json') {
      const pkg = JSON.parse(text);
      const names = Object.keys({
        ...pkg.dependencies,
        ...pkg.devDependencies,
        ...pkg.optionalDependencies,
      });
      record(path, text, names, 'npm', signals);
      signals.languages.add(
        names.includes('typescript') || pkg.types ? 'typescript' : 'javascript',
      );
      if (pkg.renovate)
        signals.add('sec.dependency-updates', {
          path,
          line: lineOf(text, '"renovate"'),
          note: 'Renovate configuration in package.json',
        });
      if (
        typeof pkg.scripts?.test === 'string' &&
        !/no test specified/.test(pkg.scripts.test)
      )
        signals.add('has-test-script', {
          path,
          line: lineOf(text, '"test"'),
          note: `test script: ${pkg.scripts.test}`,
        });
      return;
    }
    if (name === 'go.mod') {
      const names = [
        ...text.matchAll(
          /^\s*(?:require\s+)?([\w.-]+\.[\w]+\/[\w./-]+)\s+v[\d.]/gm,
        ),
      ].map(m => m[1]);
      record(path, text, names, 'go', signals);
      signals.languages.add('go');
      return;
    }
    if (name === 'pom.xml') {
      const pom = xml.parse(text);
      const project = pom.project ?? {};
      const deps = [
        ...asArray(project.dependencies?.dependency),
        ...asArray(project.dependencyManagement?.dependencies?.dependency),
      ];
      const plugins = asArray(project.build?.plugins?.plugin);
      const names = [...deps, ...plugins].map(
        (d: any) => `${d.groupId}:${d.artifactId}`,
      );
      record(path, text, names, 'maven', signals);
      signals.languages.add('java');
      if (plugins.some((p: any) => /jib-maven-plugin/.test(p.artifactId)))
        signals.add('infra.container', {
          path,
          line: lineOf(text, 'jib-maven-plugin'),
          note: 'Jib builds the image',
        });
      return;
    }
    if (/versions\.toml$/.test(name)) {
      // A Gradle version catalog declares the libraries the build uses.
      const doc = parseToml(text) as any;
      const names = Object.values<any>(doc.libraries ?? {}).map(lib =>
        typeof lib === 'string'
          ? lib.split(':').slice(0, 2).join(':')
          : lib?.module ?? `${lib?.group ?? ''}:${lib?.name ?? ''}`,
      );
      record(path, text, names, 'gradle', signals);
      return;
    }
    if (name.startsWith('settings.gradle')) {
      const names = [
        ...text.matchAll(
          /\blibrary\(\s*["'][\w.-]+["']\s*,\s*["']([\w.-]+)["']\s*,\s*["']([\w.-]+)["']/g,
        ),
      ].map(m => `${m[1]}:${m[2]}`);
      if (names.length > 0) record(path, text, names, 'gradle', signals);
      return;
    }
    if (name.startsWith('build.gradle')) {
      const names = [
        ...text.matchAll(/["']([\w.-]+:[\w.-]+)(?::[^"']*)?["']/g),
      ].map(m => m[1]);
      record(path, text, names, 'gradle', signals);
      signals.languages.add(name.endsWith('.kts') ? 'kotlin' : 'java');
      if (
        /com\.google\.cloud\.tools\.jib|id\s*\(?\s*["']com\.google\.cloud\.tools\.jib/.test(
          text,
        )
      )
        signals.add('infra.container', {
          path,
          line: lineOf(text, 'jib'),
          note: 'Jib builds the image',
        });
      return;
    }
    if (name.startsWith('requirements')) {
      const names = text
        .split('\n')
        .map(l => l.replace(/#.*/, '').trim())
        .filter(l => l && !l.startsWith('-'))
        .map(l => l.split(/[<>=!~;\[\s]/)[0].toLowerCase());
      record(path, text, names, 'pip', signals);
      signals.languages.add('python');
      return;
    }
    if (
      name === 'pyproject.toml' ||
      name === 'Cargo.toml' ||
      name === 'Pipfile'
    ) {
      const doc = parseToml(text) as any;
      if (name === 'Cargo.toml') {
        const names = Object.keys({
          ...doc.dependencies,
          ...doc['dev-dependencies'],
          ...doc.workspace?.dependencies,
        });
        record(path, text, names, 'cargo', signals);
        signals.languages.add('rust');
        return;
      }
      const names = [
        ...asArray<string>(doc.project?.dependencies),
        ...Object.values<string[]>(
          doc.project?.['optional-dependencies'] ?? {},
        ).flat(),
        ...asArray<string>(
          doc['dependency-groups']
            ? Object.values<string[]>(doc['dependency-groups']).flat()
            : [],
        ),
        ...Object.keys(doc.tool?.poetry?.dependencies ?? {}),
        ...Object.keys(doc.tool?.poetry?.group?.dev?.dependencies ?? {}),
        ...Object.keys(doc.packages ?? {}),
      ].map(d =>
        String(d)
          .split(/[<>=!~;\[\s]/)[0]
          .toLowerCase(),
      );
      record(path, text, names, 'pip', signals);
      signals.languages.add('python');
      return;
    }
    if (name === 'Gemfile') {
      const names = [...text.matchAll(/^\s*gem\s+['"]([\w.-]+)['"]/gm)].map(
        m => m[1],
      );
      record(path, text, names, 'bundler', signals);
      signals.languages.add('ruby');
      return;
    }
    if (/\.(?:cs|fs)proj$|Directory\.Packages\.props$/.test(name)) {
      const project = xml.parse(text);
      const refs = asArray(project.Project?.ItemGroup).flatMap((g: any) => [
        ...asArray(g?.PackageReference),
        ...asArray(g?.PackageVersion),
      ]);
      const names = refs.map((r: any) => r?.['@Include']).filter(Boolean);
      record(path, text, names, 'nuget', signals);
      signals.languages.add(name.endsWith('.fsproj') ? 'fsharp' : 'csharp');
    }
  } catch (error) {
    signals.warn(
      path,
      `could not parse: ${(error as Error).message.split('\n')[0]}`,
    );
  }
}

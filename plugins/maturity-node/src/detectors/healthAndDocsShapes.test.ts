import { detectFixture } from './__testUtils__/detectFixture';

describe('health-check shapes', () => {
  it.each([
    [
      'backend/app/api/routes/utils.py',
      '@router.get("/health-check/")\nasync def health_check():\n    return True\n',
    ],
    [
      'src/startup.rs',
      'App::new().route("/health_check", web::get().to(health_check))\n',
    ],
    ['cmd/api/main.go', 'mux.HandleFunc("/healthz", ok)\n'],
    ['cmd/api/ready.go', 'mux.HandleFunc("/readyz", ok)\n'],
    ['cmd/api/live.go', 'r.Get("/livez", ok)\n'],
    ['src/app.ts', "app.get('/ping', (_req, res) => res.send('pong'));\n"],
    [
      'cmd/grpc/main.go',
      'grpc_health_v1.RegisterHealthServer(s, health.NewServer())\n',
    ],
  ])('finds the health route in %s', async (path, code) => {
    const r = await detectFixture({ [path]: code });
    expect(r.value('obs.health')).toBe(true);
  });

  it('counts compose healthchecks of first-party services unless disabled', async () => {
    const compose = (service: string) => `services:\n${service}`;
    const own = await detectFixture({
      'compose.yml': compose(
        '  api:\n    build: .\n    healthcheck:\n      test: ["CMD", "curl", "-f", "http://localhost:8000/health"]\n',
      ),
    });
    expect(own.value('obs.health')).toBe(true);
    const disabled = await detectFixture({
      'docker-compose.yml': compose(
        '  api:\n    build: .\n    healthcheck:\n      disable: true\n',
      ),
    });
    expect(disabled.value('obs.health')).toBe(false);
    const thirdParty = await detectFixture({
      'docker-compose.yml': compose(
        '  db:\n    image: postgres:16\n    healthcheck:\n      test: ["CMD-SHELL", "pg_isready"]\n',
      ),
    });
    expect(thirdParty.value('obs.health')).toBe(false);
  });

  it('reads PaaS app specs: health checks and deploy on push', async () => {
    const r = await detectFixture({
      'spec.yaml':
        'name: api\nservices:\n  - name: api\n    dockerfile_path: Dockerfile\n    github:\n      branch: main\n      deploy_on_push: true\n    health_check:\n      http_path: /health\n',
    });
    expect(r.value('obs.health')).toBe(true);
    expect(r.value('cd.deploy')).toBe(true);
    const fly = await detectFixture({
      'fly.toml':
        'app = "api"\n[http_service]\ninternal_port = 8080\n[[http_service.checks]]\npath = "/health"\ninterval = "15s"\n',
    });
    expect(fly.value('obs.health')).toBe(true);
    const render = await detectFixture({
      'render.yaml':
        'services:\n  - type: web\n    name: api\n    env: docker\n    plan: free\n    healthCheckPath: /health\n    autoDeploy: true\n',
    });
    expect(render.value('obs.health')).toBe(true);
    expect(render.value('cd.deploy')).toBe(true);
  });
});

describe('docs and config not at the root', () => {
  it.each([
    ['services/api/mkdocs.yml', 'site_name: API\n'],
    ['website/docusaurus.config.js', 'module.exports = { title: "Docs" };\n'],
    [
      'keycloak/docs/Configuration.md',
      '# Configuration\n\nHow the realm is configured and rotated every quarter.\n',
    ],
  ])('finds docs as code at %s', async (path, text) => {
    const r = await detectFixture({ [path]: text });
    expect(r.value('docs.techdocs')).toBe(true);
  });

  it('does not take a test fixture folder for documentation', async () => {
    const fixture = await detectFixture({
      'tests/fixtures/docs/readme.md':
        '# Fixture\n\nA fixture of the test suite, not documentation.\n',
    });
    expect(fixture.value('docs.techdocs')).toBe(false);
  });

  it("takes the services' READMEs when a monorepo has no root README, and rejects unedited templates", async () => {
    const monorepo = await detectFixture({
      'services/api/README.md':
        '# API\n\nServes the public API of the shop; run it with make run.\n',
    });
    expect(monorepo.value('docs.readme')).toBe(true);
    const template = await detectFixture({
      'README.md':
        "# my-service\n\n## Getting started\n\nTo make it easy for you to get started with GitLab, here's a list of recommended next steps.\n",
    });
    expect(template.value('docs.readme')).toBe(false);
    expect(template.notes('docs.readme')).toContain('template');
  });
});

describe('observability shapes', () => {
  it('does not count a dashboard without panels or a winston logger printing text', async () => {
    const r = await detectFixture({
      'monitoring/dashboard.json': JSON.stringify({
        dashboard: { title: 'Empty', panels: [] },
      }),
      'package.json': JSON.stringify({ dependencies: { winston: '^3.0.0' } }),
      'src/logger.js':
        "const winston = require('winston');\nmodule.exports = winston.createLogger({ format: winston.format.printf(i => `${i.level}: ${i.message}`) });\n",
    });
    expect(r.value('obs.dashboards')).toBe(false);
    expect(r.notes('obs.dashboards')).toContain('no panels');
    expect(r.value('obs.logging')).toBe(false);
    expect(r.notes('obs.logging')).toContain('plain text');
  });

  it('reads libraries declared in Gradle version catalogs and settings.gradle', async () => {
    const r = await detectFixture({
      'gradle/libs.versions.toml':
        '[libraries]\nprometheus = { module = "io.micrometer:micrometer-registry-prometheus" }\n',
      'settings.gradle':
        'dependencyResolutionManagement { versionCatalogs { libs { library("sleuth-zipkin", "org.springframework.cloud", "spring-cloud-sleuth-zipkin").withoutVersion() } } }\n',
    });
    expect(r.value('obs.metrics')).toBe(true);
    expect(r.value('obs.tracing')).toBe(true);
  });
});

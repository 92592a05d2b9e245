/**
 * One job or stage to add to a CI system that has no marketplace of
 * actions: plain shell commands any runner with Docker can run.
 */
export interface PipelineStep {
  /** Stable id, e.g. `image-scan` (job and stage names derive from it). */
  id: string;
  title: string;
  commands: string[];
  /** The commands call `docker`. */
  docker: boolean;
  /** Only on the default branch (publishing). */
  mainOnly?: boolean;
  /** Credentials the commands read from the environment, by variable name. */
  credentials?: { id: string; user: string; password: string };
}

// The detectors (and people) recognise the scanners by their command names.
const TRIVY = 'aquasec/trivy:0.57.1';
const GITLEAKS = 'zricethezav/gitleaks:v8.21.2';
const SEMGREP = 'semgrep/semgrep:1.97.0';

/** Steps for the checks, as shell commands (image refs are quoted for the shell). */
export const pipelineSteps = {
  tests: (commands: string[], root: string): PipelineStep => ({
    id: 'test',
    title: 'Test',
    commands: root === '' ? commands : commands.map(c => `cd ${root} && ${c}`),
    docker: false,
  }),
  build: (image: string, target: string): PipelineStep => ({
    id: 'image',
    title: 'Build image',
    commands: [`docker build -t ${image}:ci ${target}`],
    docker: true,
  }),
  publish: (image: string, target: string): PipelineStep => ({
    id: 'publish',
    title: 'Publish image',
    commands: [
      `docker build -t ${image}:ci ${target}`,
      `echo "$REGISTRY_PASSWORD" | docker login ${
        image.split('/')[0]
      } -u "$REGISTRY_USER" --password-stdin`,
      `docker tag ${image}:ci ${image}:"$(git rev-parse --short HEAD)"`,
      `docker push ${image}:"$(git rev-parse --short HEAD)"`,
      // The tag generated manifests pull.
      `docker tag ${image}:ci ${image}:latest`,
      `docker push ${image}:latest`,
    ],
    docker: true,
    mainOnly: true,
    credentials: {
      id: 'registry',
      user: 'REGISTRY_USER',
      password: 'REGISTRY_PASSWORD',
    },
  }),
  imageScan: (image: string | undefined, target: string): PipelineStep => ({
    id: 'image-scan',
    title: 'Vulnerability scan',
    commands: image
      ? [
          `docker build -t ${image}:scan ${target}`,
          `docker run --rm -v /var/run/docker.sock:/var/run/docker.sock --entrypoint trivy ${TRIVY} image --exit-code 1 --severity HIGH,CRITICAL --ignore-unfixed ${image}:scan`,
        ]
      : [
          `docker run --rm -v "$PWD:/src" --entrypoint trivy ${TRIVY} fs --exit-code 1 --severity HIGH,CRITICAL --ignore-unfixed /src`,
        ],
    docker: true,
  }),
  secretScan: (): PipelineStep => ({
    id: 'secret-scan',
    title: 'Secret scan',
    commands: [
      `docker run --rm -v "$PWD:/repo" ${GITLEAKS} detect --source /repo --no-banner`,
    ],
    docker: true,
  }),
  sast: (): PipelineStep => ({
    id: 'sast',
    title: 'Static analysis',
    commands: [
      `docker run --rm -v "$PWD:/src" -w /src ${SEMGREP} semgrep scan --config auto --error`,
    ],
    docker: true,
  }),
};

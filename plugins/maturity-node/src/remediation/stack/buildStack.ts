import type { RepositoryProfile } from '../RepositoryProfile';

/**
 * How a build tool builds and tests: the commands, the CI image or setup
 * action, the Dependabot ecosystem and the container build.
 *
 * @public
 */
export interface BuildStack {
  tool: string;
  /** GitHub Actions steps that install the toolchain. */
  githubSetup: Record<string, unknown>[];
  /** The image a GitLab CI job runs in. */
  gitlabImage: string;
  install: string[];
  test: string[];
  /** Dependabot `package-ecosystem`. */
  dependabot: string;
  /** A multi-stage Dockerfile that builds and runs the service as non-root. */
  dockerfile: (port: number) => string;
  /** CodeQL language, when CodeQL supports it. */
  codeql?: string;
}

const NON_ROOT_USER = '65532';

const STACKS: Record<string, BuildStack> = {
  npm: {
    tool: 'npm',
    githubSetup: [
      {
        uses: 'actions/setup-node@v4',
        with: { 'node-version': 22, cache: 'npm' },
      },
    ],
    gitlabImage: 'node:22',
    install: ['npm ci'],
    test: ['npm test'],
    dependabot: 'npm',
    codeql: 'javascript-typescript',
    dockerfile: port =>
      [
        'FROM node:22-slim AS build',
        'WORKDIR /app',
        'COPY package*.json ./',
        'RUN npm ci',
        'COPY . .',
        'RUN npm run build --if-present && npm prune --omit=dev',
        '',
        'FROM gcr.io/distroless/nodejs22-debian12:nonroot',
        'WORKDIR /app',
        'COPY --from=build /app /app',
        `EXPOSE ${port}`,
        `USER ${NON_ROOT_USER}`,
        'CMD ["."]',
        '',
      ].join('\n'),
  },
  pip: {
    tool: 'pip',
    githubSetup: [
      {
        uses: 'actions/setup-python@v5',
        with: { 'python-version': '3.12', cache: 'pip' },
      },
    ],
    gitlabImage: 'python:3.12',
    install: [
      'python -m pip install --upgrade pip',
      'if [ -f requirements.txt ]; then pip install -r requirements.txt; fi',
      'pip install pytest',
    ],
    test: ['pytest'],
    dependabot: 'pip',
    codeql: 'python',
    dockerfile: port =>
      [
        'FROM python:3.12-slim',
        'WORKDIR /app',
        'COPY requirements.txt ./',
        'RUN pip install --no-cache-dir -r requirements.txt',
        'COPY . .',
        `EXPOSE ${port}`,
        `USER ${NON_ROOT_USER}`,
        'CMD ["python", "-m", "app"]',
        '',
      ].join('\n'),
  },
  maven: {
    tool: 'maven',
    githubSetup: [
      {
        uses: 'actions/setup-java@v4',
        with: { distribution: 'temurin', 'java-version': '21', cache: 'maven' },
      },
    ],
    gitlabImage: 'maven:3-eclipse-temurin-21',
    install: [],
    test: ['mvn -B verify'],
    dependabot: 'maven',
    codeql: 'java-kotlin',
    dockerfile: port =>
      [
        'FROM maven:3-eclipse-temurin-21 AS build',
        'WORKDIR /src',
        'COPY . .',
        'RUN mvn -B -DskipTests package',
        '',
        'FROM gcr.io/distroless/java21-debian12:nonroot',
        'COPY --from=build /src/target/*.jar /app/app.jar',
        `EXPOSE ${port}`,
        `USER ${NON_ROOT_USER}`,
        'CMD ["/app/app.jar"]',
        '',
      ].join('\n'),
  },
  gradle: {
    tool: 'gradle',
    githubSetup: [
      {
        uses: 'actions/setup-java@v4',
        with: {
          distribution: 'temurin',
          'java-version': '21',
          cache: 'gradle',
        },
      },
    ],
    gitlabImage: 'gradle:8-jdk21',
    install: [],
    test: ['./gradlew build'],
    dependabot: 'gradle',
    codeql: 'java-kotlin',
    dockerfile: port =>
      [
        'FROM gradle:8-jdk21 AS build',
        'WORKDIR /src',
        'COPY . .',
        'RUN ./gradlew --no-daemon bootJar',
        '',
        'FROM gcr.io/distroless/java21-debian12:nonroot',
        'COPY --from=build /src/build/libs/*.jar /app/app.jar',
        `EXPOSE ${port}`,
        `USER ${NON_ROOT_USER}`,
        'CMD ["/app/app.jar"]',
        '',
      ].join('\n'),
  },
  go: {
    tool: 'go',
    githubSetup: [
      { uses: 'actions/setup-go@v5', with: { 'go-version-file': 'go.mod' } },
    ],
    gitlabImage: 'golang:1.23',
    install: ['go mod download'],
    test: ['go test ./...'],
    dependabot: 'gomod',
    codeql: 'go',
    dockerfile: port =>
      [
        'FROM golang:1.23 AS build',
        'WORKDIR /src',
        'COPY go.* ./',
        'RUN go mod download',
        'COPY . .',
        'RUN CGO_ENABLED=0 go build -o /out/service .',
        '',
        'FROM gcr.io/distroless/static-debian12:nonroot',
        'COPY --from=build /out/service /service',
        `EXPOSE ${port}`,
        `USER ${NON_ROOT_USER}`,
        'ENTRYPOINT ["/service"]',
        '',
      ].join('\n'),
  },
  cargo: {
    tool: 'cargo',
    githubSetup: [{ uses: 'dtolnay/rust-toolchain@stable' }],
    gitlabImage: 'rust:1',
    install: [],
    test: ['cargo test --locked'],
    dependabot: 'cargo',
    dockerfile: port =>
      [
        'FROM rust:1 AS build',
        'WORKDIR /src',
        'COPY . .',
        'RUN cargo build --release --locked',
        '',
        'FROM gcr.io/distroless/cc-debian12:nonroot',
        'COPY --from=build /src/target/release/ /app/',
        `EXPOSE ${port}`,
        `USER ${NON_ROOT_USER}`,
        'ENTRYPOINT ["/app/service"]',
        '',
      ].join('\n'),
  },
};
STACKS.yarn = {
  ...STACKS.npm,
  tool: 'yarn',
  githubSetup: [
    { run: 'corepack enable' },
    {
      uses: 'actions/setup-node@v4',
      with: { 'node-version': 22, cache: 'yarn' },
    },
  ],
  install: ['corepack enable', 'yarn install --immutable'],
  test: ['yarn test'],
};
STACKS.pnpm = {
  ...STACKS.npm,
  tool: 'pnpm',
  githubSetup: [
    { run: 'corepack enable' },
    {
      uses: 'actions/setup-node@v4',
      with: { 'node-version': 22, cache: 'pnpm' },
    },
  ],
  install: ['corepack enable', 'pnpm install --frozen-lockfile'],
  test: ['pnpm test'],
};
STACKS.poetry = {
  ...STACKS.pip,
  tool: 'poetry',
  install: ['pip install poetry', 'poetry install'],
  test: ['poetry run pytest'],
};

/**
 * The build stack of a repository, or undefined when its build tool is not
 * one the generators know (then CI and container files are not generated).
 *
 * @public
 */
export function buildStack(profile: RepositoryProfile): BuildStack | undefined {
  return profile.buildTool ? STACKS[profile.buildTool] : undefined;
}

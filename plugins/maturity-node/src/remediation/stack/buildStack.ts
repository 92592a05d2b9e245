import type { RepositoryProfile } from '../RepositoryProfile';
import type { StartCommand } from './startCommand';

/** What a Dockerfile is written from. */
export interface DockerfileInput {
  start: StartCommand;
  port?: number;
  /** Files of the service's folder, relative to it (for lockfiles). */
  files: Set<string>;
}

const expose = (port?: number) => (port ? [`EXPOSE ${port}`] : []);

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
  /** Builds without tests: the pipeline of a service that has none yet. */
  build: string[];
  /** Dependabot `package-ecosystem`. */
  dependabot: string;
  /**
   * A Dockerfile that builds the service and starts it with its own start
   * command, as a non-root user; undefined when that start command does not
   * fit this build tool.
   */
  dockerfile: (image: DockerfileInput) => string | undefined;
  /** CodeQL language, when CodeQL supports it. */
  codeql?: string;
}

const NON_ROOT_USER = '65532';

/** The lockfile and install command of a Node package manager. */
function nodeInstall(
  tool: string,
  files: Set<string>,
): { copy: string[]; run: string } {
  if (tool === 'yarn')
    return {
      copy: ['package.json', 'yarn.lock'],
      run: 'corepack enable && yarn install --immutable',
    };
  if (tool === 'pnpm')
    return {
      copy: ['package.json', 'pnpm-lock.yaml'],
      run: 'corepack enable && pnpm install --frozen-lockfile',
    };
  return files.has('package-lock.json')
    ? { copy: ['package.json', 'package-lock.json'], run: 'npm ci' }
    : { copy: ['package.json'], run: 'npm install' };
}

/**
 * Node images: with a start script, `npm start` on node:22-slim as the
 * image's `node` user (the script may need npm and a shell); with only an
 * entry file, that file on distroless Node as nonroot.
 */
function nodeDockerfile(tool: string): BuildStack['dockerfile'] {
  return ({ start, port, files }) => {
    const install = nodeInstall(tool, files);
    const copy = `COPY ${install.copy.join(' ')} ./`;
    const run = tool === 'npm' ? 'npm' : tool;
    if (start.kind === 'npm-start')
      return [
        'FROM node:22-slim',
        'WORKDIR /app',
        copy,
        `RUN ${install.run}`,
        'COPY . .',
        `RUN ${run} run build --if-present`,
        'ENV NODE_ENV=production',
        ...expose(port),
        'USER node',
        `CMD ["${run}", "start"]`,
        '',
      ].join('\n');
    if (start.kind !== 'node') return undefined;
    return [
      'FROM node:22-slim AS build',
      'WORKDIR /app',
      copy,
      `RUN ${install.run}`,
      'COPY . .',
      `RUN ${run} run build --if-present`,
      '',
      'FROM gcr.io/distroless/nodejs22-debian12:nonroot',
      'WORKDIR /app',
      'COPY --from=build /app /app',
      ...expose(port),
      `USER ${NON_ROOT_USER}`,
      `CMD [${JSON.stringify(start.entry)}]`,
      '',
    ].join('\n');
  };
}

const STACKS: Record<string, BuildStack> = {
  npm: {
    tool: 'npm',
    build: ['npm run build --if-present'],
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
    dockerfile: nodeDockerfile('npm'),
  },
  pip: {
    tool: 'pip',
    build: ['python -m compileall -q .'],
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
    ],
    test: ['pytest'],
    dependabot: 'pip',
    codeql: 'python',
    dockerfile: ({ start, port, files }) => {
      if (start.kind !== 'python') return undefined;
      let install: string[] = [];
      if (files.has('pyproject.toml'))
        install = ['COPY . .', 'RUN pip install --no-cache-dir .'];
      if (files.has('requirements.txt'))
        install = [
          'COPY requirements.txt ./',
          'RUN pip install --no-cache-dir -r requirements.txt',
        ];
      return [
        'FROM python:3.12-slim',
        'WORKDIR /app',
        ...install,
        'COPY . .',
        ...expose(port),
        `USER ${NON_ROOT_USER}`,
        `CMD ${JSON.stringify(start.command)}`,
        '',
      ].join('\n');
    },
  },
  maven: {
    tool: 'maven',
    build: ['mvn -B -DskipTests package'],
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
    dockerfile: ({ start, port }) =>
      start.kind !== 'jar'
        ? undefined
        : [
            'FROM maven:3-eclipse-temurin-21 AS build',
            'WORKDIR /src',
            'COPY . .',
            'RUN mvn -B -DskipTests package',
            '',
            'FROM gcr.io/distroless/java21-debian12:nonroot',
            'COPY --from=build /src/target/*.jar /app/app.jar',
            ...expose(port),
            `USER ${NON_ROOT_USER}`,
            'CMD ["/app/app.jar"]',
            '',
          ].join('\n'),
  },
  gradle: {
    tool: 'gradle',
    build: ['./gradlew assemble'],
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
    dockerfile: ({ start, port }) =>
      start.kind !== 'jar'
        ? undefined
        : [
            'FROM gradle:8-jdk21 AS build',
            'WORKDIR /src',
            'COPY . .',
            'RUN ./gradlew --no-daemon bootJar',
            '',
            'FROM gcr.io/distroless/java21-debian12:nonroot',
            'COPY --from=build /src/build/libs/*.jar /app/app.jar',
            ...expose(port),
            `USER ${NON_ROOT_USER}`,
            'CMD ["/app/app.jar"]',
            '',
          ].join('\n'),
  },
  go: {
    tool: 'go',
    build: ['go build ./...'],
    githubSetup: [
      { uses: 'actions/setup-go@v5', with: { 'go-version-file': 'go.mod' } },
    ],
    gitlabImage: 'golang:1.23',
    install: ['go mod download'],
    test: ['go test ./...'],
    dependabot: 'gomod',
    codeql: 'go',
    dockerfile: ({ start, port }) =>
      start.kind !== 'go'
        ? undefined
        : [
            'FROM golang:1.23 AS build',
            'WORKDIR /src',
            'COPY go.* ./',
            'RUN go mod download',
            'COPY . .',
            `RUN CGO_ENABLED=0 go build -o /out/service ${start.package}`,
            '',
            'FROM gcr.io/distroless/static-debian12:nonroot',
            'COPY --from=build /out/service /service',
            ...expose(port),
            `USER ${NON_ROOT_USER}`,
            'ENTRYPOINT ["/service"]',
            '',
          ].join('\n'),
  },
  cargo: {
    tool: 'cargo',
    build: ['cargo build --locked'],
    githubSetup: [{ uses: 'dtolnay/rust-toolchain@stable' }],
    gitlabImage: 'rust:1',
    install: [],
    test: ['cargo test --locked'],
    dependabot: 'cargo',
    dockerfile: ({ start, port }) =>
      start.kind !== 'cargo'
        ? undefined
        : [
            'FROM rust:1 AS build',
            'WORKDIR /src',
            'COPY . .',
            'RUN cargo build --release --locked',
            '',
            'FROM gcr.io/distroless/cc-debian12:nonroot',
            `COPY --from=build /src/target/release/${start.binary} /app/${start.binary}`,
            ...expose(port),
            `USER ${NON_ROOT_USER}`,
            `ENTRYPOINT ["/app/${start.binary}"]`,
            '',
          ].join('\n'),
  },
};
STACKS.dotnet = {
  tool: 'dotnet',
  build: ['dotnet build'],
  githubSetup: [
    {
      uses: 'actions/setup-dotnet@v4',
      with: { 'dotnet-version': '8.0.x\n9.0.x\n10.0.x\n' },
    },
  ],
  gitlabImage: 'mcr.microsoft.com/dotnet/sdk:8.0',
  install: ['dotnet restore'],
  test: ['dotnet test'],
  dependabot: 'nuget',
  codeql: 'csharp',
  dockerfile: ({ start, port }) =>
    start.kind !== 'dotnet'
      ? undefined
      : [
          `FROM mcr.microsoft.com/dotnet/sdk:${start.version} AS build`,
          'WORKDIR /src',
          'COPY . .',
          `RUN dotnet publish ${start.project} -c Release -o /out`,
          '',
          `FROM mcr.microsoft.com/dotnet/aspnet:${start.version}`,
          'WORKDIR /app',
          'COPY --from=build /out .',
          ...expose(port),
          // The image's own non-root user (UID 1654) since .NET 8.
          'USER $APP_UID',
          `ENTRYPOINT ["dotnet", "${start.assembly}.dll"]`,
          '',
        ].join('\n'),
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
  build: ['yarn run build --if-present'],
  dockerfile: nodeDockerfile('yarn'),
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
  build: ['pnpm run build --if-present'],
  dockerfile: nodeDockerfile('pnpm'),
};
STACKS.poetry = {
  ...STACKS.pip,
  tool: 'poetry',
  install: ['pip install poetry', 'poetry install'],
  test: ['poetry run pytest'],
  dockerfile: ({ start, port }) =>
    start.kind !== 'python'
      ? undefined
      : [
          'FROM python:3.12-slim',
          'WORKDIR /app',
          'RUN pip install --no-cache-dir poetry && poetry config virtualenvs.create false',
          'COPY . .',
          'RUN poetry install --only main --no-root',
          ...expose(port),
          `USER ${NON_ROOT_USER}`,
          `CMD ${JSON.stringify(start.command)}`,
          '',
        ].join('\n'),
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

/**
 * The build stack of a build tool (the service's own folder may use another
 * than the repository's main one).
 *
 * @public
 */
export function stackOf(tool: string | undefined): BuildStack | undefined {
  return tool ? STACKS[tool] : undefined;
}

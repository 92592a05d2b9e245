import { stringify } from 'yaml';
import type {
  GeneratorResult,
  RemediationContext,
  RemediationGenerator,
} from '../RemediationGenerator';
import { extendGitlabPipeline } from '../ci/gitlabPipeline';
import { freeWorkflowPath, workflow } from '../ci/githubWorkflow';
import { extendOtherPipeline } from '../ci/otherPipeline';
import { pipelineSteps, type PipelineStep } from '../ci/PipelineStep';
import { buildStack } from '../stack/buildStack';
import { dockerBuildTarget, serviceRuntime } from '../stack/serviceRuntime';

const checkout = () => ({ uses: 'actions/checkout@v4' });

/** A GitLab security template, or a GitHub Actions workflow. */
async function scanner(
  context: RemediationContext,
  spec: {
    gitlabTemplate: string;
    github: () => Promise<{ name: string; content: string }>;
    /** The same scan as a plain shell step, for Jenkins, Travis and CircleCI. */
    step: () => Promise<PipelineStep>;
    description: string;
  },
): Promise<GeneratorResult> {
  if (context.profile.ci === 'other')
    return extendOtherPipeline(
      context,
      [await spec.step()],
      `Adds a stage to the ${context.profile.otherCi} pipeline: ${spec.description}`,
    );
  if (context.profile.ci === 'gitlab-ci') {
    const file = await extendGitlabPipeline(context.tree, {
      templates: [spec.gitlabTemplate],
    });
    return {
      files: [
        {
          ...file,
          description: `Includes GitLab's ${spec.gitlabTemplate} template: ${spec.description}`,
        },
      ],
    };
  }
  const { name, content } = await spec.github();
  return {
    files: [
      {
        path: await freeWorkflowPath(context.tree, name),
        content,
        action: 'create',
        description: `A GitHub Actions workflow: ${spec.description}`,
      },
    ],
  };
}

const imageScan: RemediationGenerator = {
  checkId: 'sec.image-scan',
  generate: async context => {
    const hasImage =
      context.facts.get('repository.infra.container')?.value === true;
    const runtime = await serviceRuntime(context);
    return scanner(context, {
      gitlabTemplate: 'Jobs/Container-Scanning.gitlab-ci.yml',
      step: async () =>
        pipelineSteps.imageScan(
          hasImage ? runtime.image : undefined,
          dockerBuildTarget(runtime),
        ),
      description: hasImage
        ? 'Trivy scans the image for HIGH and CRITICAL vulnerabilities that have a fix, and fails the build on them.'
        : 'Trivy scans the dependencies for HIGH and CRITICAL vulnerabilities that have a fix, and fails the build on them.',
      github: async () => ({
        name: 'trivy',
        content: workflow('Vulnerability scan', {
          trivy: {
            'runs-on': 'ubuntu-latest',
            steps: hasImage
              ? [
                  checkout(),
                  {
                    name: 'Build the image',
                    run: `docker build -t ${
                      context.profile.name
                    }:scan ${dockerBuildTarget(runtime)}`,
                  },
                  {
                    uses: 'aquasecurity/trivy-action@0.28.0',
                    with: {
                      'image-ref': `${context.profile.name}:scan`,
                      severity: 'CRITICAL,HIGH',
                      'ignore-unfixed': true,
                      'exit-code': '1',
                    },
                  },
                ]
              : [
                  checkout(),
                  {
                    uses: 'aquasecurity/trivy-action@0.28.0',
                    with: {
                      'scan-type': 'fs',
                      'scan-ref': '.',
                      severity: 'CRITICAL,HIGH',
                      'ignore-unfixed': true,
                      'exit-code': '1',
                    },
                  },
                ],
          },
        }),
      }),
    });
  },
};

const sast: RemediationGenerator = {
  checkId: 'sec.sast',
  generate: async context => {
    const codeql = buildStack(context.profile)?.codeql;
    return scanner(context, {
      gitlabTemplate: 'Jobs/SAST.gitlab-ci.yml',
      step: async () => pipelineSteps.sast(),
      description: codeql
        ? `CodeQL analyses the ${codeql} code on every pull request and weekly.`
        : 'Semgrep scans the code with its default rules on every pull request.',
      github: async () =>
        codeql
          ? {
              name: 'codeql',
              content: workflow(
                'CodeQL',
                {
                  analyze: {
                    'runs-on': 'ubuntu-latest',
                    permissions: {
                      contents: 'read',
                      'security-events': 'write',
                    },
                    steps: [
                      checkout(),
                      {
                        uses: 'github/codeql-action/init@v3',
                        with: {
                          languages: codeql,
                          'build-mode': codeql === 'go' ? 'autobuild' : 'none',
                        },
                      },
                      { uses: 'github/codeql-action/analyze@v3' },
                    ],
                  },
                },
                {
                  on: {
                    push: { branches: ['main'] },
                    pull_request: {},
                    schedule: [{ cron: '17 3 * * 1' }],
                  },
                },
              ),
            }
          : {
              name: 'semgrep',
              content: workflow('Semgrep', {
                semgrep: {
                  'runs-on': 'ubuntu-latest',
                  container: { image: 'semgrep/semgrep' },
                  steps: [
                    checkout(),
                    { run: 'semgrep scan --config auto --error' },
                  ],
                },
              }),
            },
    });
  },
};

const secretScan: RemediationGenerator = {
  checkId: 'sec.secret-scan',
  generate: context =>
    scanner(context, {
      gitlabTemplate: 'Jobs/Secret-Detection.gitlab-ci.yml',
      step: async () => pipelineSteps.secretScan(),
      description:
        'Gitleaks looks for committed credentials in every change and fails the build on a finding.',
      github: async () => ({
        name: 'gitleaks',
        content: workflow('Secret scan', {
          gitleaks: {
            'runs-on': 'ubuntu-latest',
            steps: [
              { uses: 'actions/checkout@v4', with: { 'fetch-depth': 0 } },
              {
                uses: 'gitleaks/gitleaks-action@v2',
                env: { GITHUB_TOKEN: '${{ secrets.GITHUB_TOKEN }}' },
              },
            ],
          },
        }),
      }),
    }),
};

const dependencyUpdates: RemediationGenerator = {
  checkId: 'sec.dependency-updates',
  async generate(context) {
    const files = new Set(await context.tree.listFiles());
    if (context.profile.ci !== 'github-actions') {
      if (files.has('renovate.json'))
        return { skipped: 'renovate.json exists already' };
      return {
        files: [
          {
            path: 'renovate.json',
            content: `${JSON.stringify(
              {
                $schema: 'https://docs.renovatebot.com/renovate-schema.json',
                extends: ['config:recommended'],
              },
              null,
              2,
            )}\n`,
            action: 'create',
            description:
              'Renovate proposes dependency updates (enable the Renovate app or runner for the repository).',
          },
        ],
      };
    }
    const ecosystems = new Set<string>();
    const stack = buildStack(context.profile);
    if (stack) ecosystems.add(stack.dependabot);
    if (context.facts.get('repository.infra.container')?.value === true)
      ecosystems.add('docker');
    ecosystems.add('github-actions');
    const config = {
      version: 2,
      updates: [...ecosystems].map(ecosystem => ({
        'package-ecosystem': ecosystem,
        directory: '/',
        schedule: { interval: 'weekly' },
        'open-pull-requests-limit': 5,
      })),
    };
    return {
      files: [
        {
          path: '.github/dependabot.yml',
          content: stringify(config, { aliasDuplicateObjects: false }),
          action: 'create',
          description: `Dependabot proposes weekly updates for ${[
            ...ecosystems,
          ].join(', ')}.`,
        },
      ],
    };
  },
};

const securityPolicy: RemediationGenerator = {
  checkId: 'sec.policy',
  async generate(context) {
    if ((await context.tree.listFiles()).includes('SECURITY.md'))
      return { skipped: 'SECURITY.md exists already' };
    return {
      files: [
        {
          path: 'SECURITY.md',
          content: [
            '# Security policy',
            '',
            '## Reporting a vulnerability',
            '',
            'Please do not open a public issue. Report it privately through the',
            "repository's security advisories (Security → Report a vulnerability) or to",
            'the owning team named in `catalog-info.yaml`. We answer within three',
            'working days and keep you informed until it is fixed.',
            '',
            '## Supported versions',
            '',
            'Only the version running in production receives security fixes.',
            '',
          ].join('\n'),
          action: 'create',
          description: 'Tells people how to report a vulnerability privately.',
        },
      ],
    };
  },
};

/**
 * Generators for the security checks: image and dependency scanning, static
 * analysis, secret scanning, dependency updates and a security policy.
 *
 * @public
 */
export function securityGenerators(): RemediationGenerator[] {
  return [imageScan, sast, secretScan, dependencyUpdates, securityPolicy];
}

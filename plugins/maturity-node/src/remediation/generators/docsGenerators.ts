import { markdownText } from '@roadmap/plugin-maturity-common';
import { isMap, parseDocument } from 'yaml';
import type {
  GeneratorResult,
  RemediationContext,
  RemediationGenerator,
} from '../RemediationGenerator';
import { buildStack } from '../stack/buildStack';
import { editYaml } from '../yamlEdit/editYaml';

const TECHDOCS_REF = 'backstage.io/techdocs-ref';

function newFile(
  context: RemediationContext,
  path: string,
  content: string,
  description: string,
): Promise<GeneratorResult> {
  return context.tree.listFiles().then(files =>
    files.includes(path)
      ? { skipped: `${path} exists already` }
      : {
          files: [{ path, content, action: 'create' as const, description }],
        },
  );
}

const title = (context: RemediationContext) =>
  markdownText(context.service.title ?? context.service.name);

/** The owning team's handle for CODEOWNERS: `@org/team` on GitHub. */
function ownerHandle(context: RemediationContext): string | undefined {
  const team = context.service.owner
    ?.replace(/^[^:]*:/, '')
    .replace(/^[^/]*\//, '')
    .replace(/[^A-Za-z0-9_-]/g, '');
  if (!team) return undefined;
  const org = /github\.com\/([A-Za-z0-9-]+)\//.exec(
    context.service.sourceLocation ?? '',
  )?.[1];
  return org ? `@${org}/${team}` : `@${team}`;
}

/** The stack's install and test commands, as a fenced shell block. */
function commandsBlock(context: RemediationContext): string[] {
  const stack = buildStack(context.profile);
  const commands = stack ? [...stack.install, ...stack.test] : ['make test'];
  return ['```sh', ...commands, '```'];
}

const readme: RemediationGenerator = {
  checkId: 'docs.readme',
  generate: context =>
    newFile(
      context,
      'README.md',
      [
        `# ${title(context)}`,
        '',
        'What this service does, who uses it and how to reach its owners.',
        '',
        '## Development',
        '',
        ...commandsBlock(context),
        '',
      ].join('\n'),
      'A README with the build and test commands; fill in what the service does.',
    ),
};

const codeowners: RemediationGenerator = {
  checkId: 'docs.codeowners',
  async generate(context) {
    const handle = ownerHandle(context);
    if (!handle)
      return { skipped: 'the entity has no owner to name in CODEOWNERS' };
    const path =
      context.profile.ci === 'gitlab-ci'
        ? '.gitlab/CODEOWNERS'
        : '.github/CODEOWNERS';
    return newFile(
      context,
      path,
      `# Reviews of every change are requested from the owning team.\n* ${handle}\n`,
      `Requests reviews from ${handle}.`,
    );
  },
};

const techdocs: RemediationGenerator = {
  checkId: 'docs.techdocs',
  async generate(context) {
    const files = new Set(await context.tree.listFiles());
    if (files.has('mkdocs.yml') || files.has('docs/index.md'))
      return { skipped: 'mkdocs.yml or docs/index.md exists already' };
    const out: Exclude<GeneratorResult, { skipped: string }>['files'] = [
      {
        path: 'mkdocs.yml',
        content: `site_name: ${JSON.stringify(
          context.service.title ?? context.service.name,
        )}\nnav:\n  - Home: index.md\nplugins:\n  - techdocs-core\n`,
        action: 'create',
        description: 'A TechDocs site (MkDocs with techdocs-core).',
      },
      {
        path: 'docs/index.md',
        content: [
          `# ${title(context)}`,
          '',
          'Start here: what the service does, its architecture, and how to run it locally.',
          '',
        ].join('\n'),
        action: 'create',
        description: 'The first page of the docs.',
      },
    ];
    const catalog = await catalogAnnotation(context, TECHDOCS_REF, 'dir:.');
    if (catalog) out.push(catalog);
    return { files: out };
  },
};

/**
 * Adds an annotation to catalog-info.yaml when it has none, keeping the
 * file's comments and order.
 */
async function catalogAnnotation(
  context: RemediationContext,
  key: string,
  value: string,
) {
  const text = await context.tree.readFile('catalog-info.yaml');
  if (text === undefined) return undefined;
  const doc = parseDocument(text);
  if (doc.errors.length > 0 || !isMap(doc.contents)) return undefined;
  if (doc.getIn(['metadata', 'annotations', key]) !== undefined)
    return undefined;
  return {
    path: 'catalog-info.yaml',
    content: editYaml(text, [
      { op: 'set', path: ['metadata', 'annotations', key], value },
    ]),
    action: 'update' as const,
    description: `Adds the ${key} annotation so Backstage shows the docs.`,
  };
}

const runbook: RemediationGenerator = {
  checkId: 'docs.runbook',
  generate: context =>
    newFile(
      context,
      'docs/runbook.md',
      [
        `# Runbook: ${title(context)}`,
        '',
        '## Alerts',
        '',
        '### Target down',
        '',
        '1. Check the pods: `kubectl get pods -l app.kubernetes.io/name=<name>`.',
        '2. Read the last logs and events of a failing pod.',
        '3. Roll back the last deployment if it started after it.',
        '',
        '### High error ratio / high latency',
        '',
        '1. Open the service dashboard and find when it started.',
        '2. Check dependencies (databases, downstream services).',
        '3. Scale out or roll back; write down what you did.',
        '',
        '## Escalation',
        '',
        'The owning team is named in `catalog-info.yaml`.',
        '',
      ].join('\n'),
      'A runbook skeleton for the generated alerts; fill in the service specifics.',
    ),
};

const contributing: RemediationGenerator = {
  checkId: 'docs.contributing',
  generate: context =>
    newFile(
      context,
      'CONTRIBUTING.md',
      [
        '# Contributing',
        '',
        'Open a pull request; the owning team reviews it (see CODEOWNERS).',
        '',
        'Before you push, run:',
        '',
        ...commandsBlock(context),
        '',
      ].join('\n'),
      'How to propose a change and what to run first.',
    ),
};

/**
 * Generators for the documentation and ownership checks.
 *
 * @public
 */
export function docsGenerators(): RemediationGenerator[] {
  return [readme, codeowners, techdocs, runbook, contributing];
}

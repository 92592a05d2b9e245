import type { Signals } from './Signals';
import { isTestFixturePath } from './firstParty';
import { lineOf } from './lineOf';

const CODEOWNERS = /^(?:\.github\/|docs\/|\.gitlab\/)?CODEOWNERS$/;
const CONTRIBUTING =
  /^(?:\.github\/|docs\/)?CONTRIBUTING(?:\.(?:md|rst|adoc|txt))?$/i;
const SECURITY = /^(?:\.github\/|docs\/)?SECURITY(?:\.(?:md|rst|adoc|txt))?$/i;
const README = /(?:^|\/)README(?:\.(?:md|markdown|rst|adoc|txt))?$/i;
const MKDOCS = /(?:^|\/)mkdocs\.ya?ml$/;
const DOCUSAURUS = /(?:^|\/)docusaurus\.config\.(?:js|ts|mjs|cjs)$/;
const DOCS_FOLDER = /(?:^|\/)docs\/.+\.(?:md|mdx|rst|adoc)$/i;
/** READMEs left as their generator or host wrote them. */
const TEMPLATE_README =
  /To make it easy for you to get started with GitLab|This project was bootstrapped with \[Create React App\]|This template provides a minimal setup to get React working in Vite|This project was generated (?:with|using) \[Angular CLI\]|This is a \[Next\.js\]\(https:\/\/nextjs\.org\) project bootstrapped with/;
const DEPENDABOT = /^\.github\/dependabot\.ya?ml$/;
const RENOVATE =
  /^(?:\.github\/|\.gitlab\/)?(?:renovate\.json5?|\.renovaterc(?:\.json5?)?)$/;
const RUNBOOK_FILE =
  /(?:^|\/)[^/]*(?:runbook|playbook|troubleshoot|operations|operating|on-?call|incident-response|ops-guide)[^/]*\.(?:md|markdown|rst|adoc|txt)$/i;
const RUNBOOK_HEADING =
  /^#{1,4}\s*(?:runbook|troubleshooting|operations|on-?call|incident response|operating the service)\b/im;
const API_SPEC_FILE =
  /(?:^|\/)(?:openapi|swagger|asyncapi)[\w.-]*\.(?:ya?ml|json)$/i;
const SCHEMA_FILE = /\.(?:proto|graphql|graphqls|gql)$/i;

function specKeyword(text: string): string {
  if (/asyncapi/.test(text)) return 'asyncapi';
  if (/swagger/.test(text)) return 'swagger';
  return 'openapi';
}

/** Files this detector wants to read. @public */
export function isDocsOrOwnershipFile(path: string): boolean {
  return (
    README.test(path) ||
    CODEOWNERS.test(path) ||
    CONTRIBUTING.test(path) ||
    SECURITY.test(path) ||
    DEPENDABOT.test(path) ||
    RENOVATE.test(path) ||
    RUNBOOK_FILE.test(path) ||
    API_SPEC_FILE.test(path) ||
    MKDOCS.test(path) ||
    DOCUSAURUS.test(path) ||
    DOCS_FOLDER.test(path)
  );
}

/**
 * Documentation and ownership: a README with content, docs as code,
 * runbooks (files or headings), API schemas, CODEOWNERS in its usual
 * places, contributing and security guides, Dependabot and Renovate.
 *
 * @public
 */
export function detectDocsAndOwnership(
  path: string,
  text: string | undefined,
  signals: Signals,
): void {
  if (README.test(path) && text !== undefined && !isTestFixturePath(path)) {
    // The root README speaks for the repository; in a monorepo without one,
    // the services' READMEs do (see combineSignals).
    const check = path.includes('/') ? 'docs.readme.service' : 'docs.readme';
    if (TEMPLATE_README.test(text)) {
      signals.nearMiss('docs.readme', {
        path,
        line: lineOf(text, TEMPLATE_README.exec(text)![0]),
        note: 'README is the unedited template of its generator or host',
      });
      return;
    }
    const body = text
      .split('\n')
      .filter(
        l => l.trim() && !/^\s*(?:#|=+$|-+$|!\[|\[!\[|<img|<p align)/.test(l),
      );
    if (body.join(' ').length >= 40)
      signals.add(check, {
        path,
        line: 1,
        note: `README with ${body.length} lines of text`,
      });
    else if (check === 'docs.readme')
      signals.nearMiss('docs.readme', {
        path,
        line: 1,
        note: 'README has little more than a title',
      });
  }
  if (
    CODEOWNERS.test(path) &&
    text !== undefined &&
    /^\s*[^#\s]+\s+\S+/m.test(text)
  ) {
    signals.add('docs.codeowners', {
      path,
      line: lineOf(
        text,
        text.split('\n').find(l => l.trim() && !l.trim().startsWith('#')) ?? '',
      ),
      note: 'CODEOWNERS',
    });
  }
  if (CONTRIBUTING.test(path))
    signals.add('docs.contributing', {
      path,
      line: 1,
      note: 'contributing guide',
    });
  if (SECURITY.test(path))
    signals.add('sec.policy', { path, line: 1, note: 'security policy' });
  if (DEPENDABOT.test(path) && text && /updates\s*:/.test(text))
    signals.add('sec.dependency-updates', {
      path,
      line: lineOf(text, 'updates:'),
      note: 'Dependabot',
    });
  if (RENOVATE.test(path))
    signals.add('sec.dependency-updates', { path, line: 1, note: 'Renovate' });
  if (isTestFixturePath(path)) return;
  if (MKDOCS.test(path))
    signals.add('docs.techdocs', { path, line: 1, note: 'MkDocs site' });
  if (DOCUSAURUS.test(path))
    signals.add('docs.techdocs', { path, line: 1, note: 'Docusaurus site' });
  if (DOCS_FOLDER.test(path) && text && text.trim().length > 40)
    signals.add('docs.techdocs', {
      path,
      line: 1,
      note: path.startsWith('docs/')
        ? 'docs/ folder'
        : `docs/ folder of ${path.split('/docs/')[0]}`,
    });
  if (RUNBOOK_FILE.test(path) && text && text.trim().length > 40)
    signals.add('docs.runbook', { path, line: 1, note: 'runbook' });
  if (
    text &&
    /\.(?:md|markdown|rst|adoc)$/i.test(path) &&
    RUNBOOK_HEADING.test(text)
  ) {
    const heading = RUNBOOK_HEADING.exec(text)![0];
    signals.add('docs.runbook', {
      path,
      line: lineOf(text, heading),
      note: heading.replace(/^#+\s*/, ''),
    });
  }
  if (
    API_SPEC_FILE.test(path) &&
    text &&
    /^\s*["']?(?:openapi|swagger|asyncapi)["']?\s*:/m.test(text)
  ) {
    signals.add('docs.api-spec', {
      path,
      line: lineOf(text, specKeyword(text)),
      note: 'API specification',
    });
  }
}

/** API schemas recognised by file name alone (.proto, GraphQL). @public */
export function detectSchemaFile(path: string, signals: Signals): void {
  if (
    SCHEMA_FILE.test(path) &&
    !/(?:^|\/)(?:test|tests|testdata|examples?)\//.test(path)
  ) {
    signals.add('docs.api-spec', {
      path,
      line: 1,
      note: path.endsWith('.proto') ? 'protobuf schema' : 'GraphQL schema',
    });
  }
}

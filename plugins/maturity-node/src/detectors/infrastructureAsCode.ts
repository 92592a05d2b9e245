import type { Signals } from './Signals';
import { lineOf } from './lineOf';

/** Files this detector reads. @public */
export function isInfrastructureFile(path: string): boolean {
  return (
    /\.(?:tf|tfvars|bicep)$|(?:^|\/)terragrunt\.hcl$|(?:^|\/)(?:root|terragrunt)[\w.-]*\.hcl$|(?:^|\/)_envcommon\/[\w.-]+\.hcl$|(?:^|\/)Pulumi\.ya?ml$|(?:^|\/)cdk\.json$|\.(?:template|cfn)\.(?:ya?ml|json)$|(?:^|\/)template\.ya?ml$|(?:^|\/)[\w-]*cloudformation[\w-]*\.(?:ya?ml|json)$/i.test(
      path,
    ) && !/\.terraform\.lock\.hcl$/.test(path)
  );
}

const LOCKING_BACKENDS = new Set([
  'cloud',
  'remote',
  'gcs',
  'azurerm',
  'consul',
  'kubernetes',
  'pg',
  'http',
]);

function recordStateLocking(type: string, body: string, signals: Signals) {
  const locked =
    LOCKING_BACKENDS.has(type) ||
    (type === 's3' && /dynamodb_table\s*=|use_lockfile\s*=\s*true/.test(body));
  signals.stateLocking = (signals.stateLocking ?? true) && locked;
}

/**
 * Numbers assigned by name anywhere in the IaC: `*.tfvars`, variable
 * defaults, module arguments and Terragrunt `inputs`, so a setting passed
 * as `var.x` can be decided from where `x` gets its value.
 */
function recordNumbers(path: string, text: string, signals: Signals) {
  for (const m of text.matchAll(/^\s*(\w+)\s*=\s*(\d+)\s*(?:#.*|\/\/.*)?$/gm)) {
    const list = signals.iacNumbers.get(m[1]) ?? [];
    list.push({
      value: Number(m[2]),
      evidence: { path, line: lineOf(text, m[0]), note: `${m[1]} = ${m[2]}` },
    });
    signals.iacNumbers.set(m[1], list);
  }
  for (const m of text.matchAll(
    /variable\s+"(\w+)"\s*\{[^}]*?\bdefault\s*=\s*(\d+)/g,
  )) {
    const list = signals.iacNumbers.get(m[1]) ?? [];
    list.push({
      value: Number(m[2]),
      evidence: {
        path,
        line: lineOf(text, m[0]),
        note: `variable ${m[1]} defaults to ${m[2]}`,
      },
    });
    signals.iacNumbers.set(m[1], list);
  }
}

/**
 * Terraform and Terragrunt (and whether remote state is locked), Pulumi,
 * CDK, CloudFormation and Bicep. Managed-database backup retention counts
 * as backups, whether written as a number or passed through a variable
 * whose value is in a tfvars file, a default, a module argument or
 * Terragrunt inputs. (Crossplane is read from Kubernetes objects.)
 *
 * @public
 */
export function detectInfrastructure(
  path: string,
  text: string,
  signals: Signals,
): void {
  if (/\.(?:tf|tfvars|hcl)$/.test(path)) {
    recordNumbers(path, text, signals);
    if (!/\.tfvars$/.test(path))
      signals.add('infra.iac', {
        path,
        line:
          lineOf(text, 'resource ') ??
          lineOf(text, 'module ') ??
          lineOf(text, 'terraform') ??
          1,
        note: path.endsWith('.hcl') ? 'Terragrunt' : 'Terraform',
      });
    const backend = /backend\s+"(\w+)"\s*\{([\s\S]*?)\n\s*\}/.exec(text);
    const remoteState =
      /remote_state\s*\{[\s\S]*?backend\s*=\s*"(\w+)"([\s\S]*?)\n\}/.exec(text);
    if (backend) recordStateLocking(backend[1], backend[2], signals);
    else if (remoteState)
      recordStateLocking(remoteState[1], remoteState[2], signals);
    else if (/^\s*cloud\s*\{/m.test(text))
      recordStateLocking('cloud', '', signals);
    else if (
      /^\s*(?:resource|module)\s+"/m.test(text) &&
      signals.stateLocking === undefined
    )
      signals.stateLocking = false;
    const retention = /backup_retention_period\s*=\s*(\d+)/.exec(text);
    if (retention && Number(retention[1]) > 0)
      signals.add('rel.backups', {
        path,
        line: lineOf(text, retention[0]),
        note: `backup_retention_period = ${retention[1]}`,
      });
    for (const m of text.matchAll(/backup_retention_period\s*=\s*var\.(\w+)/g))
      signals.retentionVariables.push({
        name: m[1],
        evidence: { path, line: lineOf(text, m[0]), note: m[0] },
      });
    if (
      /resource\s+"aws_backup_plan"|backup_configuration\s*\{[^}]*enabled\s*=\s*true|resource\s+"google_sql_database_instance"[\s\S]*?point_in_time_recovery_enabled\s*=\s*true/.test(
        text,
      )
    ) {
      signals.add('rel.backups', {
        path,
        line: lineOf(text, 'backup'),
        note: 'managed backups',
      });
    }
    return;
  }
  if (/\.bicep$/.test(path))
    signals.add('infra.iac', {
      path,
      line: lineOf(text, 'resource ') ?? 1,
      note: 'Bicep',
    });
  else if (/Pulumi\.ya?ml$/.test(path))
    signals.add('infra.iac', { path, line: 1, note: 'Pulumi' });
  else if (/cdk\.json$/.test(path))
    signals.add('infra.iac', { path, line: 1, note: 'AWS CDK' });
  else if (/AWSTemplateFormatVersion|^\s*Type:\s*["']?AWS::/m.test(text))
    signals.add('infra.iac', {
      path,
      line: lineOf(text, 'AWS') ?? 1,
      note: 'CloudFormation',
    });
}

/** Backup retention passed through variables, decided once every file is read. */
export function resolveRetentionVariables(signals: Signals): void {
  for (const ref of signals.retentionVariables) {
    const values = signals.iacNumbers.get(ref.name) ?? [];
    const positive = values.find(v => v.value > 0);
    if (positive)
      signals.add('rel.backups', {
        ...positive.evidence,
        note: `${ref.evidence.note} (${ref.evidence.path}:${ref.evidence.line}) is ${positive.value}: ${positive.evidence.note}`,
      });
    else if (values.length > 0)
      signals.nearMiss('rel.backups', {
        ...ref.evidence,
        note: `${ref.evidence.note} is 0 everywhere it is set`,
      });
  }
}

import type { Signals } from './Signals';
import { lineOf } from './lineOf';

/** Files this detector reads. @public */
export function isInfrastructureFile(path: string): boolean {
  return /\.tf$|(?:^|\/)Pulumi\.ya?ml$|(?:^|\/)cdk\.json$|\.(?:template|cfn)\.(?:ya?ml|json)$|(?:^|\/)template\.ya?ml$|(?:^|\/)[\w-]*cloudformation[\w-]*\.(?:ya?ml|json)$/i.test(
    path,
  );
}

/**
 * Terraform (and whether its remote state is locked), Pulumi, CDK and
 * CloudFormation. Managed-database backup retention in Terraform counts as
 * backups. (Crossplane is read from Kubernetes objects.)
 *
 * @public
 */
export function detectInfrastructure(
  path: string,
  text: string,
  signals: Signals,
): void {
  if (path.endsWith('.tf')) {
    signals.add('infra.iac', {
      path,
      line: lineOf(text, 'resource ') ?? lineOf(text, 'module ') ?? 1,
      note: 'Terraform',
    });
    const backend = /backend\s+"(\w+)"\s*\{([\s\S]*?)\n\s*\}/.exec(text);
    const cloud = /^\s*cloud\s*\{/m.test(text);
    if (backend || cloud) {
      const type = backend?.[1] ?? 'cloud';
      const body = backend?.[2] ?? '';
      const locked =
        type === 'cloud' ||
        type === 'remote' ||
        type === 'gcs' ||
        type === 'azurerm' ||
        type === 'consul' ||
        type === 'kubernetes' ||
        type === 'pg' ||
        type === 'http' ||
        (type === 's3' &&
          /dynamodb_table\s*=|use_lockfile\s*=\s*true/.test(body));
      signals.stateLocking = (signals.stateLocking ?? true) && locked;
    } else if (
      /^\s*(?:resource|module)\s+"/m.test(text) &&
      signals.stateLocking === undefined
    ) {
      signals.stateLocking = false;
    }
    const retention = /backup_retention_period\s*=\s*(\d+)/.exec(text);
    if (retention && Number(retention[1]) > 0)
      signals.add('rel.backups', {
        path,
        line: lineOf(text, retention[0]),
        note: `backup_retention_period = ${retention[1]}`,
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
  if (/Pulumi\.ya?ml$/.test(path))
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

import { detectFixture } from './__testUtils__/detectFixture';

const rds =
  'resource "aws_db_instance" "db" {\n  engine = "postgres"\n  backup_retention_period = var.retention_days\n}\n';

describe('infrastructure as code: values through variables', () => {
  it.each([
    [
      'a tfvars file',
      { 'envs/prod.tfvars': 'retention_days = 7\n' },
      'envs/prod.tfvars',
    ],
    [
      'an auto.tfvars file',
      { 'prod.auto.tfvars': 'retention_days = 14\n' },
      'prod.auto.tfvars',
    ],
    [
      'a variable default',
      {
        'variables.tf':
          'variable "retention_days" {\n  type    = number\n  default = 5\n}\n',
      },
      'variables.tf',
    ],
    [
      'Terragrunt inputs',
      { 'live/prod/terragrunt.hcl': 'inputs = {\n  retention_days = 30\n}\n' },
      'live/prod/terragrunt.hcl',
    ],
  ])(
    'decides backup_retention_period = var.x from %s',
    async (_name, files, path) => {
      const r = await detectFixture({ 'modules/db/main.tf': rds, ...files });
      expect(r.value('rel.backups')).toBe(true);
      expect(r.evidence('rel.backups')).toEqual([
        expect.objectContaining({ path }),
      ]);
    },
  );

  it('does not count a retention of 0 or one never set, and reports the first', async () => {
    const zero = await detectFixture({
      'main.tf': rds,
      'prod.tfvars': 'retention_days = 0\n',
    });
    expect(zero.value('rel.backups')).toBe(false);
    expect(zero.notes('rel.backups')).toContain('0 everywhere');
    const unset = await detectFixture({ 'main.tf': rds });
    expect(unset.value('rel.backups')).toBe(false);
  });

  it('reads a Terragrunt live repository as IaC with locked remote state', async () => {
    const r = await detectFixture({
      'root.hcl':
        'remote_state {\n  backend = "s3"\n  config = {\n    bucket         = "state"\n    dynamodb_table = "locks"\n  }\n}\n',
      'prod/app/terragrunt.hcl':
        'include "root" {\n  path = find_in_parent_folders("root.hcl")\n}\nterraform {\n  source = "git::https://example.com/modules.git//app"\n}\n',
      '.terraform.lock.hcl':
        'provider "registry.terraform.io/hashicorp/aws" {}\n',
    });
    expect(r.value('infra.iac')).toBe(true);
    expect(
      r.facts.find(f => f.id === 'repository.infra.iac.state-locking')?.value,
    ).toBe(true);
  });
});

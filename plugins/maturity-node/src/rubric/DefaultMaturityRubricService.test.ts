import type { JsonObject } from '@backstage/types';
import { ConfigReader } from '@backstage/config';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DefaultMaturityRubricService } from './DefaultMaturityRubricService';

const overrides = path.resolve(
  __dirname,
  '../../../../examples/rubric/overrides.yaml',
);

function fromConfig(maturity: JsonObject, baseDir?: string) {
  return DefaultMaturityRubricService.fromConfig(
    new ConfigReader({ maturity }),
    {
      baseDir,
    },
  );
}

describe('DefaultMaturityRubricService', () => {
  it('applies maturity.rubric, then maturity.rubricFile relative to the base folder', () => {
    const service = fromConfig(
      {
        rubric: { checks: [{ id: 'rel.chaos', enabled: false }] },
        rubricFile: path.basename(overrides),
      },
      path.dirname(overrides),
    );
    const ids = service.getRubric().checks.map(c => c.id);
    expect(ids).not.toContain('rel.chaos');
    expect(ids).not.toContain('obs.metrics');
    expect(ids).toContain('acme.signed-images');
    expect(
      service.getRubric().checks.find(c => c.id === 'docs.readme')?.weight,
    ).toBe(10);
  });

  it('reads exemptions, lower-casing the entity ref and accepting YAML dates', () => {
    const service = fromConfig({
      exemptions: [
        {
          entityRef: 'Component:default/Legacy',
          check: 'rel.chaos',
          reason: ' not in production ',
          expires: '2027-03-31',
        },
      ],
    });
    expect(service.getExemptions()).toEqual([
      {
        entityRef: 'component:default/legacy',
        check: 'rel.chaos',
        reason: 'not in production',
        expires: '2027-03-31',
      },
    ]);
  });

  it.each([
    [
      { exemptions: [{ entityRef: 'x', check: 'rel.chaos', reason: 'r' }] },
      'maturity.exemptions[0].expires',
    ],
    [
      {
        exemptions: [
          { entityRef: 'x', check: 'nope', reason: 'r', expires: '2027-01-01' },
        ],
      },
      'maturity.exemptions[0].check: no check "nope" in the rubric',
    ],
    [
      {
        exemptions: [
          {
            entityRef: 'x',
            check: 'rel.chaos',
            reason: 'r',
            expires: '2027-02-31x',
          },
        ],
      },
      'maturity.exemptions[0].expires: must be a date as YYYY-MM-DD',
    ],
    [
      {
        exemptions: [
          { check: 'rel.chaos', reason: 'r', expires: '2027-01-01' },
        ],
      },
      'maturity.exemptions[0].entityRef',
    ],
    [{ rubricFile: 'missing.yaml' }, 'missing.yaml: cannot read'],
    [
      { rubric: { checks: [{ id: 'ci.tests', level: 'platinum' }] } },
      'maturity.rubric.checks[0].level: unknown level "platinum"',
    ],
  ])('refuses %j, naming the key', (maturity, message) => {
    expect(() =>
      fromConfig(maturity, fs.mkdtempSync(path.join(os.tmpdir(), 'rubric-'))),
    ).toThrow(message);
  });
});

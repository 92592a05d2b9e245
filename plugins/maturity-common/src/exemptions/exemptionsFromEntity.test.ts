import type { Entity } from '@backstage/catalog-model';
import {
  EXEMPTIONS_ANNOTATION,
  exemptionsFromEntity,
} from './exemptionsFromEntity';

function entity(annotation: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'x',
      annotations: { [EXEMPTIONS_ANNOTATION]: annotation },
    },
  };
}

describe('exemptionsFromEntity', () => {
  it('reads well-formed entries and reports each malformed one by index', () => {
    const { exemptions, problems } = exemptionsFromEntity(
      entity(
        [
          '- check: rel.chaos',
          '  reason: " batch job "',
          '  expires: 2027-01-31',
          '- check: rel.pdb',
          '  reason: ""',
          '  expires: 2027-01-31',
          '- check: rel.hpa',
          '  reason: later',
          '  expires: next year',
        ].join('\n'),
      ),
    );
    expect(exemptions).toEqual([
      { check: 'rel.chaos', reason: 'batch job', expires: '2027-01-31' },
    ]);
    expect(problems).toEqual([
      `${EXEMPTIONS_ANNOTATION}[1].reason: needs a non-empty reason`,
      `${EXEMPTIONS_ANNOTATION}[2].expires: must be a date as YYYY-MM-DD`,
    ]);
  });

  it('reports text that is not a list', () => {
    expect(exemptionsFromEntity(entity('check: x')).problems).toEqual([
      `${EXEMPTIONS_ANNOTATION}: must be a list of { check, reason, expires }`,
    ]);
    expect(exemptionsFromEntity(entity('[')).problems[0]).toMatch(
      /not valid YAML/,
    );
  });
});

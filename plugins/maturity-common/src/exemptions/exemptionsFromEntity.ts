import type { Entity } from '@backstage/catalog-model';
import { parse } from 'yaml';
import type { Exemption } from './Exemption';
import { describeExemptionIssue, exemptionSchema } from './exemptionSchema';

/**
 * Our annotation for exemptions: a YAML (or JSON) list of
 * `{ check, reason, expires }`.
 *
 * @public
 */
export const EXEMPTIONS_ANNOTATION = 'maturity.roadmap.dev/exemptions';

/**
 * Reads the exemptions an entity declares. Malformed entries are skipped and
 * reported, so one typo does not waive or break anything else.
 *
 * @public
 */
export function exemptionsFromEntity(entity: Entity | undefined): {
  exemptions: Exemption[];
  problems: string[];
} {
  const raw = entity?.metadata.annotations?.[EXEMPTIONS_ANNOTATION];
  if (!raw) return { exemptions: [], problems: [] };
  let parsed: unknown;
  try {
    parsed = parse(raw);
  } catch (error) {
    return {
      exemptions: [],
      problems: [
        `${EXEMPTIONS_ANNOTATION}: not valid YAML: ${
          (error as Error).message.split('\n')[0]
        }`,
      ],
    };
  }
  if (!Array.isArray(parsed)) {
    return {
      exemptions: [],
      problems: [
        `${EXEMPTIONS_ANNOTATION}: must be a list of { check, reason, expires }`,
      ],
    };
  }
  const exemptions: Exemption[] = [];
  const problems: string[] = [];
  parsed.forEach((item, i) => {
    // The entity is the exemption's subject; an entityRef inside is ignored.
    const result = exemptionSchema.omit({ entityRef: true }).safeParse(item);
    if (result.success) {
      exemptions.push(result.data);
    } else {
      problems.push(
        `${EXEMPTIONS_ANNOTATION}[${i}]${describeExemptionIssue(
          result.error.issues[0],
        )}`,
      );
    }
  });
  return { exemptions, problems };
}

import type { Entity } from '@backstage/catalog-model';
import { parse } from 'yaml';
import type { Exemption } from './Exemption';

/**
 * Our annotation for exemptions: a YAML (or JSON) list of
 * `{ check, reason, expires }`.
 *
 * @public
 */
export const EXEMPTIONS_ANNOTATION = 'maturity.roadmap.dev/exemptions';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

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
    const e = item as Partial<Record<keyof Exemption, unknown>>;
    const expires =
      e?.expires instanceof Date
        ? e.expires.toISOString().slice(0, 10)
        : e?.expires;
    if (
      typeof e?.check !== 'string' ||
      typeof e.reason !== 'string' ||
      !e.reason.trim() ||
      typeof expires !== 'string' ||
      !DATE.test(expires)
    ) {
      problems.push(
        `${EXEMPTIONS_ANNOTATION}[${i}]: needs check, a non-empty reason and expires as YYYY-MM-DD`,
      );
      return;
    }
    exemptions.push({ check: e.check, reason: e.reason.trim(), expires });
  });
  return { exemptions, problems };
}

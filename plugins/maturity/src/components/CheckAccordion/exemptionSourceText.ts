import type {
  CheckResult,
  ExemptionRequest,
} from '@roadmap/plugin-maturity-common';
import { formatDay } from '../../campaigns/formatDay';

const short = (ref: string) => ref.replace(/^[a-z]+:default\//, '');

/**
 * Where an exemption comes from, in words: the entity's annotation,
 * app-config, or an approved request — by whom and on which day (the day
 * from the request, when the roadmap tab has it).
 */
export function exemptionSourceText(
  exemption: NonNullable<CheckResult['exemption']>,
  approvedRequest?: Pick<ExemptionRequest, 'decidedBy' | 'decidedAt'>,
): string | undefined {
  switch (exemption.source) {
    case 'annotation':
      return "from the entity's annotation";
    case 'config':
      return 'from app-config';
    case 'request': {
      const by = exemption.approvedBy ?? approvedRequest?.decidedBy;
      const on = approvedRequest?.decidedAt;
      return `approved request${by ? ` by ${short(by)}` : ''}${
        on ? ` on ${formatDay(on)}` : ''
      }`;
    }
    default:
      return undefined;
  }
}

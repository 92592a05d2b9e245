import { parseEntityRef } from '@backstage/catalog-model';
import type { CheckResult, NextStep } from '@roadmap/plugin-maturity-common';

/** The template that fixes any set of generated gaps. */
export const FIX_GAPS_TEMPLATE = 'template:default/maturity-fix-gaps';

/**
 * The scaffolder template that fixes a check: its own template when the
 * rubric names one, the generic "fix selected gaps" template when a generator
 * can write the fix, none otherwise (the docs link is the way then).
 */
export function fixItTemplateOf(
  check: Pick<CheckResult | NextStep, 'remediation'>,
): string | undefined {
  if (check.remediation?.template) return check.remediation.template;
  return check.remediation?.generator ? FIX_GAPS_TEMPLATE : undefined;
}

/**
 * The URL of a template's form, pre-filled (the scaffolder reads the
 * `formData` query parameter) with the entity and the checks to fix.
 */
export function fixItUrl(options: {
  templateRef: string;
  entityRef: string;
  checkIds: string[];
  resolveTemplatePath?: (params: {
    namespace: string;
    templateName: string;
  }) => string;
}): string {
  const { namespace, name } = parseEntityRef(options.templateRef, {
    defaultKind: 'template',
  });
  const params = { namespace, templateName: name };
  const base =
    options.resolveTemplatePath?.(params) ??
    `/create/templates/${encodeURIComponent(namespace)}/${encodeURIComponent(
      name,
    )}`;
  const formData = { entityRef: options.entityRef, checks: options.checkIds };
  return `${base}?${new URLSearchParams({
    formData: JSON.stringify(formData),
  })}`;
}

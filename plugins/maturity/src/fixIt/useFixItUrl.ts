import { useRouteRef } from '@backstage/frontend-plugin-api';
import { useCallback } from 'react';
import type { CheckResult, NextStep } from '@roadmap/plugin-maturity-common';
import { fixItTemplateRouteRef } from '../routes';
import { fixItTemplateOf, fixItUrl } from './fixItUrl';

// In an app of the legacy frontend system there is no route resolution for
// the new system's external routes: the scaffolder's default path is used.
function useTemplateRoute() {
  try {
    return useRouteRef(fixItTemplateRouteRef);
  } catch {
    return undefined;
  }
}

/**
 * "Fix it": the pre-filled template URL for some checks of an entity, or
 * undefined when no template can fix them.
 */
export function useFixItUrl(entityRef: string) {
  const resolve = useTemplateRoute();
  return useCallback(
    (checks: Pick<CheckResult | NextStep, 'checkId' | 'remediation'>[]) => {
      const templateRef = checks.map(fixItTemplateOf).find(Boolean);
      if (!templateRef) return undefined;
      return fixItUrl({
        templateRef,
        entityRef,
        checkIds: checks.map(c => c.checkId),
        resolveTemplatePath: resolve,
      });
    },
    [entityRef, resolve],
  );
}

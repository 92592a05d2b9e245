import {
  createExternalRouteRef,
  createRouteRef,
  createSubRouteRef,
  type SubRouteRef,
} from '@backstage/frontend-plugin-api';

/** The overview page, `/maturity`. */
export const rootRouteRef = createRouteRef();

/** One team's view of the roadmap, under the overview page. */
// Annotated: an inferred parameter type lists its keys in an order that
// varies between compilations, and the API report would flap.
export const teamRouteRef: SubRouteRef<{ namespace: string; name: string }> =
  createSubRouteRef({
    parent: rootRouteRef,
    path: '/team/:namespace/:name',
  });

/**
 * Where "Fix it" goes: a scaffolder template, by namespace and name. Bound to
 * the scaffolder's template page by default.
 */
export const fixItTemplateRouteRef = createExternalRouteRef({
  params: ['namespace', 'templateName'],
  defaultTarget: 'scaffolder.selectedTemplate',
});

/** The campaigns: a target, a date, progress and a forecast. */
export const campaignsRouteRef = createSubRouteRef({
  parent: rootRouteRef,
  path: '/campaigns',
});

/** One campaign's detail. */
export const campaignRouteRef = createSubRouteRef({
  parent: rootRouteRef,
  path: '/campaigns/:id',
});

/** Exemption requests, for approvers to decide. */
export const exemptionRequestsRouteRef = createSubRouteRef({
  parent: rootRouteRef,
  path: '/exemptions',
});

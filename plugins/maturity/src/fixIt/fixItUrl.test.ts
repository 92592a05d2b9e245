import { FIX_GAPS_TEMPLATE, fixItTemplateOf, fixItUrl } from './fixItUrl';

describe('fixItUrl', () => {
  it('pre-fills the template form with the entity and the checks', () => {
    const url = fixItUrl({
      templateRef: 'template:default/maturity-add-monitoring',
      entityRef: 'component:default/payments-api',
      checkIds: ['obs.alerts', 'obs.dashboards'],
    });
    const [path, query] = url.split('?');
    expect(path).toBe('/create/templates/default/maturity-add-monitoring');
    expect(JSON.parse(new URLSearchParams(query).get('formData')!)).toEqual({
      entityRef: 'component:default/payments-api',
      checks: ['obs.alerts', 'obs.dashboards'],
    });
  });

  it('uses the bound scaffolder route and escapes hostile names', () => {
    const url = fixItUrl({
      templateRef: 'template:team a/fix&gaps',
      entityRef: 'component:default/x"&y=1',
      checkIds: ['a&b'],
      resolveTemplatePath: p =>
        `/portal/create/${p.namespace}|${p.templateName}`,
    });
    expect(url.startsWith('/portal/create/team a|fix&gaps?formData=')).toBe(
      true,
    );
    const query = url.slice(url.indexOf('?') + 1);
    expect([...new URLSearchParams(query).keys()]).toEqual(['formData']);
    expect(
      JSON.parse(new URLSearchParams(query).get('formData')!).entityRef,
    ).toBe('component:default/x"&y=1');
  });

  it('picks the check’s template, else the generic one for generated fixes', () => {
    expect(
      fixItTemplateOf({ remediation: { template: 'template:default/t' } }),
    ).toBe('template:default/t');
    expect(fixItTemplateOf({ remediation: { generator: 'docs.readme' } })).toBe(
      FIX_GAPS_TEMPLATE,
    );
    expect(fixItTemplateOf({ remediation: { docs: 'https://x' } })).toBe(
      undefined,
    );
  });
});

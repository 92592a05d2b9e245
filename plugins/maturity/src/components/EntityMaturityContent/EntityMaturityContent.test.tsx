import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { MaturityApi } from '../../api/MaturityApi';
import {
  evaluatedScore,
  mockMaturityApi,
  testEntity,
} from '../../__testUtils__/mockMaturityApi';
import { renderWithMaturityApi } from '../../__testUtils__/renderWithMaturityApi';
import { EntityMaturityContent } from './EntityMaturityContent';

/**
 * Renders the tab and waits until it has settled: the roadmap, the trend
 * (fetched once the score is known) and the permission-gated "Score now"
 * (the permission mock allows). Waiting for less would let those updates
 * land after the test. The waits query text, which stays cheap on a page of
 * 50 checks where a role query costs up to a second on a loaded machine.
 */
async function renderTab(api: MaturityApi, options: { scored?: boolean } = {}) {
  renderWithMaturityApi(<EntityMaturityContent />, {
    api,
    entity: testEntity(),
  });
  if (options.scored ?? true) {
    await screen.findByText('Done', { selector: 'h2' });
    await screen.findByText(/^(No history yet|Scored once|Score \d+ on)/);
  }
  await screen.findByText('Score now');
}

const BRONZE_REPO_CHECKS = [
  'ci.pipeline',
  'ci.tests',
  'obs.health',
  'docs.readme',
  'infra.container',
];

// getByRole is slow on a page of 50 accordions: find a check's summary
// (role button) from its title instead.
function checkSummary(title: string): HTMLElement {
  return screen.getByText(title).closest('[role="button"]') as HTMLElement;
}

function fixUrlParts(href: string) {
  const url = new URL(href, 'http://portal');
  return {
    path: url.pathname,
    formData: JSON.parse(url.searchParams.get('formData')!),
  };
}

describe('EntityMaturityContent', () => {
  it('lays the roadmap out as done / next / later, each check with status as text', async () => {
    const score = evaluatedScore(BRONZE_REPO_CHECKS);
    const point = (scoredAt: string, value: number, level: string | null) => ({
      id: scoredAt,
      entityRef: score.entityRef,
      score: value,
      level,
      pillars: {},
      rubricHash: 'h',
      scoredAt,
    });
    await renderTab(
      mockMaturityApi({
        getScore: jest.fn(async () => score),
        getHistory: jest.fn(async () => [
          point('2026-09-01T00:00:00.000Z', 12, null),
          point('2026-11-24T10:00:00.000Z', 31, 'bronze'),
        ]),
      }),
    );

    const done = screen.getByRole('region', { name: /^Done/ });
    const next = screen.getByRole('region', { name: /^Next: / });
    const later = screen.getByRole('region', { name: /^Later/ });
    const titles = (region: HTMLElement, status: string) =>
      within(region)
        .queryAllByText(status)
        .map(el => el.closest('[role="button"]')?.textContent ?? '');

    // every check appears once, in the section of its level
    const applicable = score.detail.results.filter(
      r => r.status !== 'not-applicable',
    );
    const shown = [done, next, later].reduce(
      (n, region) =>
        n + within(region).queryAllByRole('button', { expanded: false }).length,
      0,
    );
    expect(shown).toBe(applicable.length);
    // passing repository checks are shown as "Pass", the rest of the
    // next level's repository checks as "Fail"
    const nextLevel = score.nextLevel;
    const failing = applicable.filter(
      r => r.level === nextLevel && r.status === 'fail',
    );
    expect(titles(next, 'Fail')).toHaveLength(failing.length);
    expect(within(next).queryAllByText('Unknown').length).toBe(
      applicable.filter(r => r.level === nextLevel && r.status === 'unknown')
        .length,
    );
    expect(
      screen.getByText(
        'Score 12 on 2026-09-01, 31 on 2026-11-24; level None → Bronze.',
      ),
    ).toBeInTheDocument();
  });

  it('shows a check’s evidence, why it matters, how to fix it and Fix it', async () => {
    const score = evaluatedScore(['ci.pipeline']);
    await renderTab(mockMaturityApi({ getScore: jest.fn(async () => score) }));
    const pipeline = score.detail.results.find(
      r => r.checkId === 'ci.pipeline',
    )!;
    await userEvent.click(screen.getByText(pipeline.title));
    const evidence = screen.getByRole('list', { name: 'Evidence' });
    expect(
      within(evidence).getByRole('link', {
        name: /^\.github\/workflows\/ci\.yml:12/,
      }),
    ).toHaveAttribute(
      'href',
      'https://github.com/roadmap-demo/payments-api/tree/main/.github/workflows/ci.yml#L12',
    );

    const tests = score.detail.results.find(r => r.checkId === 'ci.tests')!;
    await userEvent.click(checkSummary(tests.title));
    expect(screen.getByText(tests.description)).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: /^How to fix it/ }),
    ).toHaveAttribute('href', tests.remediation!.docs);
    const { path, formData } = fixUrlParts(
      screen
        .getByRole('link', { name: `Fix it: ${tests.title}` })
        .getAttribute('href')!,
    );
    expect(path).toBe('/create/templates/default/maturity-add-ci-pipeline');
    expect(formData).toEqual({
      entityRef: 'component:default/payments-api',
      checks: ['ci.tests'],
    });
  });

  it('fixes several selected gaps with one template run', async () => {
    const score = evaluatedScore(['ci.pipeline']);
    await renderTab(mockMaturityApi({ getScore: jest.fn(async () => score) }));
    await userEvent.click(
      screen.getByRole('checkbox', { name: /Select README to fix/ }),
    );
    await userEvent.click(
      screen.getByRole('checkbox', { name: /Select CODEOWNERS to fix/ }),
    );
    const { path, formData } = fixUrlParts(
      screen
        .getByRole('link', { name: 'Fix 2 selected' })
        .getAttribute('href')!,
    );
    expect(path).toBe('/create/templates/default/maturity-fix-gaps');
    expect(formData.checks).toEqual(['docs.readme', 'docs.codeowners']);
  });

  it('groups by pillar on request and shows exemptions with reason and expiry', async () => {
    const score = evaluatedScore(['ci.pipeline']);
    const readme = score.detail.results.find(r => r.checkId === 'docs.readme')!;
    readme.status = 'exempt';
    readme.exemption = {
      reason: 'Docs live in the wiki until Q1',
      expires: '2027-03-31T00:00:00.000Z',
    };
    await renderTab(mockMaturityApi({ getScore: jest.fn(async () => score) }));
    await userEvent.click(screen.getByRole('button', { name: 'By pillar' }));
    expect(screen.getByRole('region', { name: /^CI\/CD/ })).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: /^Done/ })).toBeNull();
    await userEvent.click(checkSummary(readme.title));
    expect(
      screen.getByText(/until 2027-03-31\s*: Docs live in the wiki until Q1/),
    ).toBeInTheDocument();
  });

  it('exports the Markdown roadmap report', async () => {
    const score = evaluatedScore([]);
    const api = mockMaturityApi({
      getScore: jest.fn(async () => score),
      getEntityReport: jest.fn(async () => '# payments-api roadmap\n'),
    });
    const createObjectURL = jest.fn(() => 'blob:report');
    Object.assign(URL, { createObjectURL, revokeObjectURL: jest.fn() });
    await renderTab(api);
    await userEvent.click(
      screen.getByRole('button', { name: 'Export roadmap (Markdown)' }),
    );
    expect(api.getEntityReport).toHaveBeenCalledWith(
      'component:default/payments-api',
    );
    // the download starts once the report has arrived
    await waitFor(() => expect(createObjectURL).toHaveBeenCalledTimes(1));
    const blob = (createObjectURL.mock.calls[0] as unknown[])[0] as Blob;
    expect(await blob.text()).toBe('# payments-api roadmap\n');
  });

  it('explains an unscored service', async () => {
    await renderTab(
      mockMaturityApi({ getScore: jest.fn(async () => undefined) }),
      { scored: false },
    );
    expect(screen.getByText(/has not been scored yet/)).toBeInTheDocument();
  });
});

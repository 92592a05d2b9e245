import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Entity } from '@backstage/catalog-model';
import type { MaturityApi } from '../../api/MaturityApi';
import {
  evaluatedScore,
  mockMaturityApi,
  testEntity,
} from '../../__testUtils__/mockMaturityApi';
import { renderWithMaturityApi } from '../../__testUtils__/renderWithMaturityApi';
import { EntityMaturityCard } from './EntityMaturityCard';

function renderCard(
  api: MaturityApi,
  options: { entity?: Entity; canRefresh?: boolean } = {},
) {
  return renderWithMaturityApi(<EntityMaturityCard />, {
    api,
    entity: options.entity ?? testEntity(),
    permission: options.canRefresh
      ? AuthorizeResult.ALLOW
      : AuthorizeResult.DENY,
  });
}

describe('EntityMaturityCard', () => {
  it('shows score, level progress, pillar bars and three next steps with Fix it', async () => {
    const score = evaluatedScore(['ci.pipeline', 'docs.readme']);
    renderCard(mockMaturityApi({ getScore: jest.fn(async () => score) }));

    expect(await screen.findByLabelText('Score')).toHaveTextContent(
      String(Math.round(score.score)),
    );
    expect(screen.getByText('No level yet')).toBeInTheDocument();
    expect(screen.getByText(/% of the way to Bronze/)).toBeInTheDocument();
    expect(screen.getByRole('progressbar', { name: 'CI/CD' })).toHaveAttribute(
      'aria-valuenow',
      String(Math.round(score.pillars.cicd)),
    );

    const steps = within(screen.getByRole('list', { name: 'Next steps' }));
    const items = steps.getAllByRole('listitem');
    expect(items).toHaveLength(3);
    const first = score.detail.nextSteps[0];
    expect(items[0]).toHaveTextContent(first.title);
    const fix = steps.getByRole('link', { name: `Fix it: ${first.title}` });
    const url = new URL(fix.getAttribute('href')!, 'http://portal');
    expect(url.pathname).toMatch(/^\/create\/templates\/default\/maturity-/);
    expect(JSON.parse(url.searchParams.get('formData')!)).toEqual({
      entityRef: 'component:default/payments-api',
      checks: [first.checkId],
    });
    expect(steps.getAllByText('Quick win').length).toBeGreaterThan(0);
    // a source that was down is named, with what it means
    expect(
      screen.getByText(/Unavailable when last scored: prometheus/),
    ).toBeInTheDocument();
    expect(screen.getByText(/^Scored/)).toBeInTheDocument();
  });

  it('offers "Score now" on an unscored service to those allowed, and shows the result', async () => {
    // usePermission caches decisions per request: another entity than the
    // other tests' keeps this test's ALLOW from being answered from cache
    const entity = testEntity('ledger-worker');
    const score = evaluatedScore(['ci.pipeline'], entity);
    const api = mockMaturityApi({
      getScore: jest
        .fn()
        .mockResolvedValueOnce(undefined)
        .mockResolvedValueOnce(score),
      refreshScore: jest.fn(async () => score),
    });
    renderCard(api, { canRefresh: true, entity });
    expect(
      await screen.findByText(/has not been scored yet/),
    ).toBeInTheDocument();
    await userEvent.click(
      await screen.findByRole('button', { name: 'Score now' }),
    );
    expect(api.refreshScore).toHaveBeenCalledWith(
      'component:default/ledger-worker',
    );
    expect(await screen.findByLabelText('Score')).toBeInTheDocument();
  });

  it('has no refresh button for callers without the permission', async () => {
    renderCard(mockMaturityApi({ getScore: jest.fn(async () => undefined) }));
    expect(
      await screen.findByText(/has not been scored yet/),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Score now' })).toBeNull();
  });

  it('shows the backend’s error', async () => {
    renderCard(
      mockMaturityApi({
        getScore: jest.fn(async () => {
          throw new Error('maturity backend unavailable');
        }),
      }),
    );
    expect(
      (await screen.findAllByText(/maturity backend unavailable/))[0],
    ).toBeInTheDocument();
    expect(screen.queryByLabelText('Score')).toBeNull();
  });

  it('says when the rubric does not apply to the entity’s kind', async () => {
    const api = mockMaturityApi({ getScore: jest.fn(async () => undefined) });
    renderCard(api, {
      entity: { ...testEntity(), kind: 'API' },
    });
    const message = await screen.findByText(
      /no checks for a API: it scores .+ entities/,
    );
    // The default rubric scores Components and, in their own right,
    // Systems, Domains and Groups.
    for (const kind of ['Component', 'System', 'Domain', 'Group']) {
      expect(message).toHaveTextContent(kind);
    }
    expect(message).not.toHaveTextContent(/scores.*API/);
  });
});

import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  evaluatedScore,
  mockMaturityApi,
  testEntity,
} from '../../__testUtils__/mockMaturityApi';
import { renderWithMaturityApi } from '../../__testUtils__/renderWithMaturityApi';
import { EntityMaturityContent } from './EntityMaturityContent';

// A file of its own: usePermission caches decisions per permission and
// entity for the module's lifetime, so a test denying what others allow
// must not share the module with them.
describe('EntityMaturityContent for someone who may not ask for exemptions', () => {
  it('offers no "Request exemption"', async () => {
    const score = evaluatedScore(['ci.pipeline']);
    renderWithMaturityApi(<EntityMaturityContent />, {
      api: mockMaturityApi({ getScore: jest.fn(async () => score) }),
      entity: testEntity(),
      permission: AuthorizeResult.DENY,
    });
    await screen.findByText('Done', { selector: 'h2' });
    await screen.findByText(/^(No history yet|Scored once|Score \d+ on)/);
    await userEvent.click(
      screen.getByText('Secret scanning').closest('[role="button"]')!,
    );
    expect(await screen.findByText('How to fix it')).toBeInTheDocument();
    expect(screen.queryByText('Request exemption')).toBeNull();
  });
});

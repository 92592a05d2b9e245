import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/frontend-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import Typography from '@mui/material/Typography';
import useAsync from 'react-use/esm/useAsync';
import { maturityApiRef } from '../../api/MaturityApi';
import { useRubric } from '../../hooks/useRubric';
import { useTeamPath } from '../../hooks/useTeamPath';
import { EntityOwnScore } from '../EntityOwnScore';
import { TeamServicesTable } from '../TeamServicesTable';

/**
 * The maturity card of a Group page: the group's own score and checks (over
 * the services of the team and its sub-teams), then the team's services and
 * their levels at a glance, with a link to the team's roadmap view.
 *
 * @public
 */
export function GroupMaturityCard() {
  const { entity } = useEntity();
  const groupRef = stringifyEntityRef(entity);
  const api = useApi(maturityApiRef);
  const teamPath = useTeamPath();
  const rubric = useRubric();
  const rollup = useAsync(() => api.getGroupRollup(groupRef), [api, groupRef]);

  let body: JSX.Element;
  const error = rubric.error ?? rollup.error;
  if (rubric.loading || rollup.loading) body = <Progress />;
  else if (error) body = <ResponseErrorPanel error={error} />;
  else {
    const { services, summary } = rollup.value!;
    const { levels } = rubric.value!;
    body =
      services.length === 0 ? (
        <Typography>
          No scored service is owned by this team yet. Services appear here once
          they are in the catalog with this team as owner and have been scored.
        </Typography>
      ) : (
        <>
          <Typography variant="body2" paragraph>
            {summary.count} services, average score{' '}
            {summary.averageScore ?? '—'}.{' '}
            {[...levels]
              .reverse()
              .map(l => `${summary.levels[l.id] ?? 0} ${l.title}`)
              .join(', ')}
            , {summary.levels.none ?? 0} without a level.
          </Typography>
          <TeamServicesTable services={services} levels={levels} />
        </>
      );
  }
  return (
    <InfoCard
      title="Roadmap maturity"
      deepLink={{ title: 'Team roadmap view', link: teamPath(groupRef) }}
    >
      <EntityOwnScore />
      <Typography variant="h6" component="h3" sx={{ mt: 2 }}>
        Services
      </Typography>
      {body}
    </InfoCard>
  );
}

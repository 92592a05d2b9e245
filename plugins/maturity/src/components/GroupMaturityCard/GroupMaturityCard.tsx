import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/frontend-plugin-api';
import { EntityRefLink, useEntity } from '@backstage/plugin-catalog-react';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import useAsync from 'react-use/esm/useAsync';
import { maturityApiRef } from '../../api/MaturityApi';
import { useTeamPath } from '../../hooks/useTeamPath';
import { LevelBadge } from '../LevelBadge';

/**
 * The maturity card of a Group page: the team's services and their levels
 * at a glance, with a link to the team's roadmap view.
 *
 * @public
 */
export function GroupMaturityCard() {
  const { entity } = useEntity();
  const groupRef = stringifyEntityRef(entity);
  const api = useApi(maturityApiRef);
  const teamPath = useTeamPath();
  const data = useAsync(
    async () => Promise.all([api.getGroupRollup(groupRef), api.getRubric()]),
    [api, groupRef],
  );

  let body: JSX.Element;
  if (data.loading) body = <Progress />;
  else if (data.error) body = <ResponseErrorPanel error={data.error} />;
  else {
    const [rollup, rubric] = data.value!;
    const levelTitle = (id: string | null) =>
      rubric.levels.find(l => l.id === id)?.title;
    body =
      rollup.services.length === 0 ? (
        <Typography>
          No scored service is owned by this team yet. Services appear here once
          they are in the catalog with this team as owner and have been scored.
        </Typography>
      ) : (
        <>
          <Typography variant="body2" paragraph>
            {rollup.summary.count} services, average score{' '}
            {rollup.summary.averageScore ?? '—'}.{' '}
            {[...rubric.levels]
              .reverse()
              .map(l => `${rollup.summary.levels[l.id] ?? 0} ${l.title}`)
              .join(', ')}
            , {rollup.summary.levels.none ?? 0} without a level.
          </Typography>
          <Table size="small" aria-label="Services of the team">
            <TableHead>
              <TableRow>
                <TableCell>Service</TableCell>
                <TableCell>Level</TableCell>
                <TableCell align="right">Score</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {rollup.services.map(s => (
                <TableRow key={s.entityRef}>
                  <TableCell>
                    <EntityRefLink entityRef={s.entityRef} title={s.title} />
                  </TableCell>
                  <TableCell>
                    <LevelBadge level={s.level} title={levelTitle(s.level)} />
                  </TableCell>
                  <TableCell align="right">{Math.round(s.score)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </>
      );
  }
  return (
    <InfoCard
      title="Roadmap maturity"
      deepLink={{ title: 'Team roadmap view', link: teamPath(groupRef) }}
    >
      {body}
    </InfoCard>
  );
}

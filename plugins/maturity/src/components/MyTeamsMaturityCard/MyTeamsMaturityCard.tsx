import { Link, Progress, ResponseErrorPanel } from '@backstage/core-components';
import { parseEntityRef } from '@backstage/catalog-model';
import { identityApiRef, useApi } from '@backstage/frontend-plugin-api';
import Box from '@mui/material/Box';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import useAsync from 'react-use/esm/useAsync';
import { maturityApiRef } from '../../api/MaturityApi';
import { useOverviewPath } from '../../hooks/useOverviewPath';
import { useRubric } from '../../hooks/useRubric';
import { useTeamPath } from '../../hooks/useTeamPath';
import { LevelDistribution } from '../LevelDistribution';
import { timeAgo } from '../ScoredAt';

/** The caller's teams, and how their services sit at each level. */
function useMyTeams() {
  const identity = useApi(identityApiRef);
  const api = useApi(maturityApiRef);
  return useAsync(async () => {
    const { ownershipEntityRefs } = await identity.getBackstageIdentity();
    const groups = ownershipEntityRefs.filter(
      ref => parseEntityRef(ref).kind.toLocaleLowerCase('en-US') === 'group',
    );
    if (groups.length === 0) return { teams: [], lastScoredAt: undefined };
    const [teams, latest] = await Promise.all([
      Promise.all(
        groups.map(async group => ({
          group,
          counts: await api.getLevelDistribution({ owner: [group] }),
        })),
      ),
      api.listScores({
        owner: groups,
        orderBy: 'scoredAt',
        order: 'desc',
        limit: 1,
      }),
    ]);
    const top = latest.items[0];
    return {
      teams: teams.filter(t =>
        Object.values(t.counts).some(count => count > 0),
      ),
      lastScoredAt: top ? top.confirmedAt ?? top.scoredAt : undefined,
    };
  }, [identity, api]);
}

/**
 * The home page card: for each team the signed-in user belongs to, how
 * many of its services are at each level, each team linking to its roadmap
 * view, and when they were last scored.
 *
 * @public
 */
export function MyTeamsMaturityCard() {
  const rubric = useRubric();
  const mine = useMyTeams();
  const teamPath = useTeamPath();
  const overview = useOverviewPath();
  if (rubric.loading || mine.loading) return <Progress />;
  const error = rubric.error ?? mine.error;
  if (error) return <ResponseErrorPanel error={error} />;
  const { teams, lastScoredAt } = mine.value!;
  if (teams.length === 0) {
    return (
      <Typography variant="body2">
        None of your teams owns a scored service yet. The{' '}
        <Link to={overview}>maturity overview</Link> shows every service.
      </Typography>
    );
  }
  return (
    <Stack gap={2} component="ul" sx={{ m: 0, p: 0, listStyle: 'none' }}>
      {teams.map(team => {
        const name = parseEntityRef(team.group).name;
        const total = Object.values(team.counts).reduce((a, b) => a + b, 0);
        return (
          <Box component="li" key={team.group}>
            <Typography variant="subtitle2" component="h3">
              <Link to={teamPath(team.group)}>{name}</Link>: {total} services
            </Typography>
            <LevelDistribution
              counts={team.counts}
              levels={rubric.value!.levels}
            />
          </Box>
        );
      })}
      {lastScoredAt && (
        <Typography variant="caption" color="text.secondary" component="li">
          Last scored {timeAgo(lastScoredAt)} ·{' '}
          <Link to={overview}>all services</Link>
        </Typography>
      )}
    </Stack>
  );
}

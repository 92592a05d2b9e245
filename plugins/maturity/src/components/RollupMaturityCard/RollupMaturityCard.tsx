import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/frontend-plugin-api';
import { EntityRefLink, useEntity } from '@backstage/plugin-catalog-react';
import Box from '@mui/material/Box';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import Typography from '@mui/material/Typography';
import type { Level, ScoreSummary } from '@roadmap/plugin-maturity-common';
import useAsync from 'react-use/esm/useAsync';
import { maturityApiRef } from '../../api/MaturityApi';
import { useRubric } from '../../hooks/useRubric';
import { EntityOwnScore } from '../EntityOwnScore';
import { LevelBadge } from '../LevelBadge';
import { LevelDistribution } from '../LevelDistribution';

// Enough for a card; the overview filtered by system lists them all.
const MAX_CHILDREN = 100;

/** What a System's or a Domain's children are (both linked by `partOf`). */
const CHILD_KIND: Record<string, { kind: string; plural: string }> = {
  system: { kind: 'Component', plural: 'Components' },
  domain: { kind: 'System', plural: 'Systems' },
};

function ChildLevels(props: {
  children: ScoreSummary[];
  totalCount: number;
  plural: string;
  levels: Pick<Level, 'id' | 'title'>[];
}) {
  const { children, levels, plural } = props;
  const counts: Record<string, number> = {};
  for (const c of children) {
    counts[c.level ?? 'none'] = (counts[c.level ?? 'none'] ?? 0) + 1;
  }
  if (children.length === 0) {
    return (
      <Typography variant="body2">
        None of its {plural.toLocaleLowerCase('en-US')} has been scored yet.
      </Typography>
    );
  }
  return (
    <Box>
      <LevelDistribution counts={counts} levels={levels} />
      <List dense aria-label={plural} disablePadding>
        {children.map(c => (
          <ListItem
            key={c.entityRef}
            disableGutters
            sx={{ display: 'flex', justifyContent: 'space-between', gap: 1 }}
          >
            <EntityRefLink entityRef={c.entityRef} title={c.title} />
            <LevelBadge
              level={c.level}
              title={levels.find(l => l.id === c.level)?.title}
            />
          </ListItem>
        ))}
      </List>
      {props.totalCount > children.length && (
        <Typography variant="caption">
          The first {children.length} of {props.totalCount}.
        </Typography>
      )}
    </Box>
  );
}

/**
 * The maturity card of a System or Domain page: the entity's own score,
 * level and checks, and the levels of its children (a System's Components,
 * a Domain's Systems) with a link to each.
 *
 * @public
 */
export function RollupMaturityCard() {
  const { entity } = useEntity();
  const entityRef = stringifyEntityRef(entity);
  const api = useApi(maturityApiRef);
  const rubric = useRubric();
  const child = CHILD_KIND[entity.kind.toLocaleLowerCase('en-US')] ?? {
    kind: 'Component',
    plural: 'Components',
  };
  const children = useAsync(
    () =>
      api.listScores({
        system: [entityRef],
        kind: [child.kind],
        orderBy: 'name',
        order: 'asc',
        limit: MAX_CHILDREN,
      }),
    [api, entityRef, child.kind],
  );

  let rollup: JSX.Element;
  if (rubric.loading || children.loading) rollup = <Progress />;
  else if (rubric.error || children.error) {
    rollup = <ResponseErrorPanel error={(rubric.error ?? children.error)!} />;
  } else {
    rollup = (
      <ChildLevels
        children={children.value!.items}
        totalCount={children.value!.totalCount}
        plural={child.plural}
        levels={rubric.value!.levels}
      />
    );
  }
  return (
    <InfoCard title="Roadmap maturity">
      <EntityOwnScore />
      <Typography variant="h6" component="h3" sx={{ mt: 2 }}>
        {child.plural}
      </Typography>
      {rollup}
    </InfoCard>
  );
}

import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import type { Level } from '@roadmap/plugin-maturity-common';
import useAsync from 'react-use/esm/useAsync';
import { maturityApiRef } from '../../api/MaturityApi';
import { ScoreTrendChart } from '../ScoreTrendChart';

/**
 * The service's score and level over time. Fetched again for each new
 * snapshot, so that "Score now" shows up in the trend.
 */
export function TrendCard(props: {
  entityRef: string;
  snapshotId: string;
  /** When the current score was last confirmed. */
  confirmedAt?: string;
  levels: Pick<Level, 'id' | 'title'>[];
}) {
  const api = useApi(maturityApiRef);
  const { entityRef, snapshotId } = props;
  const history = useAsync(
    () => api.getHistory(entityRef),
    [api, entityRef, snapshotId],
  );
  return (
    <InfoCard title="Trend">
      {history.loading && <Progress />}
      {history.error && <ResponseErrorPanel error={history.error} />}
      {history.value && (
        <ScoreTrendChart
          history={history.value}
          levels={props.levels}
          until={props.confirmedAt}
        />
      )}
    </InfoCard>
  );
}

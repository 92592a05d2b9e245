import { useApi } from '@backstage/frontend-plugin-api';
import {
  Content,
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import Typography from '@mui/material/Typography';
import useAsync from 'react-use/esm/useAsync';
import { maturityApiRef } from '../../api/MaturityApi';
import { RubricOverview } from '../RubricOverview';

/**
 * The maturity overview page at `/maturity`.
 *
 * @public
 */
export function MaturityPage() {
  const maturityApi = useApi(maturityApiRef);
  const {
    value: rubric,
    loading,
    error,
  } = useAsync(() => maturityApi.getRubric(), [maturityApi]);

  return (
    <Content>
      <Typography variant="h4" component="h1" gutterBottom>
        Roadmap Maturity
      </Typography>
      <Typography variant="body1" paragraph>
        Every service in the catalog is measured against this roadmap: each
        pillar asks more of a service at each level, and a service reaches a
        level when it meets that level's checks and all lower levels' checks.
      </Typography>
      {loading && <Progress />}
      {error && <ResponseErrorPanel error={error} />}
      {rubric && (
        <InfoCard title="The roadmap rubric" noPadding>
          <RubricOverview rubric={rubric} />
        </InfoCard>
      )}
    </Content>
  );
}

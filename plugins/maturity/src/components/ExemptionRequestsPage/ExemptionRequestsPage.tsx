import {
  Content,
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import Grid from '@mui/material/Grid';
import Typography from '@mui/material/Typography';
import {
  type ExemptionRequest,
  maturityExemptionApprovePermission,
} from '@roadmap/plugin-maturity-common';
import { useState } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { maturityApiRef } from '../../api/MaturityApi';
import { todayIso } from '../../campaigns/formatDay';
import { useRubric } from '../../hooks/useRubric';
import { MaturityNav } from '../MaturityNav';
import { type Decision, DecisionDialog } from './DecisionDialog';
import { ExemptionRequestsTable } from './ExemptionRequestsTable';

/**
 * Exemption requests (`/maturity/exemptions`): those waiting for a
 * decision, with Approve and Deny for approvers; the approved ones in
 * force, with Revoke; and the past decisions — who, when and why.
 *
 * @public
 */
export function ExemptionRequestsPage() {
  const api = useApi(maturityApiRef);
  const rubric = useRubric();
  const approve = usePermission({
    permission: maturityExemptionApprovePermission,
  });
  const requests = useAsyncRetry(() => api.listExemptionRequests(), [api]);
  const [deciding, setDeciding] = useState<{
    request: ExemptionRequest;
    decision: Decision;
  }>();
  const today = todayIso();

  const checkTitle = (id: string) =>
    rubric.value?.checks.find(c => c.id === id)?.title ?? id;
  const all = requests.value ?? [];
  const waiting = all.filter(r => r.status === 'requested');
  const inForce = all.filter(
    r => r.status === 'approved' && r.expires >= today,
  );
  const past = all.filter(r => !waiting.includes(r) && !inForce.includes(r));
  const may = approve.allowed;

  let body: JSX.Element;
  if (requests.loading || rubric.loading) {
    body = <Progress />;
  } else if (requests.error) {
    body = <ResponseErrorPanel error={requests.error} />;
  } else {
    body = (
      <Grid container spacing={3}>
        <Grid item xs={12}>
          <InfoCard
            title="Waiting for a decision"
            subheader={`${waiting.length} requests`}
          >
            {waiting.length === 0 ? (
              <Typography>
                No request waits for a decision. Service owners ask for an
                exemption from a failing check on their service&apos;s Roadmap
                tab.
              </Typography>
            ) : (
              <ExemptionRequestsTable
                label="Requests waiting for a decision"
                requests={waiting}
                checkTitle={checkTitle}
                decisions={may ? ['approve', 'deny'] : []}
                onDecide={(request, decision) =>
                  setDeciding({ request, decision })
                }
              />
            )}
          </InfoCard>
        </Grid>
        <Grid item xs={12}>
          <InfoCard
            title="Approved, in force"
            subheader={`${inForce.length} exemptions`}
          >
            {inForce.length === 0 ? (
              <Typography>No approved exemption is in force.</Typography>
            ) : (
              <ExemptionRequestsTable
                label="Approved exemptions in force"
                requests={inForce}
                checkTitle={checkTitle}
                decisions={may ? ['revoke'] : []}
                onDecide={(request, decision) =>
                  setDeciding({ request, decision })
                }
              />
            )}
          </InfoCard>
        </Grid>
        {past.length > 0 && (
          <Grid item xs={12}>
            <InfoCard title="Decided" subheader="Denied, revoked and expired">
              <ExemptionRequestsTable
                label="Decided requests"
                requests={past}
                checkTitle={checkTitle}
                decisions={[]}
                onDecide={() => {}}
              />
            </InfoCard>
          </Grid>
        )}
      </Grid>
    );
  }

  return (
    <Content>
      <Typography variant="h4" component="h1" gutterBottom>
        Exemption requests
      </Typography>
      <MaturityNav current="exemptions" />
      <Typography paragraph>
        A service owner asks to waive a check for a while, with a reason; an
        approver decides. Approved exemptions count as met until they expire,
        and the roadmap shows who approved them.
        {!may &&
          !approve.loading &&
          ' Deciding needs the permission maturity.exemption.approve.'}
      </Typography>
      {body}
      {deciding && (
        <DecisionDialog
          request={deciding.request}
          decision={deciding.decision}
          checkTitle={checkTitle(deciding.request.checkId)}
          onClose={() => setDeciding(undefined)}
          onDecided={() => {
            setDeciding(undefined);
            requests.retry();
          }}
        />
      )}
    </Content>
  );
}

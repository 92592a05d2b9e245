import {
  Content,
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import Typography from '@mui/material/Typography';
import {
  type CampaignInput,
  maturityCampaignCreatePermission,
  maturityCampaignUpdatePermission,
} from '@roadmap/plugin-maturity-common';
import { useState } from 'react';
import { Link as RouterLink, useNavigate, useParams } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { maturityApiRef } from '../../api/MaturityApi';
import { campaignToDraft, emptyDraft } from '../../campaigns/campaignDraft';
import { todayIso } from '../../campaigns/formatDay';
import { useCampaignPaths } from '../../hooks/useCampaignPaths';
import { useRubric } from '../../hooks/useRubric';
import { CampaignForm } from '../CampaignForm';
import { MaturityNav } from '../MaturityNav';

function isConflict(error: unknown): boolean {
  return (error as { statusCode?: number })?.statusCode === 409;
}

/**
 * A new campaign (`campaigns/new`) or a change to one (`campaigns/:id/edit`):
 * the form, sent to the API with the version read, so that a change someone
 * else saved meanwhile is not overwritten (409: reload).
 *
 * @public
 */
export function CampaignEditorPage() {
  const { id } = useParams();
  const isNew = !id;
  const api = useApi(maturityApiRef);
  const navigate = useNavigate();
  const paths = useCampaignPaths();
  const rubric = useRubric();
  const facets = useAsync(() => api.getFacets(), [api]);
  const permission = usePermission({
    permission: isNew
      ? maturityCampaignCreatePermission
      : maturityCampaignUpdatePermission,
  });
  const campaign = useAsyncRetry(
    async () => (id ? api.getCampaign(id) : undefined),
    [api, id],
  );
  const [error, setError] = useState<Error>();
  // a reload starts the form again from what is stored now
  const [formKey, setFormKey] = useState(0);

  const save = async (input: CampaignInput) => {
    setError(undefined);
    try {
      const saved =
        isNew || !campaign.value
          ? await api.createCampaign(input)
          : await api.updateCampaign(
              campaign.value.id,
              campaign.value.version,
              input,
            );
      navigate(paths.campaign(saved.id));
    } catch (e) {
      setError(e as Error);
    }
  };
  const reload = () => {
    setError(undefined);
    campaign.retry();
    setFormKey(k => k + 1);
  };

  const title = isNew
    ? 'New campaign'
    : `Edit ${campaign.value?.title ?? 'campaign'}`;
  let body: JSX.Element;
  if (rubric.loading || campaign.loading || permission.loading) {
    body = <Progress />;
  } else if (rubric.error || campaign.error) {
    body = <ResponseErrorPanel error={(rubric.error ?? campaign.error)!} />;
  } else if (!permission.allowed) {
    body = (
      <Typography>
        You may not {isNew ? 'create' : 'change'} campaigns: ask for{' '}
        <code>
          {isNew ? 'maturity.campaign.create' : 'maturity.campaign.update'}
        </code>
        .
      </Typography>
    );
  } else if (campaign.value?.source === 'config') {
    body = (
      <Typography>
        This campaign is declared in app-config (<code>maturity.campaigns</code>
        ) and is read-only here: change it where it is kept as code.
      </Typography>
    );
  } else {
    body = (
      <CampaignForm
        key={formKey}
        initial={
          campaign.value
            ? campaignToDraft(campaign.value)
            : emptyDraft(todayIso())
        }
        isNew={isNew}
        rubric={rubric.value!}
        facets={facets.value}
        submitLabel={isNew ? 'Create campaign' : 'Save changes'}
        onSubmit={save}
        onCancel={() => navigate(isNew ? paths.list : paths.campaign(id!))}
        error={error}
        errorMessage={
          isConflict(error) ? (
            <Alert
              severity="warning"
              action={<Button onClick={reload}>Reload</Button>}
            >
              This campaign was changed by someone else since you opened it —
              reload to see their changes (yours are not saved).
            </Alert>
          ) : undefined
        }
      />
    );
  }

  return (
    <Content>
      <Typography variant="h4" component="h1" gutterBottom>
        {title}
      </Typography>
      <MaturityNav current="campaigns" />
      {isNew && (
        <Typography paragraph>
          Have a roadmap document already?{' '}
          <Link component={RouterLink} to={`${paths.list}/import`}>
            Import it
          </Link>{' '}
          and review the phases proposed from it.
        </Typography>
      )}
      <InfoCard title={isNew ? 'Campaign' : 'Change the campaign'}>
        {body}
      </InfoCard>
    </Content>
  );
}

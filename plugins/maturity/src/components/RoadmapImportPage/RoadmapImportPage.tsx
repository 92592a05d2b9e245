import {
  Content,
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import UploadIcon from '@material-ui/icons/CloudUpload';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import {
  type CampaignInput,
  maturityCampaignCreatePermission,
  type RoadmapImportResponse,
} from '@roadmap/plugin-maturity-common';
import { type ChangeEvent, type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import { maturityApiRef } from '../../api/MaturityApi';
import {
  type CampaignDraft,
  emptyDraft,
  phaseToDraft,
} from '../../campaigns/campaignDraft';
import { todayIso } from '../../campaigns/formatDay';
import { useCampaignPaths } from '../../hooks/useCampaignPaths';
import { useRubric } from '../../hooks/useRubric';
import { readTextFile } from '../../upload/readTextFile';
import { CampaignForm } from '../CampaignForm';
import { MaturityNav } from '../MaturityNav';
import { ImportReview } from './ImportReview';

function proposalToDraft(
  result: RoadmapImportResponse,
  startsOn: string,
): CampaignDraft {
  return {
    ...emptyDraft(startsOn),
    title: result.proposal.title,
    description: result.proposal.description ?? '',
    phases: result.proposal.phases.map(({ items: _items, ...phase }) =>
      phaseToDraft(phase),
    ),
  };
}

/**
 * "Import roadmap" (`campaigns/import`): paste or upload a Markdown roadmap;
 * the backend proposes phases from its headings, order and dates, with the
 * checks its items map to and every item it could not map; the author
 * reviews the proposal, edits it in the campaign form, and creates it.
 *
 * @public
 */
export function RoadmapImportPage() {
  const api = useApi(maturityApiRef);
  const navigate = useNavigate();
  const paths = useCampaignPaths();
  const rubric = useRubric();
  const facets = useAsync(() => api.getFacets(), [api]);
  const create = usePermission({
    permission: maturityCampaignCreatePermission,
  });
  const [markdown, setMarkdown] = useState('');
  const [fileName, setFileName] = useState<string>();
  const [startsOn, setStartsOn] = useState(todayIso());
  const [importing, setImporting] = useState(false);
  const [result, setResult] = useState<RoadmapImportResponse>();
  const [importError, setImportError] = useState<Error>();
  const [saveError, setSaveError] = useState<Error>();
  const [attempt, setAttempt] = useState(0);

  const upload = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    if (!file) return;
    try {
      setMarkdown(await readTextFile(file));
      setFileName(file.name);
    } catch (error) {
      setImportError(error as Error);
    }
  };
  const propose = async (e: FormEvent) => {
    e.preventDefault();
    setImporting(true);
    setImportError(undefined);
    try {
      setResult(await api.importRoadmap({ markdown, startsOn }));
      setAttempt(a => a + 1);
    } catch (error) {
      setImportError(error as Error);
    } finally {
      setImporting(false);
    }
  };
  const save = async (input: CampaignInput) => {
    setSaveError(undefined);
    try {
      const saved = await api.createCampaign(input);
      navigate(paths.campaign(saved.id));
    } catch (error) {
      setSaveError(error as Error);
    }
  };

  let body: JSX.Element;
  if (rubric.loading || create.loading) {
    body = <Progress />;
  } else if (rubric.error) {
    body = <ResponseErrorPanel error={rubric.error} />;
  } else if (!create.allowed) {
    body = (
      <Typography>
        You may not create campaigns: ask for{' '}
        <code>maturity.campaign.create</code>.
      </Typography>
    );
  } else {
    body = (
      <>
        <InfoCard title="Roadmap document">
          <Box
            component="form"
            onSubmit={propose}
            aria-label="Roadmap document"
          >
            <Typography paragraph>
              Paste a roadmap in Markdown — phases, weeks, priorities,
              checklists, tables — or upload the file. The phases are proposed
              from its headings, order and dates; you review them before
              anything is saved.
            </Typography>
            <TextField
              label="Roadmap (Markdown)"
              multiline
              minRows={8}
              maxRows={20}
              fullWidth
              value={markdown}
              onChange={e => {
                setMarkdown(e.target.value);
                setFileName(undefined);
              }}
              helperText={fileName ? `From ${fileName}` : undefined}
              sx={{ mb: 2 }}
            />
            <Box
              sx={{
                display: 'flex',
                gap: 2,
                alignItems: 'center',
                flexWrap: 'wrap',
              }}
            >
              <Button
                component="label"
                variant="outlined"
                startIcon={<UploadIcon />}
              >
                Upload a Markdown file
                <input
                  hidden
                  type="file"
                  accept=".md,.markdown,.txt,text/markdown,text/plain"
                  onChange={upload}
                />
              </Button>
              <TextField
                label="Starts on"
                type="date"
                size="small"
                value={startsOn}
                onChange={e => setStartsOn(e.target.value)}
                InputLabelProps={{ shrink: true }}
                helperText="Phase due dates are proposed from it"
              />
              <Button
                type="submit"
                variant="contained"
                disabled={importing || !markdown.trim() || !startsOn}
              >
                {importing ? 'Reading…' : 'Propose a campaign'}
              </Button>
            </Box>
            {importError && <ResponseErrorPanel error={importError} />}
          </Box>
        </InfoCard>
        {result && (
          <Box sx={{ mt: 3 }}>
            <InfoCard title="What the import found">
              <ImportReview result={result} rubric={rubric.value!} />
            </InfoCard>
            <Box sx={{ mt: 3 }}>
              <InfoCard title="Review and create">
                <Typography paragraph>
                  Choose the team that runs it and the services it is about,
                  adjust phases and dates, then create it (untick Published to
                  keep it a draft).
                </Typography>
                <CampaignForm
                  key={attempt}
                  initial={proposalToDraft(result, startsOn)}
                  isNew
                  rubric={rubric.value!}
                  facets={facets.value}
                  submitLabel="Create campaign"
                  onSubmit={save}
                  onCancel={() => navigate(paths.list)}
                  error={saveError}
                />
              </InfoCard>
            </Box>
          </Box>
        )}
      </>
    );
  }

  return (
    <Content>
      <Typography variant="h4" component="h1" gutterBottom>
        Import a roadmap
      </Typography>
      <MaturityNav current="campaigns" />
      {body}
    </Content>
  );
}

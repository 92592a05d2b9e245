import { ResponseErrorPanel } from '@backstage/core-components';
import Add from '@material-ui/icons/Add';
import Alert from '@mui/material/Alert';
import Autocomplete from '@mui/material/Autocomplete';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type {
  CampaignInput,
  CampaignIssue,
  Rubric,
  ScoreFacetsResponse,
} from '@roadmap/plugin-maturity-common';
import { type FormEvent, useRef, useState } from 'react';
import {
  type CampaignDraft,
  draftToInput,
  emptyPhase,
} from '../../campaigns/campaignDraft';
import { campaignIssues } from '../../campaigns/campaignIssues';
import { todayIso } from '../../campaigns/formatDay';
import { fieldLabel, issuesByPath } from '../../campaigns/issueMessages';
import { useCatalogChoices } from '../../hooks/useCatalogChoices';
import { PhaseFields } from './PhaseFields';
import { ScopeFields } from './ScopeFields';

/**
 * The campaign form: title, owner, description, scope, ordered phases,
 * start and whether it is published. Validated with the API's own rules
 * (`validateCampaign`) before it is sent: each field shows its message,
 * and a summary above the buttons lists them all.
 *
 * @public
 */
export function CampaignForm(props: {
  initial: CampaignDraft;
  isNew: boolean;
  rubric: Rubric;
  facets?: ScoreFacetsResponse;
  submitLabel: string;
  onSubmit: (input: CampaignInput) => Promise<void>;
  onCancel?: () => void;
  /** Why the last submission failed, from the API. */
  error?: Error;
  /** Shown instead of `error`, e.g. the 409's "reload". */
  errorMessage?: JSX.Element;
}) {
  const [draft, setDraft] = useState(props.initial);
  const [issues, setIssues] = useState<CampaignIssue[]>();
  const [saving, setSaving] = useState(false);
  const summary = useRef<HTMLDivElement>(null);
  const choices = useCatalogChoices();
  const options = {
    rubric: props.rubric,
    today: todayIso(),
    isNew: props.isNew,
  };
  const byPath = issuesByPath(issues ?? []);

  const change = (next: CampaignDraft) => {
    setDraft(next);
    // once a submission showed the issues, they follow the edits
    if (issues) setIssues(campaignIssues(next, options));
  };
  const setPhases = (phases: CampaignDraft['phases']) =>
    change({ ...draft, phases });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const found = campaignIssues(draft, options);
    setIssues(found);
    if (found.length > 0) {
      setTimeout(() => summary.current?.focus());
      return;
    }
    setSaving(true);
    try {
      await props.onSubmit(draftToInput(draft));
    } finally {
      setSaving(false);
    }
  };

  const groups = choices.value?.groups ?? [];
  const groupRefs = groups.map(g => g.ref);
  const ownerOptions =
    draft.owner && !groupRefs.includes(draft.owner)
      ? [...groupRefs, draft.owner]
      : groupRefs;
  const groupTitle = (ref: string) =>
    groups.find(g => g.ref === ref)?.title ??
    ref.replace(/^group:default\//, '');

  return (
    <Box component="form" noValidate onSubmit={submit} aria-label="Campaign">
      <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 2, mb: 2 }}>
        <TextField
          label="Title"
          size="small"
          value={draft.title}
          onChange={e => change({ ...draft, title: e.target.value })}
          error={byPath.has('title')}
          helperText={byPath.get('title')}
          required
          sx={{ minWidth: 360, flex: 2 }}
        />
        <Autocomplete
          size="small"
          options={ownerOptions}
          value={draft.owner || null}
          getOptionLabel={groupTitle}
          loading={choices.loading}
          onChange={(_, owner) => change({ ...draft, owner: owner ?? '' })}
          sx={{ minWidth: 260, flex: 1 }}
          renderInput={params => (
            <TextField
              {...params}
              label="Owner (the team running it)"
              required
              error={byPath.has('owner')}
              helperText={byPath.get('owner')}
            />
          )}
        />
        <TextField
          label="Starts on"
          type="date"
          size="small"
          value={draft.startsOn}
          onChange={e => change({ ...draft, startsOn: e.target.value })}
          error={byPath.has('startsOn')}
          helperText={byPath.get('startsOn')}
          InputLabelProps={{ shrink: true }}
          required
        />
      </Box>
      <TextField
        label="Description"
        size="small"
        multiline
        minRows={2}
        fullWidth
        value={draft.description}
        onChange={e => change({ ...draft, description: e.target.value })}
        error={byPath.has('description')}
        helperText={byPath.get('description')}
        sx={{ mb: 2 }}
      />
      <ScopeFields
        scope={draft.scope}
        onChange={scope => change({ ...draft, scope })}
        facets={props.facets}
        groups={groups}
        systems={choices.value?.systems}
        issues={byPath}
      />
      <Typography variant="h6" component="h3" sx={{ mb: 1 }}>
        Phases
      </Typography>
      <Typography variant="body2" color="text.secondary" paragraph>
        In order of their due dates; each asks every service in scope to reach a
        level or to pass a set of checks.
      </Typography>
      {byPath.has('phases') && (
        <Typography color="error" variant="body2" paragraph>
          {byPath.get('phases')}
        </Typography>
      )}
      {draft.phases.map((phase, i) => (
        <PhaseFields
          key={i}
          index={i}
          count={draft.phases.length}
          phase={phase}
          rubric={props.rubric}
          issues={byPath}
          onChange={p =>
            setPhases(draft.phases.map((q, j) => (j === i ? p : q)))
          }
          onMove={by => {
            const phases = [...draft.phases];
            [phases[i], phases[i + by]] = [phases[i + by], phases[i]];
            setPhases(phases);
          }}
          onRemove={() => setPhases(draft.phases.filter((_, j) => j !== i))}
        />
      ))}
      <Button
        startIcon={<Add />}
        onClick={() =>
          setPhases([...draft.phases, emptyPhase(props.rubric.levels[0]?.id)])
        }
        disabled={draft.phases.length >= 20}
        sx={{ mb: 2 }}
      >
        Add phase
      </Button>
      <Box>
        <FormControlLabel
          control={
            <Checkbox
              checked={draft.published}
              onChange={e => change({ ...draft, published: e.target.checked })}
            />
          }
          label="Published: scheduled until it starts, then active (a draft is seen by no team)"
        />
      </Box>
      {issues && issues.length > 0 && (
        <Alert
          severity="error"
          ref={summary}
          tabIndex={-1}
          sx={{ my: 2 }}
          aria-label="The campaign cannot be saved yet"
        >
          <Typography variant="body2" sx={{ fontWeight: 700 }}>
            {issues.length === 1
              ? 'One thing to fix'
              : `${issues.length} things to fix`}
          </Typography>
          <Box component="ul" sx={{ m: 0, pl: 2 }}>
            {issues.map(issue => (
              <li key={`${issue.path}:${issue.message}`}>
                {fieldLabel(issue.path)}: {issue.message}
              </li>
            ))}
          </Box>
        </Alert>
      )}
      {props.errorMessage ??
        (props.error && <ResponseErrorPanel error={props.error} />)}
      <Box sx={{ display: 'flex', gap: 1, mt: 2 }}>
        <Button type="submit" variant="contained" disabled={saving}>
          {saving ? 'Saving…' : props.submitLabel}
        </Button>
        {props.onCancel && <Button onClick={props.onCancel}>Cancel</Button>}
      </Box>
    </Box>
  );
}

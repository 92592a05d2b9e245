import { ResponseError } from '@backstage/errors';
import { useApi } from '@backstage/frontend-plugin-api';
import Add from '@material-ui/icons/Add';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import type {
  Rubric,
  RubricDryRunResponse,
} from '@roadmap/plugin-maturity-common';
import { useRef, useState } from 'react';
import { maturityApiRef } from '../../api/MaturityApi';
import { DryRunResults } from './DryRunResults';
import { WhatIfChangeFields, weightProblem } from './WhatIfChangeFields';
import {
  unchangedCheck,
  type WhatIfChange,
  whatIfOverrides,
} from './whatIfOverrides';

function messageOf(error: unknown): string {
  // The backend's 400 names the bad key; show its message, not the status.
  if (error instanceof ResponseError) return error.body.error.message;
  return error instanceof Error ? error.message : String(error);
}

/**
 * "What if": propose changes to checks (level, weight, whether they count)
 * and see, before anything changes, how many services would sit at each
 * level and which would move — computed by the backend from the facts it
 * stored at the last refresh, for the services the viewer may see.
 *
 * @public
 */
export function RubricWhatIfPanel(props: { rubric: Rubric }) {
  const { rubric } = props;
  const api = useApi(maturityApiRef);
  const nextKey = useRef(0);
  const [changes, setChanges] = useState<WhatIfChange[]>([]);
  const [running, setRunning] = useState(false);
  const [result, setResult] = useState<RubricDryRunResponse>();
  const [error, setError] = useState<string>();

  const overrides = whatIfOverrides(rubric, changes);
  const proposed = overrides.checks?.length ?? 0;
  const invalid = changes.some(c => c.enabled && weightProblem(c.weight));

  // A result describes the changes it was run with; editing them clears it.
  const edit = (next: WhatIfChange[]) => {
    setChanges(next);
    setResult(undefined);
    setError(undefined);
  };
  const add = () => {
    nextKey.current += 1;
    edit([
      ...changes,
      unchangedCheck(rubric, rubric.checks[0]?.id ?? '', nextKey.current),
    ]);
  };
  const run = async () => {
    setRunning(true);
    setError(undefined);
    try {
      setResult(await api.dryRunRubric(overrides));
    } catch (e) {
      setResult(undefined);
      setError(messageOf(e));
    } finally {
      setRunning(false);
    }
  };

  return (
    <Box
      component="section"
      aria-labelledby="maturity-what-if-title"
      sx={{ p: 2 }}
    >
      <Typography id="maturity-what-if-title" variant="h6" component="h3">
        What if…
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        Try a change to the rubric before proposing it: pick checks, change
        their level or weight or stop counting them, and see which services
        would change level. Computed from the facts stored at the last refresh;
        nothing is changed.
      </Typography>
      {changes.map((change, i) => (
        <WhatIfChangeFields
          key={change.key}
          index={i}
          change={change}
          rubric={rubric}
          onChange={c => edit(changes.map(x => (x.key === c.key ? c : x)))}
          onRemove={() => edit(changes.filter(x => x.key !== change.key))}
        />
      ))}
      <Box sx={{ display: 'flex', gap: 2, alignItems: 'center', mb: 2 }}>
        <Button variant="outlined" startIcon={<Add />} onClick={add}>
          Add a change
        </Button>
        <Button
          variant="contained"
          onClick={run}
          disabled={running || proposed === 0 || invalid}
        >
          {running ? 'Running…' : 'Run the what-if'}
        </Button>
        {changes.length > 0 && proposed === 0 && (
          <Typography variant="body2" color="text.secondary">
            Change a level, a weight or whether a check counts to run it.
          </Typography>
        )}
      </Box>
      <Box aria-live="polite">
        {error && (
          <Alert severity="error" sx={{ mb: 2 }}>
            The what-if could not run: {error}
          </Alert>
        )}
        {result && <DryRunResults result={result} />}
      </Box>
    </Box>
  );
}

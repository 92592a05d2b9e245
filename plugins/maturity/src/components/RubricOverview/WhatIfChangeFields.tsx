import Delete from '@material-ui/icons/Delete';
import Autocomplete from '@mui/material/Autocomplete';
import Box from '@mui/material/Box';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import IconButton from '@mui/material/IconButton';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { Rubric } from '@roadmap/plugin-maturity-common';
import { unchangedCheck, type WhatIfChange } from './whatIfOverrides';

/** Why a typed weight cannot be proposed, if it cannot. */
export function weightProblem(weight: string): string | undefined {
  const n = Number(weight);
  if (weight.trim() === '' || !Number.isFinite(n) || n < 0 || n > 10) {
    return 'A number from 0 to 10';
  }
  return undefined;
}

/**
 * One change of the "What if" form, in its own labelled group: the check
 * (typed to search, grouped by pillar), then its proposed level, weight and
 * whether it counts at all. Picking a check fills in what it has now.
 */
export function WhatIfChangeFields(props: {
  index: number;
  change: WhatIfChange;
  rubric: Rubric;
  onChange: (change: WhatIfChange) => void;
  onRemove: () => void;
}) {
  const { index, change, rubric } = props;
  const n = index + 1;
  const legendId = `what-if-change-${change.key}`;
  const pillarTitle = new Map(rubric.pillars.map(p => [p.id, p.title]));
  const checks = new Map(rubric.checks.map(c => [c.id, c]));
  const current = checks.get(change.checkId);
  // Grouped by pillar, in the rubric's pillar order (the groups must be
  // contiguous), checks in rubric order within each.
  const pillarOrder = new Map(rubric.pillars.map((p, i) => [p.id, i]));
  const options = rubric.checks
    .map((c, i) => ({ id: c.id, pillar: pillarOrder.get(c.pillar) ?? -1, i }))
    .sort((a, b) => a.pillar - b.pillar || a.i - b.i)
    .map(o => o.id);
  const set = (fields: Partial<WhatIfChange>) =>
    props.onChange({ ...change, ...fields });
  const weightError = change.enabled ? weightProblem(change.weight) : undefined;
  return (
    <Paper
      variant="outlined"
      component="fieldset"
      aria-labelledby={legendId}
      sx={{ p: 2, mb: 2, mx: 0 }}
    >
      <Box sx={{ display: 'flex', alignItems: 'center', mb: 1 }}>
        <Typography id={legendId} variant="subtitle2" sx={{ flex: 1 }}>
          Change {n}
          {current ? `: ${current.title}` : ''}
        </Typography>
        <IconButton
          aria-label={`Remove change ${n}`}
          onClick={props.onRemove}
          size="small"
        >
          <Delete fontSize="small" />
        </IconButton>
      </Box>
      <Box
        sx={{
          display: 'flex',
          flexWrap: 'wrap',
          gap: 2,
          alignItems: 'flex-start',
        }}
      >
        <Autocomplete
          size="small"
          disableClearable
          options={options}
          value={change.checkId}
          groupBy={id =>
            pillarTitle.get(checks.get(id)?.pillar ?? '') ?? 'Other'
          }
          getOptionLabel={id => checks.get(id)?.title ?? id}
          // Keyed by id: titles repeat across kinds (e.g. "Owned by a team").
          renderOption={(optionProps, id) => (
            <li {...optionProps} key={id}>
              {checks.get(id)?.title ?? id}
            </li>
          )}
          onChange={(_, id) => {
            if (id) props.onChange(unchangedCheck(rubric, id, change.key));
          }}
          sx={{ minWidth: 300, flex: 1 }}
          renderInput={params => <TextField {...params} label="Check" />}
        />
        <TextField
          select
          size="small"
          label="Level"
          value={change.level}
          onChange={e => set({ level: e.target.value })}
          disabled={!change.enabled}
          sx={{ minWidth: 140 }}
        >
          {rubric.levels.map(l => (
            <MenuItem key={l.id} value={l.id}>
              {l.title}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          size="small"
          type="number"
          label="Weight"
          value={change.weight}
          onChange={e => set({ weight: e.target.value })}
          disabled={!change.enabled}
          error={Boolean(weightError)}
          helperText={
            weightError ?? (current ? `Now ${current.weight}` : undefined)
          }
          // "Now 10" stays readable (AA contrast) while the field is off.
          FormHelperTextProps={{
            sx: { '&.Mui-disabled': { color: 'text.secondary' } },
          }}
          inputProps={{ min: 0, max: 10, step: 1 }}
          sx={{ width: 120 }}
        />
        <FormControlLabel
          control={
            <Checkbox
              checked={change.enabled}
              onChange={e => set({ enabled: e.target.checked })}
            />
          }
          label="Counts (enabled)"
        />
      </Box>
    </Paper>
  );
}

import ArrowDownward from '@material-ui/icons/ArrowDownward';
import ArrowUpward from '@material-ui/icons/ArrowUpward';
import Delete from '@material-ui/icons/Delete';
import Box from '@mui/material/Box';
import FormControlLabel from '@mui/material/FormControlLabel';
import IconButton from '@mui/material/IconButton';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { Rubric } from '@roadmap/plugin-maturity-common';
import type { PhaseDraft } from '../../campaigns/campaignDraft';
import { issueAt } from '../../campaigns/issueMessages';
import { ListField } from './ListField';

/**
 * One phase of the campaign form: its title, due date and target — a level
 * of the rubric, or checks picked by their titles — and optionally the day
 * its checks start to count. Moved and removed with labelled buttons.
 */
export function PhaseFields(props: {
  index: number;
  count: number;
  phase: PhaseDraft;
  rubric: Rubric;
  issues: Map<string, string>;
  onChange: (phase: PhaseDraft) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
}) {
  const { index, phase, rubric, issues } = props;
  const at = `phases[${index}]`;
  const n = index + 1;
  const set = (change: Partial<PhaseDraft>) =>
    props.onChange({ ...phase, ...change });
  const pillarTitle = new Map(rubric.pillars.map(p => [p.id, p.title]));
  const levelTitle = new Map(rubric.levels.map(l => [l.id, l.title]));
  const checkOptions = rubric.checks.map(c => ({
    value: c.id,
    label: c.title,
    group: `${pillarTitle.get(c.pillar) ?? c.pillar}`,
  }));
  const legendId = `campaign-phase-${index}`;
  const date = { InputLabelProps: { shrink: true } };
  return (
    <Paper
      variant="outlined"
      component="fieldset"
      aria-labelledby={legendId}
      sx={{ p: 2, mb: 2, mx: 0 }}
    >
      <Box sx={{ display: 'flex', alignItems: 'center', mb: 1 }}>
        <Typography id={legendId} variant="subtitle1" sx={{ flex: 1 }}>
          Phase {n}
        </Typography>
        <IconButton
          aria-label={`Move phase ${n} up`}
          disabled={index === 0}
          onClick={() => props.onMove(-1)}
          size="small"
        >
          <ArrowUpward fontSize="small" />
        </IconButton>
        <IconButton
          aria-label={`Move phase ${n} down`}
          disabled={index === props.count - 1}
          onClick={() => props.onMove(1)}
          size="small"
        >
          <ArrowDownward fontSize="small" />
        </IconButton>
        <IconButton
          aria-label={`Remove phase ${n}`}
          disabled={props.count === 1}
          onClick={props.onRemove}
          size="small"
        >
          <Delete fontSize="small" />
        </IconButton>
      </Box>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 2, mb: 2 }}>
        <TextField
          size="small"
          label="Phase title"
          value={phase.title}
          onChange={e => set({ title: e.target.value })}
          error={issues.has(`${at}.title`)}
          helperText={issues.get(`${at}.title`)}
          sx={{ minWidth: 260, flex: 1 }}
          required
        />
        <TextField
          size="small"
          type="date"
          label="Due date"
          value={phase.dueDate}
          onChange={e => set({ dueDate: e.target.value })}
          error={issues.has(`${at}.dueDate`)}
          helperText={issues.get(`${at}.dueDate`)}
          required
          {...date}
        />
        <TextField
          size="small"
          type="date"
          label="Counts from (optional)"
          value={phase.enabledFrom}
          onChange={e => set({ enabledFrom: e.target.value })}
          error={issues.has(`${at}.enabledFrom`)}
          helperText={
            issues.get(`${at}.enabledFrom`) ??
            'Before this day its checks show as upcoming'
          }
          {...date}
        />
      </Box>
      <Box
        sx={{
          display: 'flex',
          flexWrap: 'wrap',
          gap: 2,
          alignItems: 'flex-start',
        }}
      >
        <RadioGroup
          row
          aria-label={`Phase ${n} target`}
          value={phase.targetType}
          onChange={e =>
            set({ targetType: e.target.value as PhaseDraft['targetType'] })
          }
        >
          <FormControlLabel value="level" control={<Radio />} label="A level" />
          <FormControlLabel value="checks" control={<Radio />} label="Checks" />
        </RadioGroup>
        {phase.targetType === 'level' ? (
          <TextField
            select
            size="small"
            label="Level"
            value={phase.level}
            onChange={e => set({ level: e.target.value })}
            error={Boolean(issueAt(issues, `${at}.target`))}
            helperText={issueAt(issues, `${at}.target`)}
            sx={{ minWidth: 180 }}
          >
            {rubric.levels.map(l => (
              <MenuItem key={l.id} value={l.id}>
                {l.title}
              </MenuItem>
            ))}
          </TextField>
        ) : (
          <ListField
            label="Checks"
            values={phase.checks}
            options={checkOptions}
            onChange={checks => set({ checks })}
            error={issueAt(issues, `${at}.target`)}
            helperText={`${phase.checks.length} checks; levels: ${
              [
                ...new Set(
                  phase.checks.map(id => {
                    const check = rubric.checks.find(c => c.id === id);
                    return levelTitle.get(check?.level ?? '') ?? '?';
                  }),
                ),
              ].join(', ') || '—'
            }`}
            minWidth={420}
          />
        )}
      </Box>
    </Paper>
  );
}

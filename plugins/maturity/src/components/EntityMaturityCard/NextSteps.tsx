import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Typography from '@mui/material/Typography';
import type { NextStep, Rubric } from '@roadmap/plugin-maturity-common';
import { useFixItUrl } from '../../fixIt/useFixItUrl';

/** The next steps of a service, each with "Fix it" when a template can. */
export function NextSteps(props: {
  steps: NextStep[];
  entityRef: string;
  rubric: Rubric;
}) {
  const fixItUrl = useFixItUrl(props.entityRef);
  const levelTitle = (id: string) =>
    props.rubric.levels.find(l => l.id === id)?.title ?? id;
  if (props.steps.length === 0) {
    return (
      <Typography variant="body2">
        Nothing left to do on this roadmap: every check passes.
      </Typography>
    );
  }
  return (
    <List dense disablePadding aria-label="Next steps">
      {props.steps.map(step => {
        const url = fixItUrl([step]);
        return (
          <ListItem
            key={step.checkId}
            disableGutters
            secondaryAction={
              url && (
                <Button
                  size="small"
                  variant="outlined"
                  href={url}
                  aria-label={`Fix it: ${step.title}`}
                >
                  Fix it
                </Button>
              )
            }
          >
            <ListItemText
              primary={
                <>
                  {step.title}
                  {step.quickWin && (
                    <Chip
                      size="small"
                      label="Quick win"
                      color="success"
                      variant="outlined"
                      sx={{ ml: 1 }}
                    />
                  )}
                </>
              }
              secondary={`${levelTitle(step.level)} · effort ${step.effort}${
                step.status === 'unknown' ? ' · not yet known' : ''
              }`}
              sx={{ pr: 10 }}
            />
          </ListItem>
        );
      })}
    </List>
  );
}

import { useApi } from '@backstage/core-plugin-api';
import { Progress } from '@backstage/core-components';
import type { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import Accordion from '@mui/material/Accordion';
import AccordionDetails from '@mui/material/AccordionDetails';
import AccordionSummary from '@mui/material/AccordionSummary';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Typography from '@mui/material/Typography';
import { useEffect } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { remediationPlanApiRef } from './RemediationPlanApi';

/** Options of the review field in a template's `ui:options`. */
export interface MaturityGapsReviewOptions {
  entityRefField?: string;
  checksField?: string;
}

/**
 * `ui:field: MaturityGapsReview`: before anything is opened, what the pull
 * request will contain — every file with its diff (or its content, when new)
 * and the checks it cannot fix with the reason. Its value is the pull
 * request's title once the plan has loaded, so the step cannot be passed
 * with a plan that changes nothing.
 */
export function MaturityGapsReview(
  props: FieldExtensionComponentProps<string, MaturityGapsReviewOptions>,
) {
  const { onChange, uiSchema } = props;
  const options = uiSchema?.['ui:options'] ?? {};
  const form = (props.formContext?.formData ?? {}) as Record<string, unknown>;
  const entityRef = form[options.entityRefField ?? 'entityRef'] as
    | string
    | undefined;
  const checks =
    (form[options.checksField ?? 'checks'] as string[] | undefined) ?? [];
  const api = useApi(remediationPlanApiRef);
  const key = JSON.stringify([entityRef, checks]);

  const state = useAsync(async () => {
    if (!entityRef) return undefined;
    return api.plan({ entityRef, checks });
    // `key` stands for both.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, key]);

  useEffect(() => {
    const plan = state.value;
    onChange(
      plan && plan.files.length > 0 ? plan.pullRequest.title : undefined,
    );
  }, [state.value, onChange]);

  if (!entityRef)
    return <Alert severity="info">Choose the service first.</Alert>;
  if (state.loading) return <Progress />;
  if (state.error)
    return (
      <Alert severity="error">
        Could not plan the changes: {state.error.message}
      </Alert>
    );
  const plan = state.value!;
  return (
    <Box>
      <Typography variant="h6">{plan.pullRequest.title}</Typography>
      {plan.files.length === 0 && (
        <Alert severity="warning">
          Nothing to change: no pull request would be opened.
        </Alert>
      )}
      <Typography variant="subtitle1" sx={{ mt: 2 }}>
        Files ({plan.files.length})
      </Typography>
      {plan.files.map(file => (
        <Accordion key={file.path} disableGutters>
          <AccordionSummary
            aria-label={`${file.action === 'create' ? 'Adds' : 'Updates'} ${
              file.path
            }`}
          >
            <Chip
              size="small"
              label={file.action === 'create' ? 'new' : 'edit'}
              sx={{ mr: 1 }}
            />
            <Typography component="span" sx={{ fontFamily: 'monospace' }}>
              {file.path}
            </Typography>
          </AccordionSummary>
          <AccordionDetails>
            <Typography variant="body2" sx={{ mb: 1 }}>
              {file.description}
            </Typography>
            <Box
              component="pre"
              sx={{ overflow: 'auto', maxHeight: 400, fontSize: 12, m: 0 }}
            >
              {file.diff ?? file.content}
            </Box>
          </AccordionDetails>
        </Accordion>
      ))}
      {plan.skipped.length > 0 && (
        <>
          <Typography variant="subtitle1" sx={{ mt: 2 }}>
            Not fixed ({plan.skipped.length})
          </Typography>
          <List dense aria-label="Checks not fixed">
            {plan.skipped.map(s => (
              <ListItem key={s.id}>
                <ListItemText primary={s.id} secondary={s.reason} />
              </ListItem>
            ))}
          </List>
        </>
      )}
      {plan.unvalidated.length > 0 && (
        <Alert severity="warning" sx={{ mt: 2 }}>
          Not validated on this backend: {plan.unvalidated.join('; ')}
        </Alert>
      )}
    </Box>
  );
}

/** The review must have loaded a plan that changes something. */
export function validateReview(
  value: string | undefined,
  validation: { addError(message: string): void },
) {
  if (!value)
    validation.addError('There is nothing to open a pull request for.');
}

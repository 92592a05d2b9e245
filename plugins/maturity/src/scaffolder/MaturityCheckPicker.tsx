import { useApi } from '@backstage/core-plugin-api';
import { Progress } from '@backstage/core-components';
import type { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import Alert from '@mui/material/Alert';
import Checkbox from '@mui/material/Checkbox';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormGroup from '@mui/material/FormGroup';
import FormHelperText from '@mui/material/FormHelperText';
import FormLabel from '@mui/material/FormLabel';
import Typography from '@mui/material/Typography';
import { useEffect } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { maturityApiRef } from '../api/MaturityApi';
import { remediableChecks } from './remediableChecks';

/** Options of the check picker in a template's `ui:options`. */
export interface MaturityCheckPickerOptions {
  /** The form field holding the entity ref; default `entityRef`. */
  entityRefField?: string;
}

/**
 * `ui:field: MaturityCheckPicker`: the service's failing checks that a
 * pull request can fix, by title, to tick. Checks named in the form data
 * (Fix it's link) start ticked.
 */
export function MaturityCheckPicker(
  props: FieldExtensionComponentProps<string[], MaturityCheckPickerOptions>,
) {
  const { formData, onChange, schema, uiSchema, rawErrors, required } = props;
  const field = uiSchema?.['ui:options']?.entityRefField ?? 'entityRef';
  const entityRef = (props.formContext?.formData as Record<string, unknown>)?.[
    field
  ] as string | undefined;
  const api = useApi(maturityApiRef);
  const selected = formData ?? [];

  const state = useAsync(async () => {
    if (!entityRef) return undefined;
    const [score, rubric] = await Promise.all([
      api.getScore(entityRef),
      api.getRubric(),
    ]);
    return remediableChecks(score?.detail.results ?? [], rubric, selected);
    // The requested checks only matter on the first load.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, entityRef]);

  // Nothing requested: offer every fixable gap ticked.
  useEffect(() => {
    if (state.value && formData === undefined)
      onChange(state.value.map(c => c.id));
  }, [state.value, formData, onChange]);

  const title = schema.title ?? 'Checks to fix';
  if (!entityRef)
    return <Alert severity="info">Choose the service first.</Alert>;
  if (state.loading) return <Progress />;
  if (state.error)
    return (
      <Alert severity="error">
        Could not read the service's score: {state.error.message}
      </Alert>
    );
  const checks = state.value ?? [];
  if (checks.length === 0)
    return (
      <Alert severity="success">
        {entityRef} has no failing check that a pull request can fix.
      </Alert>
    );
  const toggle = (id: string) =>
    onChange(
      selected.includes(id)
        ? selected.filter(c => c !== id)
        : [...selected, id],
    );
  return (
    <FormControl
      component="fieldset"
      required={required}
      error={!!rawErrors?.length}
    >
      <FormLabel component="legend">{title}</FormLabel>
      <FormGroup>
        {checks.map(check => (
          <FormControlLabel
            key={check.id}
            control={
              <Checkbox
                checked={selected.includes(check.id)}
                onChange={() => toggle(check.id)}
              />
            }
            label={
              <>
                <Typography component="span">{check.title}</Typography>{' '}
                <Typography
                  component="span"
                  variant="body2"
                  color="text.secondary"
                >
                  ({check.id}) — {check.message}
                </Typography>
              </>
            }
          />
        ))}
      </FormGroup>
      {schema.description && (
        <FormHelperText>{schema.description}</FormHelperText>
      )}
    </FormControl>
  );
}

/** At least one check must be chosen. */
export function validateCheckSelection(
  value: string[] | undefined,
  validation: { addError(message: string): void },
) {
  if (!value || value.length === 0)
    validation.addError('Choose at least one check to fix.');
}

import Autocomplete from '@mui/material/Autocomplete';
import TextField from '@mui/material/TextField';

/** A value a list field suggests, with what people call it. */
export interface ListOption {
  value: string;
  label: string;
  group?: string;
}

/**
 * Several values picked from suggestions; with `freeSolo`, values not
 * suggested may be typed too (Enter, or leaving the field, adds them).
 */
export function ListField(props: {
  label: string;
  values: string[];
  options: ListOption[];
  onChange: (values: string[]) => void;
  freeSolo?: boolean;
  error?: string;
  helperText?: string;
  minWidth?: number;
}) {
  const byValue = new Map(props.options.map(o => [o.value, o]));
  const optionValues = props.options.map(o => o.value);
  const grouped = props.options.some(o => o.group);
  return (
    <Autocomplete
      multiple
      freeSolo={props.freeSolo}
      autoSelect={props.freeSolo}
      size="small"
      options={optionValues}
      value={props.values}
      filterSelectedOptions
      groupBy={grouped ? v => byValue.get(v)?.group ?? '' : undefined}
      getOptionLabel={v => byValue.get(v)?.label ?? v}
      onChange={(_, values) =>
        props.onChange(
          [...new Set(values.map(v => String(v).trim()))].filter(Boolean),
        )
      }
      sx={{ minWidth: props.minWidth ?? 240, flex: 1 }}
      renderInput={params => (
        <TextField
          {...params}
          label={props.label}
          error={Boolean(props.error)}
          helperText={props.error ?? props.helperText}
        />
      )}
    />
  );
}

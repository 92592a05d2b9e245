import Autocomplete from '@mui/material/Autocomplete';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import type {
  ScoreFacetsResponse,
  ScoreListQuery,
} from '@roadmap/plugin-maturity-common';
import { useEffect, useState } from 'react';

type ListKey = 'owner' | 'system' | 'kind' | 'type' | 'lifecycle' | 'level';

const FILTERS: {
  key: ListKey;
  label: string;
  facet: keyof ScoreFacetsResponse;
}[] = [
  { key: 'owner', label: 'Owner', facet: 'owners' },
  { key: 'system', label: 'System', facet: 'systems' },
  { key: 'kind', label: 'Kind', facet: 'kinds' },
  { key: 'type', label: 'Type', facet: 'types' },
  { key: 'lifecycle', label: 'Lifecycle', facet: 'lifecycles' },
  { key: 'level', label: 'Level', facet: 'levels' },
];

function optionLabel(
  key: ListKey,
  value: string,
  levelTitles: Record<string, string>,
): string {
  if (key !== 'level') return value.replace(/^[a-z]+:default\//, '');
  if (value === 'none') return 'No level yet';
  return levelTitles[value] ?? value;
}

/**
 * The overview's filters. Every choice is written to the URL by the caller,
 * so a filtered view can be bookmarked and shared in a roadmap review.
 *
 * @public
 */
export function ScoreFilters(props: {
  query: ScoreListQuery;
  facets?: ScoreFacetsResponse;
  levelTitles: Record<string, string>;
  onChange(change: Partial<ScoreListQuery>): void;
}) {
  const { query, facets, onChange } = props;
  const [text, setText] = useState(query.text ?? '');
  useEffect(() => setText(query.text ?? ''), [query.text]);
  useEffect(() => {
    if ((query.text ?? '') === text) return undefined;
    const timer = setTimeout(() => onChange({ text: text || undefined }), 300);
    return () => clearTimeout(timer);
  }, [text, query.text, onChange]);

  return (
    <Stack
      direction="row"
      flexWrap="wrap"
      gap={2}
      sx={{ mb: 2 }}
      role="search"
      aria-label="Filter services"
    >
      <TextField
        size="small"
        label="Search services"
        value={text}
        onChange={e => setText(e.target.value)}
        sx={{ minWidth: 220 }}
      />
      {FILTERS.map(f => {
        const options = [
          ...(facets?.[f.facet] ?? []),
          ...(f.key === 'level' ? ['none'] : []),
        ];
        return (
          <Autocomplete
            key={f.key}
            multiple
            size="small"
            options={options}
            value={query[f.key] ?? []}
            getOptionLabel={o => optionLabel(f.key, o, props.levelTitles)}
            onChange={(_e, value) =>
              onChange({ [f.key]: value.length ? value : undefined })
            }
            renderInput={params => <TextField {...params} label={f.label} />}
            sx={{ minWidth: 180 }}
          />
        );
      })}
    </Stack>
  );
}

import Box from '@mui/material/Box';
import FormHelperText from '@mui/material/FormHelperText';
import Typography from '@mui/material/Typography';
import type {
  CampaignScope,
  ScoreFacetsResponse,
} from '@roadmap/plugin-maturity-common';
import type { CatalogChoice } from '../../hooks/useCatalogChoices';
import { issueAt } from '../../campaigns/issueMessages';
import { ListField, type ListOption } from './ListField';

const plain = (values: string[] = []): ListOption[] =>
  values.map(v => ({ value: v, label: v }));

const refs = (choices: CatalogChoice[] = []): ListOption[] =>
  choices.map(c => ({ value: c.ref, label: c.title }));

// Refs the catalog did not list (yet) still show, by their short name.
const withValues = (options: ListOption[], values: string[]) => [
  ...options,
  ...values
    .filter(v => !options.some(o => o.value === v))
    .map(v => ({ value: v, label: v.replace(/^[a-z]+:default\//, '') })),
];

/**
 * Which services the campaign is about: every list given must match, each
 * by any of its values; a team includes its child teams.
 */
export function ScopeFields(props: {
  scope: Required<CampaignScope>;
  onChange: (scope: Required<CampaignScope>) => void;
  facets?: ScoreFacetsResponse;
  groups?: CatalogChoice[];
  systems?: CatalogChoice[];
  issues: Map<string, string>;
}) {
  const { scope, facets, issues } = props;
  const set = (key: keyof CampaignScope) => (values: string[]) =>
    props.onChange({ ...scope, [key]: values });
  const scopeError = issues.get('scope');
  return (
    <Box component="fieldset" sx={{ border: 0, p: 0, m: 0, mb: 2 }}>
      <Typography component="legend" variant="h6" sx={{ mb: 1 }}>
        Scope
      </Typography>
      <Typography variant="body2" color="text.secondary" paragraph>
        The services the campaign is about. Every list you fill in must match; a
        team includes its child teams.
      </Typography>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 2 }}>
        <ListField
          label="Owners (teams)"
          values={scope.owners}
          options={withValues(refs(props.groups), scope.owners)}
          onChange={set('owners')}
          error={issueAt(issues, 'scope.owners')}
          minWidth={320}
        />
        <ListField
          label="Systems"
          values={scope.systems}
          options={withValues(
            refs(props.systems).length
              ? refs(props.systems)
              : plain(facets?.systems),
            scope.systems,
          )}
          onChange={set('systems')}
          error={issueAt(issues, 'scope.systems')}
        />
        <ListField
          label="Kinds"
          values={scope.kinds}
          options={plain(facets?.kinds ?? ['Component'])}
          onChange={set('kinds')}
          freeSolo
          error={issueAt(issues, 'scope.kinds')}
        />
        <ListField
          label="Types"
          values={scope.types}
          options={plain(facets?.types)}
          onChange={set('types')}
          freeSolo
          error={issueAt(issues, 'scope.types')}
        />
        <ListField
          label="Lifecycles"
          values={scope.lifecycles}
          options={plain(facets?.lifecycles)}
          onChange={set('lifecycles')}
          freeSolo
          error={issueAt(issues, 'scope.lifecycles')}
        />
        <ListField
          label="Tags"
          values={scope.tags}
          options={[]}
          onChange={set('tags')}
          freeSolo
          error={issueAt(issues, 'scope.tags')}
          helperText="Type a tag and press Enter"
        />
      </Box>
      {scopeError && <FormHelperText error>{scopeError}</FormHelperText>}
    </Box>
  );
}

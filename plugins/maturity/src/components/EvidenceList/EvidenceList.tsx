import { Link } from '@backstage/core-components';
import { useApiHolder } from '@backstage/frontend-plugin-api';
import { scmIntegrationsApiRef } from '@backstage/integration-react';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import type { Evidence } from '@roadmap/plugin-maturity-common';

function fileUrl(
  evidence: Evidence,
  sourceLocation: string | undefined,
  resolve?: (o: { url: string; base: string; lineNumber?: number }) => string,
): string | undefined {
  if (evidence.url) return evidence.url;
  if (!evidence.path || !sourceLocation) return undefined;
  if (resolve) {
    return resolve({
      url: evidence.path,
      base: sourceLocation,
      lineNumber: evidence.line,
    });
  }
  const base = sourceLocation.endsWith('/')
    ? sourceLocation
    : `${sourceLocation}/`;
  return `${base}${evidence.path}${evidence.line ? `#L${evidence.line}` : ''}`;
}

function objectLabel(object: NonNullable<Evidence['object']>): string {
  const where = [object.cluster, object.namespace].filter(Boolean).join('/');
  return `${object.kind} ${object.name}${where ? ` (${where})` : ''}`;
}

/**
 * What a check was decided on: files (linked to the repository at the
 * line), PromQL queries, Kubernetes objects and notes.
 *
 * @public
 */
export function EvidenceList(props: {
  evidence: Evidence[];
  /** The entity's `backstage.io/source-location` URL, for file links. */
  sourceLocation?: string;
}) {
  const integrations = useApiHolder().get(scmIntegrationsApiRef);
  if (props.evidence.length === 0) return null;
  const resolve = integrations
    ? (o: { url: string; base: string; lineNumber?: number }) =>
        integrations.resolveUrl(o)
    : undefined;
  return (
    <Box component="ul" sx={{ m: 0, pl: 2 }} aria-label="Evidence">
      {props.evidence.map((e, i) => {
        const url = fileUrl(e, props.sourceLocation, resolve);
        const file = e.path && `${e.path}${e.line ? `:${e.line}` : ''}`;
        return (
          <li key={i}>
            <Typography variant="body2" component="span">
              {file && url && <Link to={url}>{file}</Link>}
              {file && !url && <code>{file}</code>}
              {e.query && <code>{e.query}</code>}
              {e.object && objectLabel(e.object)}
              {e.note && ` — ${e.note}`}
            </Typography>
          </li>
        );
      })}
    </Box>
  );
}

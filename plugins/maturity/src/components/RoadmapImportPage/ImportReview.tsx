import ExpandMore from '@material-ui/icons/ExpandMore';
import Accordion from '@mui/material/Accordion';
import AccordionDetails from '@mui/material/AccordionDetails';
import AccordionSummary from '@mui/material/AccordionSummary';
import Box from '@mui/material/Box';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type {
  RoadmapImportItem,
  RoadmapImportResponse,
  Rubric,
} from '@roadmap/plugin-maturity-common';
import { formatDay } from '../../campaigns/formatDay';
import { dataTableSx } from '../dataTableSx';

function ItemsTable(props: {
  label: string;
  items: RoadmapImportItem[];
  last: { title: string; cell: (item: RoadmapImportItem) => string };
}) {
  return (
    <Table size="small" aria-label={props.label} sx={{ ...dataTableSx, mb: 2 }}>
      <TableHead>
        <TableRow>
          <TableCell align="right">Line</TableCell>
          <TableCell>Item</TableCell>
          <TableCell>{props.last.title}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {props.items.map(item => (
          <TableRow key={`${item.line}:${item.text}`}>
            <TableCell align="right">{item.line}</TableCell>
            <TableCell>{item.text}</TableCell>
            <TableCell>{props.last.cell(item)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/**
 * What the import made of a roadmap document: per proposed phase, the items
 * mapped to checks; the actionable items no check observes, with why; and
 * the lines taken as no action (status, rationale, estimates), with why.
 * Nothing of the document is left out silently.
 */
export function ImportReview(props: {
  result: RoadmapImportResponse;
  rubric: Pick<Rubric, 'checks'>;
}) {
  const { proposal, unmapped, ignored } = props.result;
  const title = new Map(props.rubric.checks.map(c => [c.id, c.title]));
  const checksOf = (item: RoadmapImportItem) =>
    item.checks.map(id => title.get(id) ?? id).join(', ');
  const mapped = proposal.phases.reduce((n, p) => n + p.items.length, 0);
  return (
    <Box>
      <Typography paragraph>
        {mapped} items mapped to checks in {proposal.phases.length} phases;{' '}
        {unmapped.length} not mapped; {ignored.length} lines are no action.
      </Typography>
      {proposal.phases.map((phase, i) => (
        <Box key={i} component="section" aria-labelledby={`import-phase-${i}`}>
          <Typography
            variant="subtitle1"
            component="h3"
            id={`import-phase-${i}`}
          >
            Phase {i + 1}: {phase.title} — due {formatDay(phase.dueDate)}
          </Typography>
          {phase.items.length === 0 ? (
            <Typography variant="body2" paragraph>
              No item of the document maps to this phase.
            </Typography>
          ) : (
            <ItemsTable
              label={`Items of phase ${i + 1}`}
              items={phase.items}
              last={{ title: 'Checks', cell: checksOf }}
            />
          )}
        </Box>
      ))}
      <Box component="section" aria-labelledby="import-unmapped">
        <Typography variant="subtitle1" component="h3" id="import-unmapped">
          Not mapped ({unmapped.length})
        </Typography>
        {unmapped.length === 0 ? (
          <Typography variant="body2" paragraph>
            Every actionable item maps to a check.
          </Typography>
        ) : (
          <>
            <Typography variant="body2" color="text.secondary">
              Actions no check of the rubric observes: track them elsewhere, or
              add checks for them to the rubric.
            </Typography>
            <ItemsTable
              label="Items not mapped"
              items={unmapped}
              last={{ title: 'Why not', cell: item => item.reason ?? '' }}
            />
          </>
        )}
      </Box>
      <Accordion disableGutters>
        <AccordionSummary expandIcon={<ExpandMore />} id="import-ignored">
          <Typography>Lines that are no action ({ignored.length})</Typography>
        </AccordionSummary>
        <AccordionDetails>
          <ItemsTable
            label="Lines that are no action"
            items={ignored}
            last={{ title: 'Why', cell: item => item.reason ?? '' }}
          />
        </AccordionDetails>
      </Accordion>
    </Box>
  );
}

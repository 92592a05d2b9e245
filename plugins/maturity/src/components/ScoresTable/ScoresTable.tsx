import { Link } from '@backstage/core-components';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TablePagination from '@mui/material/TablePagination';
import TableRow from '@mui/material/TableRow';
import TableSortLabel from '@mui/material/TableSortLabel';
import Typography from '@mui/material/Typography';
import type {
  ScoreListQuery,
  ScoreSummary,
} from '@roadmap/plugin-maturity-common';
import { LevelBadge } from '../LevelBadge';
import { PillarScoreCells } from '../PillarScoreCells';
import { ScoreCell } from '../ScoreCell';
import { dataTableSx } from '../dataTableSx';

type OrderBy = NonNullable<ScoreListQuery['orderBy']>;

function shortRef(ref?: string): string {
  if (!ref) return '—';
  const [, rest] = ref.split(':');
  return rest?.startsWith('default/')
    ? rest.slice('default/'.length)
    : rest ?? ref;
}

/** Where an entity's page is in the catalog. */
export function entityPath(s: {
  kind: string;
  namespace: string;
  name: string;
}): string {
  return `/catalog/${encodeURIComponent(s.namespace)}/${encodeURIComponent(
    s.kind.toLocaleLowerCase('en-US'),
  )}/${encodeURIComponent(s.name)}`;
}

/**
 * Services × pillars: the heat map of the overview, sorted and paged on the
 * server so it stays fast with thousands of services.
 *
 * @public
 */
export function ScoresTable(props: {
  items: ScoreSummary[];
  totalCount: number;
  pillars: { id: string; title: string }[];
  levels: { id: string; title: string }[];
  orderBy: OrderBy;
  order: 'asc' | 'desc';
  page: number;
  pageSize: number;
  onSort(orderBy: OrderBy, order: 'asc' | 'desc'): void;
  onPage(page: number, pageSize: number): void;
}) {
  const { items, pillars, levels, orderBy, order } = props;
  const levelTitle = (id: string | null) =>
    levels.find(l => l.id === id)?.title;

  const sortable = (column: OrderBy, label: string) => (
    <TableSortLabel
      active={orderBy === column}
      direction={orderBy === column ? order : 'desc'}
      onClick={() =>
        props.onSort(
          column,
          orderBy === column && order === 'desc' ? 'asc' : 'desc',
        )
      }
    >
      {label}
    </TableSortLabel>
  );

  return (
    <>
      <TableContainer>
        <Table
          size="small"
          aria-label="Services by pillar score"
          sx={dataTableSx}
        >
          <TableHead>
            <TableRow>
              <TableCell sortDirection={orderBy === 'name' ? order : false}>
                {sortable('name', 'Service')}
              </TableCell>
              <TableCell>Owner</TableCell>
              <TableCell sortDirection={orderBy === 'level' ? order : false}>
                {sortable('level', 'Level')}
              </TableCell>
              <TableCell
                align="right"
                sortDirection={orderBy === 'score' ? order : false}
              >
                {sortable('score', 'Score')}
              </TableCell>
              {pillars.map(p => (
                <TableCell key={p.id} align="right">
                  {p.title}
                </TableCell>
              ))}
              <TableCell sortDirection={orderBy === 'scoredAt' ? order : false}>
                {sortable('scoredAt', 'Scored')}
              </TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {items.length === 0 && (
              <TableRow>
                <TableCell colSpan={5 + pillars.length}>
                  <Typography
                    variant="body2"
                    color="text.secondary"
                    sx={{ py: 2 }}
                  >
                    No scored service matches these filters. Clear a filter, or
                    wait for the next refresh if services were added recently.
                  </Typography>
                </TableCell>
              </TableRow>
            )}
            {items.map(s => (
              <TableRow key={s.entityRef} hover>
                <TableCell component="th" scope="row" sx={{ minWidth: 180 }}>
                  <Link to={entityPath(s)}>{s.title ?? s.name}</Link>
                  {s.type && (
                    <Typography
                      variant="caption"
                      color="text.secondary"
                      display="block"
                    >
                      {s.kind} · {s.type}
                      {s.lifecycle ? ` · ${s.lifecycle}` : ''}
                    </Typography>
                  )}
                </TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>
                  {shortRef(s.owner)}
                </TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>
                  <LevelBadge level={s.level} title={levelTitle(s.level)} />
                </TableCell>
                <TableCell align="right">
                  <ScoreCell score={s.score} label={`${s.name} overall`} />
                </TableCell>
                <PillarScoreCells service={s} pillars={pillars} />
                <TableCell sx={{ whiteSpace: 'nowrap' }}>
                  <time dateTime={s.confirmedAt ?? s.scoredAt}>
                    {new Date(s.confirmedAt ?? s.scoredAt).toLocaleDateString()}
                  </time>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
      <TablePagination
        component="div"
        count={props.totalCount}
        page={props.page}
        rowsPerPage={props.pageSize}
        rowsPerPageOptions={[25, 50, 100]}
        onPageChange={(_e, page) => props.onPage(page, props.pageSize)}
        onRowsPerPageChange={e => props.onPage(0, Number(e.target.value))}
      />
    </>
  );
}

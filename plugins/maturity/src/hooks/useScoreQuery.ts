import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { ScoreListQuery } from '@roadmap/plugin-maturity-common';

const LIST_KEYS = [
  'owner',
  'system',
  'kind',
  'type',
  'lifecycle',
  'level',
] as const;
const ORDER_BY = ['score', 'level', 'name', 'scoredAt'] as const;

/** The overview's state, all of it in the URL so a view can be shared. */
export interface OverviewState {
  query: ScoreListQuery;
  page: number;
  pageSize: number;
}

export function readOverviewState(params: URLSearchParams): OverviewState {
  const query: ScoreListQuery = {};
  for (const key of LIST_KEYS) {
    const values = params.getAll(key).filter(Boolean);
    if (values.length) query[key] = values;
  }
  const text = params.get('text');
  if (text) query.text = text;
  const orderBy = params.get('orderBy');
  query.orderBy = (ORDER_BY as readonly string[]).includes(orderBy ?? '')
    ? (orderBy as ScoreListQuery['orderBy'])
    : 'score';
  query.order = params.get('order') === 'asc' ? 'asc' : 'desc';
  const pageSize = [25, 50, 100].includes(Number(params.get('pageSize')))
    ? Number(params.get('pageSize'))
    : 25;
  const page = Math.max(0, Math.floor(Number(params.get('page')) || 0));
  return {
    query: { ...query, offset: page * pageSize, limit: pageSize },
    page,
    pageSize,
  };
}

export function writeOverviewState(state: OverviewState): URLSearchParams {
  const params = new URLSearchParams();
  const { query } = state;
  for (const key of LIST_KEYS) {
    for (const v of query[key] ?? []) params.append(key, v);
  }
  if (query.text) params.set('text', query.text);
  if (query.orderBy && query.orderBy !== 'score')
    params.set('orderBy', query.orderBy);
  if (query.order === 'asc') params.set('order', 'asc');
  if (state.page > 0) params.set('page', String(state.page));
  if (state.pageSize !== 25) params.set('pageSize', String(state.pageSize));
  return params;
}

/**
 * Reads and updates the overview's filters, sorting and page in the URL.
 * Changing a filter or the sort goes back to the first page.
 */
export function useScoreQuery() {
  const [params, setParams] = useSearchParams();
  const state = useMemo(() => readOverviewState(params), [params]);

  const update = useCallback(
    (change: {
      query?: Partial<ScoreListQuery>;
      page?: number;
      pageSize?: number;
    }) => {
      const next: OverviewState = {
        query: { ...state.query, ...change.query },
        page: change.page ?? (change.query || change.pageSize ? 0 : state.page),
        pageSize: change.pageSize ?? state.pageSize,
      };
      setParams(writeOverviewState(next), { replace: true });
    },
    [state, setParams],
  );

  return { ...state, update };
}

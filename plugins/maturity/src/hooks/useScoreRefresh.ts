import { useApi } from '@backstage/frontend-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import { maturityScoreRefreshPermission } from '@roadmap/plugin-maturity-common';
import { useCallback, useState } from 'react';
import { maturityApiRef } from '../api/MaturityApi';

/** Scoring one entity on demand ("Score now"). */
export interface ScoreRefresh {
  /** Whether the caller holds `maturity.score.refresh` for the entity. */
  allowed: boolean;
  /** Scores the entity now, then calls `onScored`. */
  run(): Promise<void>;
  running: boolean;
  /** Why the last run failed. */
  error?: Error;
}

/** Refreshes an entity's score for callers allowed to. */
export function useScoreRefresh(
  entityRef: string,
  onScored: () => void,
): ScoreRefresh {
  const api = useApi(maturityApiRef);
  const { allowed } = usePermission({
    permission: maturityScoreRefreshPermission,
    resourceRef: entityRef,
  });
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<Error>();
  const run = useCallback(async () => {
    setRunning(true);
    setError(undefined);
    try {
      await api.refreshScore(entityRef);
      onScored();
    } catch (e) {
      setError(e as Error);
    } finally {
      setRunning(false);
    }
  }, [api, entityRef, onScored]);
  return { allowed, run, running, error };
}

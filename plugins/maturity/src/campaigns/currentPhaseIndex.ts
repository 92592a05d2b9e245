import type { CampaignTally } from '@roadmap/plugin-maturity-common';

/**
 * The phase due next that not every service meets, as the progress API
 * defines it, for the list (which carries only the tally): null when every
 * phase is met.
 */
export function currentPhaseIndex(tally: CampaignTally): number | null {
  const i = tally.met.findIndex(met => met < tally.total);
  return i < 0 ? null : i;
}

/** Services meeting the last phase: the campaign's own measure of done. */
export function lastPhaseMet(tally: CampaignTally): number {
  return tally.met.length ? tally.met[tally.met.length - 1] : 0;
}

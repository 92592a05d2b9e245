import type { CampaignState } from './Campaign';

/**
 * A campaign's state on a day: drafts and archived campaigns stay so; a
 * published one is scheduled until it starts, then active until every
 * service in scope meets its last phase.
 *
 * @public
 */
export function campaignState(options: {
  published: boolean;
  archived: boolean;
  startsOn: string;
  today: string;
  /** Every service in scope meets the last phase (and there is one). */
  allMetLastPhase: boolean;
}): CampaignState {
  if (options.archived) return 'archived';
  if (!options.published) return 'draft';
  if (options.today < options.startsOn) return 'scheduled';
  return options.allMetLastPhase ? 'completed' : 'active';
}

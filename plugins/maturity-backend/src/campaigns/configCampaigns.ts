import type { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { type Rubric, validateCampaign } from '@roadmap/plugin-maturity-common';
import type { StoredCampaign } from '../database/CampaignStore';

const ID = /^[a-z0-9][a-z0-9-]{0,62}$/;

/**
 * Campaigns declared in app-config (`maturity.campaigns`), for teams that
 * keep them as code: read-only in the portal, validated at start with the
 * bad key named. Their ids are `config:<id>`.
 */
export function configCampaigns(
  config: Config,
  rubric: Rubric,
  today: string,
): StoredCampaign[] {
  const raw = config.getOptional('maturity.campaigns') ?? [];
  if (!Array.isArray(raw)) {
    throw new InputError('maturity.campaigns: must be a list of campaigns');
  }
  const seen = new Set<string>();
  return raw.map((item, i) => {
    const at = `maturity.campaigns[${i}]`;
    const { id, ...input } = (item ?? {}) as Record<string, unknown>;
    if (typeof id !== 'string' || !ID.test(id)) {
      throw new InputError(
        `${at}.id: give each campaign an id of lower-case letters, digits and dashes`,
      );
    }
    if (seen.has(id)) throw new InputError(`${at}.id: "${id}" is used twice`);
    seen.add(id);
    const result = validateCampaign(
      { published: true, ...input },
      { rubric, today, isNew: false },
    );
    if (!('campaign' in result)) {
      throw new InputError(
        result.issues
          .map(issue => `${at}.${issue.path}: ${issue.message}`)
          .join('; '),
      );
    }
    const epoch = new Date(`${result.campaign.startsOn}T00:00:00Z`);
    return {
      ...result.campaign,
      owner: result.campaign.owner.toLocaleLowerCase('en-US'),
      id: `config:${id}`,
      published: result.campaign.published ?? true,
      version: 1,
      createdAt: epoch,
      updatedAt: epoch,
    };
  });
}

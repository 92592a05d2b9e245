import type {
  Campaign,
  CampaignInput,
  CampaignPhase,
  CampaignScope,
} from '@roadmap/plugin-maturity-common';

/** One phase as the form edits it: both kinds of target kept while editing. */
export interface PhaseDraft {
  title: string;
  dueDate: string;
  targetType: 'level' | 'checks';
  level: string;
  checks: string[];
  enabledFrom: string;
}

/** A campaign as the form edits it: every field present, strings for dates. */
export interface CampaignDraft {
  title: string;
  description: string;
  owner: string;
  scope: Required<CampaignScope>;
  phases: PhaseDraft[];
  startsOn: string;
  published: boolean;
}

const SCOPE_KEYS = [
  'kinds',
  'types',
  'lifecycles',
  'owners',
  'systems',
  'tags',
] as const;

/** An empty phase, aimed at a level. */
export function emptyPhase(level = ''): PhaseDraft {
  return {
    title: '',
    dueDate: '',
    targetType: 'level',
    level,
    checks: [],
    enabledFrom: '',
  };
}

/** A phase as the API serves it, for the form. */
export function phaseToDraft(phase: CampaignPhase): PhaseDraft {
  return {
    title: phase.title,
    dueDate: phase.dueDate,
    targetType: 'level' in phase.target ? 'level' : 'checks',
    level: 'level' in phase.target ? phase.target.level : '',
    checks: 'checks' in phase.target ? phase.target.checks : [],
    enabledFrom: phase.enabledFrom ?? '',
  };
}

/** A new campaign's form: Components in production, one phase. */
export function emptyDraft(startsOn: string): CampaignDraft {
  return {
    title: '',
    description: '',
    owner: '',
    scope: {
      kinds: ['Component'],
      types: [],
      lifecycles: ['production'],
      owners: [],
      systems: [],
      tags: [],
    },
    phases: [emptyPhase()],
    startsOn,
    published: true,
  };
}

/** A stored campaign, for the edit form. */
export function campaignToDraft(
  campaign: CampaignInput | Campaign,
): CampaignDraft {
  const scope = Object.fromEntries(
    SCOPE_KEYS.map(k => [k, campaign.scope[k] ?? []]),
  ) as Required<CampaignScope>;
  return {
    title: campaign.title,
    description: campaign.description ?? '',
    owner: campaign.owner,
    scope,
    phases: campaign.phases.map(phaseToDraft),
    startsOn: campaign.startsOn,
    published: campaign.published ?? false,
  };
}

/**
 * What the API takes: empty optional fields and scope lists left out, the
 * chosen target only.
 */
export function draftToInput(draft: CampaignDraft): CampaignInput {
  const scope: CampaignScope = {};
  for (const key of SCOPE_KEYS) {
    if (draft.scope[key].length) scope[key] = draft.scope[key];
  }
  return {
    title: draft.title,
    ...(draft.description.trim() ? { description: draft.description } : {}),
    owner: draft.owner,
    scope,
    phases: draft.phases.map(p => ({
      title: p.title,
      dueDate: p.dueDate,
      target:
        p.targetType === 'level' ? { level: p.level } : { checks: p.checks },
      ...(p.enabledFrom ? { enabledFrom: p.enabledFrom } : {}),
    })),
    startsOn: draft.startsOn,
    published: draft.published,
  };
}

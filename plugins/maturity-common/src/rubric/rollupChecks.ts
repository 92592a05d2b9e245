import type { AppliesTo, Check, Condition, Effort } from '../types/Check';
import { factsOfCondition } from '../conditions/compileCondition';

const SYSTEM: AppliesTo = { kinds: ['System'] };
const DOMAIN: AppliesTo = { kinds: ['Domain'] };
const GROUP: AppliesTo = { kinds: ['Group'] };

const SYSTEM_MODEL_DOCS =
  'https://backstage.io/docs/features/software-catalog/system-model';
const OWNER_DOCS =
  'https://backstage.io/docs/features/software-catalog/descriptor-format#specowner-required';
const TECHDOCS_DOCS =
  'https://backstage.io/docs/features/techdocs/how-to-guides';

function rollupCheck(
  id: string,
  spec: {
    level: string;
    title: string;
    description: string;
    weight: number;
    effort: Effort;
    appliesTo: AppliesTo;
    condition: Condition;
    failMessage: string;
    docs: string;
  },
): Check {
  return {
    id,
    // Ownership and the state of the parts the owner answers for: the
    // children's levels already sum up every pillar of their own rubric.
    pillar: 'docs',
    level: spec.level,
    title: spec.title,
    description: spec.description,
    weight: spec.weight,
    effort: spec.effort,
    appliesTo: spec.appliesTo,
    condition: spec.condition,
    facts: factsOfCondition(spec.condition),
    remediation: { docs: spec.docs },
    failMessage: spec.failMessage,
  };
}

/** A parent kind's checks over its children, named after both. */
function childChecks(options: {
  prefix: string;
  appliesTo: AppliesTo;
  /** Plural noun of the children, e.g. `components`. */
  children: string;
  has: { title: string; description: string; failMessage: string };
}): Check[] {
  const { prefix, appliesTo, children } = options;
  const docs = SYSTEM_MODEL_DOCS;
  return [
    rollupCheck(`${prefix}.${children}`, {
      level: 'bronze',
      weight: 5,
      effort: 'S',
      appliesTo,
      docs,
      ...options.has,
      condition: { fact: 'rollup.children', gte: 1 },
    }),
    rollupCheck(`${prefix}.${children}-scored`, {
      level: 'bronze',
      weight: 4,
      effort: 'S',
      appliesTo,
      docs,
      title: `Every one of its ${children} scored`,
      description: `Each of its ${children} has a maturity score, so this roll-up sees all of them.`,
      condition: { fact: 'rollup.share-scored', gte: 100 },
      failMessage: `Some of its ${children} have no score yet`,
    }),
    rollupCheck(`${prefix}.${children}-bronze`, {
      level: 'silver',
      weight: 8,
      effort: 'M',
      appliesTo,
      docs,
      title: `Every one of its ${children} at least Bronze`,
      description: `No part is left below the foundation: each of its ${children} has reached Bronze.`,
      condition: { fact: 'rollup.share-bronze', gte: 100 },
      failMessage: `Some of its ${children} are below Bronze`,
    }),
    rollupCheck(`${prefix}.${children}-silver`, {
      level: 'gold',
      weight: 8,
      effort: 'L',
      appliesTo,
      docs,
      title: `80% of its ${children} at Silver`,
      description: `At least four in five of its ${children} are production-ready (Silver or above).`,
      condition: { fact: 'rollup.share-silver', gte: 80 },
      failMessage: `Fewer than 80% of its ${children} are at Silver`,
    }),
  ];
}

function ownerCheck(prefix: string, appliesTo: AppliesTo, noun: string) {
  return rollupCheck(`${prefix}.owner`, {
    level: 'bronze',
    weight: 8,
    effort: 'S',
    appliesTo,
    docs: OWNER_DOCS,
    title: 'Owned by a team',
    description: `The catalog names a Group as owner of the ${noun}, so someone answers for it as a whole.`,
    condition: { fact: 'catalog.owner-is-group', equals: true },
    failMessage: 'spec.owner does not resolve to a Group',
  });
}

function techdocsCheck(prefix: string, appliesTo: AppliesTo, noun: string) {
  return rollupCheck(`${prefix}.techdocs`, {
    level: 'silver',
    weight: 3,
    effort: 'S',
    appliesTo,
    docs: TECHDOCS_DOCS,
    title: 'TechDocs published',
    description: `The ${noun} has documentation of its own (backstage.io/techdocs-ref): how its parts fit together.`,
    condition: { fact: 'catalog.techdocs', equals: true },
    failMessage: 'No backstage.io/techdocs-ref annotation',
  });
}

/**
 * The default rubric's checks for Systems, Domains and Groups: their own
 * catalog entry (owner, docs) and the roll-up of their children's stored
 * levels (see docs/rubric.md).
 *
 * @public
 */
export const ROLLUP_CHECKS: Check[] = [
  ownerCheck('system', SYSTEM, 'system'),
  ...childChecks({
    prefix: 'system',
    appliesTo: SYSTEM,
    children: 'components',
    has: {
      title: 'Has components',
      description:
        'At least one Component names the system in spec.system, so the system stands for running software.',
      failMessage: 'No Component names this system in spec.system',
    },
  }),
  techdocsCheck('system', SYSTEM, 'system'),
  rollupCheck('system.api-entities', {
    level: 'silver',
    weight: 4,
    effort: 'S',
    appliesTo: SYSTEM,
    docs: SYSTEM_MODEL_DOCS,
    title: 'An API entity for each provided API',
    description:
      'Every API its components provide (spec.providesApis) is an API entity in the catalog, so consumers find its definition.',
    condition: { fact: 'rollup.missing-apis', equals: 0 },
    failMessage: 'Some provided APIs have no API entity in the catalog',
  }),

  ownerCheck('domain', DOMAIN, 'domain'),
  ...childChecks({
    prefix: 'domain',
    appliesTo: DOMAIN,
    children: 'systems',
    has: {
      title: 'Has systems',
      description:
        'At least one System names the domain in spec.domain, so the domain groups real systems.',
      failMessage: 'No System names this domain in spec.domain',
    },
  }),
  techdocsCheck('domain', DOMAIN, 'domain'),

  ...childChecks({
    prefix: 'group',
    appliesTo: GROUP,
    children: 'services',
    has: {
      title: 'Owns components',
      description:
        'The team or one of its sub-teams owns at least one Component, so its roll-up has something to show.',
      failMessage: 'Neither the group nor its sub-groups own a Component',
    },
  }),
  rollupCheck('group.services-half-silver', {
    level: 'silver',
    weight: 5,
    effort: 'M',
    appliesTo: GROUP,
    docs: SYSTEM_MODEL_DOCS,
    title: 'Half of its services at Silver',
    description:
      'At least half of the components the team and its sub-teams own are production-ready (Silver or above).',
    condition: { fact: 'rollup.share-silver', gte: 50 },
    failMessage: 'Fewer than half of its services are at Silver',
  }),
];

import type { RemediationContext } from '../RemediationGenerator';
import { kubernetesName } from '../escaping/kubernetesName';
import { notFirstParty } from './firstParty';
import type { WorkloadCandidate } from './WorkloadCandidate';
import { workloadCandidates } from './workloadCandidates';

/** The workload that is the entity, or why none can be chosen. */
export type ServiceTarget =
  | { workload: WorkloadCandidate }
  | { none: string }
  | { ambiguous: string };

function describe(c: WorkloadCandidate): string {
  return `${c.kind} ${c.name} (${c.path})`;
}

function selectorMatches(selector: string, labels: Record<string, string>) {
  const terms = selector
    .split(',')
    .map(t => t.trim())
    .filter(Boolean);
  return (
    terms.length > 0 &&
    terms.every(t => {
      const [k, v] = t.split(/==?/).map(s => s.trim());
      return labels[k] === v;
    })
  );
}

/** The image repository without registry host, tag or digest. */
function imageName(image: string | undefined): string {
  return (image ?? '')
    .replace(/@.*$/, '')
    .replace(/:[^/]*$/, '')
    .toLowerCase();
}

/**
 * How strongly a candidate says it is the entity (0: not at all). The
 * signals add up: the image CI publishes and the workload's own name
 * together beat either alone (a repository may run its image in several
 * roles).
 */
function affinity(
  c: WorkloadCandidate,
  context: RemediationContext,
  publishedImages: string[],
): number {
  const service = context.service;
  const name = kubernetesName(service.name);
  const id = service.kubernetesId;
  if (id && c.labels['backstage.io/kubernetes-id'] === id) return 100;
  if (
    service.kubernetesLabelSelector &&
    selectorMatches(service.kubernetesLabelSelector, c.labels)
  )
    return 90;
  const images = c.containers.map(x => imageName(x.image));
  const labels = [
    c.labels['app.kubernetes.io/name'],
    c.labels.app,
    ...c.containers.map(x => x.name),
  ];
  let score = 0;
  if (
    publishedImages.length > 0 &&
    images.some(i => publishedImages.some(p => i === p || i.endsWith(`/${p}`)))
  )
    score += 30;
  const squash = (n: string) => n.toLowerCase().replace(/[^a-z0-9]/g, '');
  if (c.name === name) score += 25;
  else if (squash(c.name) === squash(name)) score += 24;
  else if (c.chartName === name) score += 22;
  // A chart's fullname: <release>-<chart>.
  else if (c.name.endsWith(`-${name}`)) score += 20;
  else if (labels.includes(name)) score += 15;
  if (images.some(i => i.split('/').pop() === name)) score += 10;
  return score;
}

/**
 * The Deployment or StatefulSet that is this entity: first-party only (no
 * database, vendored chart or test fixture), preferring the entity's
 * `backstage.io/kubernetes-id`, its label selector, the image its CI
 * publishes, then its name. When several remain equally likely, none is
 * chosen: the reason names them, so a person can set the annotation.
 */
export async function serviceTarget(
  context: RemediationContext,
  options: { publishedImages?: string[] } = {},
): Promise<ServiceTarget> {
  const all = await workloadCandidates(context.tree);
  if (all.length === 0)
    return { none: 'the repository declares no Deployment or StatefulSet' };
  const published = (options.publishedImages ?? []).map(imageName);
  const scored = all.map(c => ({
    c,
    score: affinity(c, context, published),
    excluded: notFirstParty(c),
  }));
  // An explicit annotation wins even over our idea of first-party.
  const explicit = scored.filter(s => s.score >= 90);
  const pool = explicit.length > 0 ? explicit : scored.filter(s => !s.excluded);
  if (pool.length === 0)
    return {
      none: `no first-party workload: ${scored
        .map(s => `${describe(s.c)} is ${s.excluded}`)
        .join('; ')}`,
    };
  const best = Math.max(...pool.map(s => s.score));
  // The shallowest declaration first: a base, not an overlay or an extra.
  const top = pool
    .filter(s => s.score === best)
    .sort(
      (a, b) =>
        a.c.path.split('/').length - b.c.path.split('/').length ||
        a.c.path.localeCompare(b.c.path),
    );
  // One first-party workload in the repository is the service's.
  if (top.length === 1 && (best > 0 || pool.length === 1))
    return { workload: top[0].c };
  // The same workload may be declared twice (base and overlay): one target.
  const distinct = new Map(top.map(s => [`${s.c.kind}/${s.c.name}`, s.c]));
  if (distinct.size === 1 && best > 0) return { workload: top[0].c };
  return {
    ambiguous: `cannot tell which workload is ${context.service.name}: ${top
      .map(s => describe(s.c))
      .slice(0, 6)
      .join(', ')}${
      top.length > 6 ? ` and ${top.length - 6} more` : ''
    }; set the backstage.io/kubernetes-id annotation on the entity and the label on its workload`,
  };
}

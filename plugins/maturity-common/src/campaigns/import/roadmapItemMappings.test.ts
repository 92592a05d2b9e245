import { defaultRubric } from '../../rubric/defaultRubric';
import {
  defaultRoadmapItemMappings,
  mapRoadmapItem,
} from './roadmapItemMappings';

const known = new Set(defaultRubric.checks.map(c => c.id));
const checksOf = (text: string) =>
  mapRoadmapItem(text, defaultRoadmapItemMappings, known).checks.sort();

describe('defaultRoadmapItemMappings', () => {
  it('maps only to checks of the default rubric', () => {
    for (const rule of defaultRoadmapItemMappings.rules) {
      for (const id of rule.checks) expect(known).toContain(id);
    }
  });

  // Items of the seed documents that once mapped to a check they do not
  // ask for; docs/rubric.md gives the mapping.
  it.each([
    ['Load Testing & Performance Tuning', ['rel.load-test']],
    ['Static Application Security Testing (SAST)', ['sec.sast']],
    ['Disaster recovery testing', ['rel.backups']],
    [
      'Scope: Chaos Monkey, failure injection, resilience testing',
      ['rel.chaos'],
    ],
    ['2.2 Advanced ML & A/B Testing', []],
    ['PHASE 1: Production Readiness (2-3 weeks)', []],
    ['Readiness probes', ['obs.health']],
    [
      'Components: Security policies, secret rotation, audit logging',
      ['sec.policy'],
    ],
    ['Scope: LSTM models, Prophet forecasting, model drift detection', []],
    ['Drift detection', ['cd.gitops']],
    ['Resource exhaustion alerts', ['obs.alerts']],
    ['Push to Docker Hub/GCR', ['ci.image-publish']],
    ['Build Docker images', ['ci.container-build']],
    ['Docker Compose setup', ['infra.container']],
    ['Kubernetes deployment guide (detailed)', ['docs.techdocs']],
    ['Policy Enforcement (K8s) — Kyverno or Gatekeeper', ['sec.policy']],
    ['Kubernetes manifests with Kustomize', ['infra.k8s']],
    ['Deploy the service to Kubernetes', ['infra.k8s']],
    ['Kubernetes cluster autoscaling', []],
    ['Horizontal Pod Autoscaling', ['rel.autoscaling']],
    ['Performance regression tests', ['rel.load-test']],
    ['Mutual TLS', []],
  ])('%s → %j', (text, checks) => {
    expect(checksOf(text)).toEqual([...checks].sort());
  });

  it('names the unobservable topic of an item no check observes', () => {
    expect(
      mapRoadmapItem('Mutual TLS', defaultRoadmapItemMappings, known).topic
        ?.reason,
    ).toMatch(/mesh/);
    expect(
      mapRoadmapItem(
        'Kubernetes cluster autoscaling',
        defaultRoadmapItemMappings,
        known,
      ).topic?.reason,
    ).toMatch(/architecture/);
  });
});

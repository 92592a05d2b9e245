import { ciConfigValidator } from './ciConfigValidator';
import { dashboardValidator } from './dashboardValidator';
import { dockerfileValidator } from './dockerfileValidator';
import { helmChartValidator } from './helmChartValidator';
import { jenkinsfileValidator } from './jenkinsfileValidator';
import { kubernetesSchemaValidator } from './kubernetesSchemaValidator';
import { kustomizeValidator } from './kustomizeValidator';
import { promtoolValidator } from './promtoolValidator';
import type { RemediationValidator } from './RemediationValidator';
import { workflowValidator } from './workflowValidator';
import { yamlValidator } from './yamlValidator';

/**
 * The validators a plan runs on every change it offers: YAML (and no new
 * anchors), GitHub Actions schema, Kubernetes schemas, Helm templates
 * (parsed and rendered), kustomize builds, promtool, Grafana dashboards,
 * Dockerfiles, Jenkinsfiles and the GitLab/CircleCI/Travis shapes.
 *
 * @public
 */
export function defaultRemediationValidators(): RemediationValidator[] {
  return [
    yamlValidator,
    workflowValidator,
    kubernetesSchemaValidator,
    helmChartValidator,
    kustomizeValidator,
    promtoolValidator,
    dashboardValidator,
    dockerfileValidator,
    jenkinsfileValidator,
    ciConfigValidator,
  ];
}

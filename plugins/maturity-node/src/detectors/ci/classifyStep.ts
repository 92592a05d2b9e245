/**
 * What a CI step does, decided from its command text or the action/template
 * it uses. One place for all CI systems, so GitHub Actions, GitLab CI,
 * Jenkins and the rest agree.
 *
 * @public
 */
export type StepCapability =
  | 'tests'
  | 'container-build'
  | 'image-publish'
  | 'deploy'
  | 'image-scan'
  | 'sast'
  | 'secret-scan'
  | 'signing'
  | 'ephemeral-cluster'
  | 'load-test'
  /** `docker compose up -d`: a deployment only on a self-hosted runner of a deploy job. */
  | 'compose-up'
  /** `git push`: a deployment only in a deploy job (a GitOps repository hand-off). */
  | 'git-push';

const COMMAND_RULES: [StepCapability, RegExp][] = [
  [
    'tests',
    /\b(?:npm|pnpm|yarn|bun)\s+(?:run\s+)?(?:test|test:[\w:-]+|coverage)\b|\b(?:jest|vitest|mocha|ava|karma|jasmine)\b|\bgo\s+test\b|\bgotestsum\b|\bpytest\b|\bpython3?\s+-m\s+(?:pytest|unittest)\b|\b(?:tox|nox)\b|\bmvnw?\b[^\n]*\b(?:test|verify|install|package)\b|\bgradlew?\b[^\n]*\b(?:test|check|build)\b|\bcargo\s+(?:test|nextest)\b|\bdotnet\s+test\b|\brspec\b|\brake\s+(?:spec|test)\b|\bphpunit\b|\bmake\s+(?:test|check|unit-test|integration-test)\b|\bctest\b|\b(?:playwright|cypress)\s+(?:test|run)\b|\bbazel\s+test\b|\bskaffold\s+test\b|\bhelm\s+test\b|\bkubeconform\b|\bconftest\s+test\b|\bsbt\b[^\n]*\btest\b|\bmix\s+test\b|\b(?:deno|bun)\s+test\b|\bnpx\s+(?:jest|vitest|mocha|playwright)\b/i,
  ],
  [
    'container-build',
    /\b(?:docker|podman|nerdctl)\s+(?:image\s+)?build\b|\bdocker\s+buildx\s+(?:build|bake)\b|\bdocker[\s-]compose\b[^\n]*\bbuild\b|\bbuildah\s+(?:bud|build)\b|\b(?:kaniko|\/kaniko\/executor|executor\s+--context)\b|\bko\s+(?:build|publish|resolve|apply)\b|\bjib(?:Build|DockerBuild|:build|:dockerBuild)\b|\bgradlew?\b[^\n]*\sjib(?:DockerBuild)?(?:\s|$)|\bpack\s+build\b|\bbuildctl\b[^\n]*\bbuild\b|\bimg\s+build\b|\bs2i\s+build\b|\bskaffold\s+(?:build|run)\b|\bgcloud\s+builds\s+submit\b|\bbazel\s+run\b[^\n]*(?:image|oci|docker|push)|\bearthly\b[^\n]*\+\w*(?:image|docker|build)|\bnix\s+build\b[^\n]*(?:docker|image)|\bdocker[\s-]compose\b[^\n]*\bbuild\b/i,
  ],
  [
    'image-publish',
    /\b(?:docker|podman|buildah|nerdctl)\s+(?:image\s+)?push\b|\bdocker\s+buildx\s+build\b[^\n]*--push\b|\bko\s+(?:build|publish|resolve|apply)\b(?![^\n]*--local)|\bjib(?::build|Build)\b|\bgradlew?\b[^\n]*\sjib(?:\s|$)|\b(?:kaniko|\/kaniko\/executor)\b[^\n]*--destination|\bcrane\s+(?:push|copy|cp)\b|\bskopeo\s+copy\b|\bpack\s+build\b[^\n]*--publish\b|\bdocker[\s-]compose\b[^\n]*\bpush\b|\bskaffold\s+(?:build|run)\b[^\n]*(?:--default-repo|--push(?!=false)|-d\s+\S)|\bgcloud\s+builds\s+submit\b|\bbazel\s+run\b[^\n]*push|\bearthly\b[^\n]*--push\b|\bhelm\s+push\b[^\n]*oci:\/\/(?![^\n]*charts)/i,
  ],
  [
    'deploy',
    /\bkubectl\s+(?:apply|set\s+image|rollout\s+restart|replace|patch)\b|\bhelm\s+(?:upgrade|install)\b|\bhelmfile\s+(?:apply|sync)\b|\bargocd\s+app\s+(?:sync|set|create)\b|\bflux\s+(?:reconcile|install|bootstrap|create\s+(?:kustomization|helmrelease|source))\b|\bskaffold\s+(?:run|deploy)\b|\bterraform\s+apply\b|\bpulumi\s+up\b|\baws\s+ecs\s+update-service\b|\baws\s+lambda\s+update-function-code\b|\baws\s+deploy\b|\bgcloud\s+(?:run|app|functions)\s+deploy\b|\baz\s+(?:webapp|containerapp|functionapp)\s+(?:deploy|update|up)\b|\b(?:serverless|sls)\s+deploy\b|\bcdk\s+deploy\b|\bfly(?:ctl)?\s+deploy\b|\brailway\s+up\b|\brender\s+deploys?\s+create\b|\bfastapi\s+deploy\b|\bsam\s+deploy\b|\bgcloud\s+deploy\s+releases\s+create\b|\bheroku\s+(?:container:release|releases:create)\b|\bdocker\s+stack\s+deploy\b|\bkamal\s+deploy\b|\bcaprover\s+deploy\b|\beb\s+deploy\b|\bcf\s+push\b|\bnetlify\s+deploy\b[^\n]*--prod|\bvercel\b[^\n]*--prod\b|\bwrangler\s+(?:deploy|publish)\b|\bcopilot\s+(?:svc\s+)?deploy\b|\bkustomize\s+build\b[^\n]*\|\s*kubectl\s+apply\b|\bansible-playbook\b|\bcapistrano\b|\bcap\s+\w+\s+deploy\b|\bgit\s+push\b[^\n]*\b(?:heroku|dokku)\b/i,
  ],
  [
    'image-scan',
    /\btrivy\s+(?:image|fs|filesystem|repo|rootfs|k8s|config)?\b|\bgrype\b|\bsnyk\s+container\b|\bclair(?:ctl)?\b|\bdocker\s+scout\b|\banchore\b|\bsyft\b[^\n]*\|\s*grype\b|\bosv-scanner\b|\bneuvector\b/i,
  ],
  [
    'sast',
    /\bcodeql\b|\bsemgrep\b|\bsonar-scanner\b|\bsonar:sonar\b|\bgradlew?\b[^\n]*\bsonar(?:qube)?\b|\bsonarqube\b|\bsonarcloud\b|\bgosec\b|\bbandit\b|\bsnyk\s+code\b|\bbrakeman\b|\bspotbugs\b[^\n]*findsecbugs|\bhorusec\b|\bnjsscan\b|\bflawfinder\b|\bpsalm\b[^\n]*--taint/i,
  ],
  [
    'secret-scan',
    /\bgitleaks\b|\btrufflehog\b|\bdetect-secrets\b|\bggshield\b|\bgit-secrets\b|\bsecretlint\b|\bkingfisher\b/i,
  ],
  [
    'signing',
    /\bcosign\s+(?:sign|attest|sign-blob)\b|\bsigstore\b|\bslsa-github-generator\b|\bslsa-verifier\b|\bnotation\s+sign\b|\bgpg\s+--detach-sign\b|\battest-build-provenance\b/i,
  ],
  [
    'ephemeral-cluster',
    /\bkind\s+create\s+cluster\b|\bk3d\s+cluster\s+create\b|\bminikube\s+start\b|\bctlptl\s+create\b|\bk3s\b[^\n]*install/i,
  ],
  [
    'compose-up',
    /\bdocker[\s-]compose\b[^\n]*\bup\b[^\n]*(?:-d\b|--detach\b)/i,
  ],
  ['git-push', /\bgit\s+push\b/i],
  [
    'load-test',
    /\bk6\s+run\b|\blocust\b|\bjmeter\b|\bgatling\b|\bartillery\s+run\b|\bvegeta\s+attack\b/i,
  ],
];

const ACTION_RULES: [StepCapability, RegExp][] = [
  [
    'container-build',
    /^(?:docker\/build-push-action|redhat-actions\/buildah-build|mr-smithers-excellent\/docker-build-push|aevea\/action-kaniko|ko-build\/setup-ko|int128\/kaniko-action|docker\/bake-action)@/i,
  ],
  [
    'image-publish',
    /^(?:redhat-actions\/push-to-registry|mr-smithers-excellent\/docker-build-push|aevea\/action-kaniko|int128\/kaniko-action)@/i,
  ],
  [
    'deploy',
    /^(?:azure\/(?:k8s-deploy|webapps-deploy|functions-action|container-apps-deploy-action|aks-set-context)|google-github-actions\/(?:deploy-cloudrun|deploy-appengine|deploy-cloud-functions|get-gke-credentials)|aws-actions\/(?:amazon-ecs-deploy-task-definition|aws-cloudformation-github-deploy)|deliverybot\/helm|wahyd4\/kubectl-helm-action|koslib\/helm-eks-action|bitovi\/github-actions-deploy[\w-]*|superfly\/flyctl-actions|amondnet\/vercel-action|netlify\/actions|cloudflare\/wrangler-action|appleboy\/ssh-action|akhileshns\/heroku-deploy|clowdhaus\/argo-cd-action|omegion\/argocd-actions)@/i,
  ],
  [
    'image-scan',
    /^(?:aquasecurity\/trivy-action|anchore\/scan-action|snyk\/actions\/docker|docker\/scout-action|crazy-max\/ghaction-container-scan|azure\/container-scan|lacework\/lw-scanner-action|google\/osv-scanner-action)/i,
  ],
  [
    'sast',
    /^(?:github\/codeql-action\/(?:analyze|init|autobuild)|returntocorp\/semgrep-action|semgrep\/semgrep-action|sonarsource\/sonar(?:cloud-github-action|qube-scan-action)|securego\/gosec|pycqa\/bandit-action|jpetrucciani\/bandit-check|snyk\/actions\/\w+|shiftleftsecurity\/scan-action|erzz\/codeql-container-action)/i,
  ],
  [
    'secret-scan',
    /^(?:gitleaks\/gitleaks-action|trufflesecurity\/trufflehog|gitguardian\/ggshield-action|zricethezav\/gitleaks-action|secret-scanner)/i,
  ],
  [
    'signing',
    /^(?:sigstore\/cosign-installer|sigstore\/gh-action-sigstore-python|slsa-framework\/slsa-github-generator|actions\/attest-build-provenance|actions\/attest|notaryproject\/notation-action)/i,
  ],
  [
    'ephemeral-cluster',
    /^(?:helm\/kind-action|engineerd\/setup-kind|container-tools\/kind-action|absaoss\/k3d-action|nolar\/setup-k3d-k3s|medyagh\/setup-minikube|manusa\/actions-setup-minikube)@/i,
  ],
  [
    'load-test',
    /^(?:grafana\/(?:k6-action|run-k6-action|setup-k6-action)|apache\/jmeter)/i,
  ],
];

const TEMPLATE_RULES: [StepCapability, RegExp][] = [
  ['tests', /(?:^|\/)(?:Code-Quality|Test|Jobs\/Test|Auto-DevOps)\b/i],
  ['container-build', /(?:^|\/)(?:Docker|Jobs\/Build|Auto-DevOps|Kaniko)\b/i],
  ['image-publish', /(?:^|\/)(?:Docker|Jobs\/Build|Auto-DevOps|Kaniko)\b/i],
  [
    'deploy',
    /(?:^|\/)(?:Jobs\/Deploy|Auto-DevOps|Deploy-ECS|AWS\/Deploy-ECS)\b/i,
  ],
  [
    'image-scan',
    /(?:^|\/)(?:Container-Scanning|Security\/Container-Scanning|Dependency-Scanning)\b/i,
  ],
  ['sast', /(?:^|\/)(?:SAST|Security\/SAST|SAST-IaC)\b/i],
  ['secret-scan', /(?:^|\/)(?:Secret-Detection|Security\/Secret-Detection)\b/i],
];

/** Shell comment lines say nothing about what a step runs. */
export function stripShellComments(script: string): string {
  return script
    .split('\n')
    .filter(line => !/^\s*(?:#|\/\/|REM\s)/i.test(line))
    .join('\n');
}

/**
 * What a command really runs: `echo`/`printf` arguments only mention
 * tools, and a build with its tests skipped is not a test run.
 */
function runnableText(command: string): string {
  return (
    stripShellComments(command)
      .replace(
        /\b(?:echo|printf)\b(?:[^|;&\n"']|"(?:[^"\\]|\\.)*"|'[^']*')*/g,
        ' ',
      )
      .replace(
        /\b(?:mvnw?|\.\/mvnw)\b[^\n;&|]*-D(?:skipTests(?!=false)|maven\.test\.skip=true)[^\n;&|]*/g,
        ' mvn-skip-tests ',
      )
      .replace(
        /\b(?:gradlew?|\.\/gradlew)\b[^\n;&|]*(?:-x\s+test\b)[^\n;&|]*/g,
        ' gradle-skip-tests ',
      )
      // Installing a tool is not running it: `pip install pytest trivy`.
      .replace(
        /\b(?:pip3?|pipx|python3?\s+-m\s+pip|uv\s+pip|poetry|apt(?:-get)?|apk|brew|gem|npm|yarn|pnpm)\s+(?:install|add)\b[^\n;&|]*/g,
        ' ',
      )
      // `docker run aquasec/trivy image …` runs Trivy.
      .replace(/\bdocker\s+run\b[^\n;&|]*\baquasec\/trivy(?::\S+)?/g, ' trivy ')
  );
}

/** Capabilities of a shell command or script. @public */
export function classifyCommand(command: string): Set<StepCapability> {
  const text = runnableText(command);
  const found = new Set<StepCapability>();
  for (const [capability, re] of COMMAND_RULES)
    if (re.test(text)) found.add(capability);
  return found;
}

/** Capabilities of a reusable action (`uses: owner/name@ref`). @public */
export function classifyAction(uses: string): Set<StepCapability> {
  const found = new Set<StepCapability>();
  for (const [capability, re] of ACTION_RULES)
    if (re.test(uses)) found.add(capability);
  return found;
}

/** Capabilities of an included CI template, by name. @public */
export function classifyTemplate(name: string): Set<StepCapability> {
  const found = new Set<StepCapability>();
  for (const [capability, re] of TEMPLATE_RULES)
    if (re.test(name)) found.add(capability);
  return found;
}

/** Environments whose deployment counts as persistent. */
export const PERSISTENT_ENVIRONMENT =
  /\b(?:prod|production|staging|stage|preprod|qa|uat|live|dev|development|test-env|sandbox)\b/i;

/** Registry host of an image reference, e.g. ghcr.io. @public */
export function registryOf(image: string): string | undefined {
  const m = /^([a-z0-9.-]+\.[a-z]{2,}(?::\d+)?|localhost(?::\d+)?)\//i.exec(
    image.trim(),
  );
  if (m) return m[1].toLowerCase();
  return undefined;
}

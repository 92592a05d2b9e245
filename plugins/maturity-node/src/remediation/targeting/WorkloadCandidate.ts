/**
 * A container of a workload, as the repository declares it.
 *
 * @public
 */
export interface CandidateContainer {
  name: string;
  image?: string;
  ports: { name?: string; containerPort?: number }[];
}

/**
 * A Deployment or StatefulSet the repository declares: in a manifest file,
 * or rendered from a chart template.
 *
 * @public
 */
export interface WorkloadCandidate {
  source: 'manifest' | 'chart';
  /** The manifest, or the chart template, that declares it. */
  path: string;
  /** Index of its document in a multi-document manifest. */
  document: number;
  /** The chart folder ('' at the root) when it comes from a chart. */
  chart?: string;
  chartName?: string;
  kind: 'Deployment' | 'StatefulSet';
  /** As rendered; a chart's real name comes from its helpers. */
  name: string;
  labels: Record<string, string>;
  selector: Record<string, string>;
  containers: CandidateContainer[];
  /**
   * For a chart: Helm's error when its template does not render with the
   * chart's default values (the workload was then read approximately).
   */
  renderError?: string;
  /** The parsed object (for manifests: what an edit starts from). */
  object: any;
}

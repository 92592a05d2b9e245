export interface Config {
  /**
   * Roadmap Maturity: the rubric and exemptions, read by every package that
   * scores (the backend plugin, the scaffolder module, the CLI) through
   * `maturityRubricServiceRef`.
   */
  maturity?: {
    /**
     * Changes to the default rubric: add checks, change a check's weight,
     * level or pillar, disable checks, add levels or pillars. Validated at
     * start; an invalid rubric stops the plugin with an error naming the key.
     * See the README of @roadmap/plugin-maturity-common for the format.
     */
    rubric?: {
      /** Pillars to add (or to retitle, by id). */
      pillars?: Array<{ id: string; title?: string; description?: string }>;
      /** Levels to add (or to retitle, by id), in order. */
      levels?: Array<{ id: string; title?: string; description?: string }>;
      /** Checks to add, or to change by id. */
      checks?: Array<{
        id: string;
        /** `false` removes the check from the rubric. */
        enabled?: boolean;
        [key: string]: unknown;
      }>;
      /** Facts adopter checks may refer to, for validation. */
      facts?: Array<{ id: string; source: string; description?: string }>;
    };

    /**
     * A YAML file with rubric overrides in the same format as
     * `maturity.rubric`, relative to the backend's working directory.
     * Applied after `maturity.rubric`.
     */
    rubricFile?: string;

    /**
     * Waivers of checks for entities, with a reason and an expiry date
     * (YYYY-MM-DD). Entities can also carry their own exemptions in the
     * `maturity.roadmap.dev/exemptions` annotation.
     */
    exemptions?: Array<{
      /** e.g. `component:default/legacy-billing` */
      entityRef: string;
      /** The check id, e.g. `rel.chaos`. */
      check: string;
      reason: string;
      /** Date the exemption ends, YYYY-MM-DD. */
      expires: string;
    }>;
  };
}

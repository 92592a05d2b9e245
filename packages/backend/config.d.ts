export interface Config {
  /**
   * Demo only: repository URLs served from local folders by the backend's
   * UrlReader (`src/localRepositories`), so the demo scores its example
   * repositories without a GitHub token. Paths outside a folder are refused.
   */
  localRepositories?: Array<{
    /** e.g. `https://github.com/roadmap-demo/`; must end with a slash. */
    urlPrefix: string;
    /** Folder, relative to the backend's working directory (packages/backend). */
    directory: string;
  }>;
}

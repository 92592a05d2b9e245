/**
 * Scaffolder actions of Roadmap Maturity (`maturity:*`).
 *
 * @packageDocumentation
 */
export { scaffolderModule as default } from './module';
export { createScoreWorkspaceAction } from './actions/scoreWorkspace';

/**
 * The repository check whose generated files fix a check: one mapping for
 * the action and every other caller of the plan, in the node library.
 */
export { repositoryCheckFor } from '@roadmap/plugin-maturity-node';

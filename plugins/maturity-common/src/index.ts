/**
 * Isomorphic types, rubric schema, evaluator, permissions and the default
 * rubric of the Roadmap Maturity plugins.
 *
 * @packageDocumentation
 */

export * from './types/Fact';

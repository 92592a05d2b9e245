/**
 * Isomorphic types, rubric schema and loader, condition language, evaluator,
 * permissions, reports and the default rubric of the Roadmap Maturity
 * plugins.
 *
 * @packageDocumentation
 */

export * from './types/Fact';
export * from './types/Check';
export * from './types/Score';
export * from './conditions/compileCondition';
export * from './evaluator/createEvaluator';
export * from './evaluator/rubricHash';
export * from './exemptions/Exemption';
export * from './exemptions/exemptionsFromEntity';
export * from './exemptions/exemptionSchema';
export * from './catalog/extractCatalogFacts';
export * from './rubric/factCatalog';
export * from './rubric/defaultRubric';
export * from './rubric/rubricOverridesSchema';
export * from './rubric/RubricValidationError';
export * from './rubric/loadRubric';
export * from './permissions';
export * from './api/ScoreApiTypes';
export * from './api/RubricDryRunApiTypes';
export * from './api/PushFactsApiTypes';
export * from './events/MaturityScoreChangedEvent';
export * from './report/RoadmapReportInput';
export * from './report/markdownText';
export * from './report/renderRoadmapMarkdown';
export * from './report/renderGroupRoadmapMarkdown';
export * from './campaigns/Campaign';
export * from './campaigns/CampaignApiTypes';
export * from './campaigns/campaignInputSchema';
export * from './campaigns/campaignState';
export * from './campaigns/phaseProgress';
export * from './campaigns/forecastCompletion';
export * from './exemptions/ExemptionRequest';
export * from './campaigns/import/roadmapItemMappings';
export * from './campaigns/import/proposeCampaignFromRoadmap';

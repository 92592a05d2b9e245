export {
  loadFieldCorpus,
  FIELD_CORPUS_DIR,
  DEFAULT_FIELD_DIR,
  type FieldLabel,
  type FieldRepository,
} from './loadFieldCorpus';
export { scoreFieldRepository, type ToolVerdict } from './scoreFieldRepository';

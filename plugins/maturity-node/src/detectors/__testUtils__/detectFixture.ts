import { InMemoryRepositoryTree } from '../../tree/InMemoryRepositoryTree';
import { detectRepositoryFacts } from '../detectRepositoryFacts';

/** Detects facts in a small tree written for a test, with accessors. */
export async function detectFixture(files: Record<string, string>) {
  const result = await detectRepositoryFacts(
    new InMemoryRepositoryTree(files),
    {
      now: new Date('2026-11-24T00:00:00Z'),
    },
  );
  const fact = (id: string) =>
    result.facts.find(f => f.id === `repository.${id}`);
  return {
    ...result,
    value: (id: string) => fact(id)?.value,
    evidence: (id: string) => fact(id)?.evidence ?? [],
    notes: (id: string) =>
      (fact(id)?.evidence ?? []).map(e => e.note ?? '').join('\n'),
  };
}

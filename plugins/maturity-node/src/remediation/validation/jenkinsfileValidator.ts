import { groovyBlocks } from '../ci/groovyBlocks';
import type {
  RemediationValidator,
  ValidationFinding,
} from './RemediationValidator';

/**
 * Planned Jenkinsfiles keep a declarative pipeline's shape: balanced blocks
 * (strings and comments aside), one `pipeline`, `stages` inside it, and
 * every `stage` with a `steps` block. Jenkins' own linter needs a running
 * controller, which plan time does not have.
 */
export const jenkinsfileValidator: RemediationValidator = {
  name: 'jenkinsfile',
  async validate({ after, changed }) {
    const findings: ValidationFinding[] = [];
    for (const path of changed) {
      if (!/(^|\/)jenkinsfile[\w.-]*$/i.test(path)) continue;
      const text = (await after.readFile(path)) ?? '';
      const blocks = groovyBlocks(text);
      const fail = (message: string) =>
        findings.push({ path, validator: 'jenkinsfile', message });
      if (!blocks) {
        fail('the braces, strings or comments do not balance');
        continue;
      }
      const pipeline = blocks.filter(
        b => b.name === 'pipeline' && b.depth === 0,
      );
      if (pipeline.length !== 1) {
        fail('expected one top-level pipeline { } block');
        continue;
      }
      const inside = (
        outer: { open: number; close: number },
        b: { open: number },
      ) => b.open > outer.open && b.open < outer.close;
      const stages = blocks.filter(
        b => b.name === 'stages' && inside(pipeline[0], b),
      );
      if (stages.length === 0) fail('the pipeline has no stages { } block');
      for (const stage of blocks.filter(
        b => b.name === 'stage' && inside(pipeline[0], b),
      )) {
        const children = blocks.filter(
          b => inside(stage, b) && b.depth === stage.depth + 1,
        );
        if (
          !children.some(b =>
            ['steps', 'stages', 'parallel', 'matrix'].includes(b.name),
          )
        )
          fail(`stage(${stage.argument ?? ''}) has no steps { } block`);
      }
    }
    return { findings };
  },
};

import { ConfigReader } from '@backstage/config';
import type { JsonObject } from '@backstage/types';
import {
  DefaultMaturityRubricService,
  type MaturityRubricService,
} from '@roadmap/plugin-maturity-node';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { UsageError } from '../UsageError';

function readYaml(file: string, flag: string): unknown {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(
      `cannot read ${flag} ${file}: ${
        (error as NodeJS.ErrnoException).code ?? (error as Error).message
      }`,
    );
  }
  try {
    return parse(text) ?? {};
  } catch (error) {
    throw new UsageError(
      `${flag} ${file} is not valid YAML: ${
        (error as Error).message.split('\n')[0]
      }`,
    );
  }
}

/**
 * The effective rubric for the CLI, read by the same service the backend
 * and the scaffolder actions use: `--config` takes an app-config file and
 * reads its `maturity.rubric`, `maturity.rubricFile` (relative to that
 * file) and `maturity.exemptions`; `--rubric` takes a file of overrides in
 * the `maturity.rubric` format, applied last.
 */
export function loadCliRubric(options: {
  config?: string;
  rubric?: string;
}): MaturityRubricService {
  const maturity: Record<string, unknown> = {};
  let baseDir = process.cwd();
  if (options.config) {
    const appConfig = readYaml(options.config, '--config') as {
      maturity?: Record<string, unknown>;
    };
    Object.assign(maturity, appConfig?.maturity ?? {});
    baseDir = path.dirname(path.resolve(options.config));
  }
  if (options.rubric) {
    // The file comes last, as `maturity.rubricFile` does in the backend.
    maturity.rubricFile = path.resolve(options.rubric);
  }
  try {
    return DefaultMaturityRubricService.fromConfig(
      new ConfigReader(
        { maturity } as JsonObject,
        options.config ?? 'command line',
      ),
      { baseDir },
    );
  } catch (error) {
    throw new UsageError((error as Error).message.replace(/\n\s*/g, '; '));
  }
}

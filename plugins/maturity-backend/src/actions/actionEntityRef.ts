import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';

/**
 * An action's `entityRef` input in canonical form (`payments-api` means
 * `component:default/payments-api`), or an InputError that says what is
 * wrong with it.
 */
export function actionEntityRef(input: string): string {
  try {
    return stringifyEntityRef(
      parseEntityRef(input.trim(), {
        defaultKind: 'component',
        defaultNamespace: 'default',
      }),
    );
  } catch (error) {
    throw new InputError(
      `entityRef "${input}" is not an entity reference (e.g. component:default/payments-api): ${
        (error as Error).message
      }`,
    );
  }
}

import { CustomErrorBase } from '@backstage/errors';

/**
 * A request larger than the route takes: answered 413 (Backstage's error
 * handler reads `statusCode`), with a message that says the limit.
 */
export class PayloadTooLargeError extends CustomErrorBase {
  name = 'PayloadTooLargeError' as const;
  readonly statusCode = 413;
}

import {
  coreServices,
  createServiceFactory,
  type LoggerService,
  type RootLoggerService,
} from '@backstage/backend-plugin-api';

/**
 * A root logger that keeps every info line (for the refresh's own summary,
 * "Scored N entities in M ms") and prints warnings and errors, with a
 * service factory that installs it in a test backend.
 */
export function capturingRootLogger() {
  const lines: string[] = [];
  const make = (meta: Record<string, unknown>): RootLoggerService => {
    const logger: LoggerService & RootLoggerService = {
      error: (message, extra) =>
        // eslint-disable-next-line no-console
        console.error(`[replica ${process.pid}] ${message}`, extra ?? ''),
      warn: (message, extra) =>
        // eslint-disable-next-line no-console
        console.warn(`[replica ${process.pid}] ${message}`, extra ?? ''),
      info: message => {
        lines.push(message);
      },
      debug: () => {},
      child: more => make({ ...meta, ...more }),
    };
    return logger;
  };
  const root = make({});
  return {
    lines,
    factory: createServiceFactory({
      service: coreServices.rootLogger,
      deps: {},
      factory: () => root,
    }),
  };
}

import type { AuditorService } from '@backstage/backend-plugin-api';
import type { Request } from 'express';

/**
 * Runs a security-relevant write as one auditor event: created before it,
 * closed with success (and the result's id) or with the error, awaited.
 */
export async function auditedAction<T>(
  auditor: AuditorService,
  event: { eventId: string; meta: Record<string, string>; request?: Request },
  fn: () => Promise<T>,
): Promise<T> {
  const audit = await auditor.createEvent({
    eventId: event.eventId,
    severityLevel: 'medium',
    meta: event.meta,
    request: event.request,
  });
  try {
    const result = await fn();
    const id = (result as { id?: unknown } | undefined)?.id;
    await audit.success({
      meta: { ...event.meta, ...(typeof id === 'string' ? { id } : {}) },
    });
    return result;
  } catch (error) {
    await audit.fail({ error: error as Error });
    throw error;
  }
}

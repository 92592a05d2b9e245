import {
  coreServices,
  createServiceFactory,
  type SchedulerService,
  type SchedulerServiceTaskDescriptor,
  type SchedulerServiceTaskInvocationDefinition,
  type SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';

type Task = SchedulerServiceTaskScheduleDefinition &
  SchedulerServiceTaskInvocationDefinition;

/**
 * A scheduler whose tasks never run on their own: a test or a benchmark
 * triggers them (the refresh, the campaign notifications, a peer's fact
 * retriever), so it knows exactly what ran, with nothing else running in
 * the backend.
 *
 * @public
 */
export class ManualScheduler implements SchedulerService {
  readonly #tasks = new Map<string, Task>();

  /** A service factory installing this scheduler in a test backend. */
  factory() {
    return createServiceFactory({
      service: coreServices.scheduler,
      deps: {},
      factory: () => this,
    });
  }

  async scheduleTask(
    task: SchedulerServiceTaskScheduleDefinition &
      SchedulerServiceTaskInvocationDefinition,
  ): Promise<void> {
    this.#tasks.set(task.id, task);
  }

  createScheduledTaskRunner(schedule: SchedulerServiceTaskScheduleDefinition) {
    return {
      run: async (task: SchedulerServiceTaskInvocationDefinition) => {
        await this.scheduleTask({ ...schedule, ...task });
      },
    };
  }

  async getScheduledTasks(): Promise<SchedulerServiceTaskDescriptor[]> {
    return [...this.#tasks.values()].map(t => ({
      id: t.id,
      scope: t.scope ?? 'global',
      settings: { version: 1 },
    }));
  }

  /** Runs the task once and resolves when it has finished; its errors are thrown. */
  async triggerTask(id: string): Promise<void> {
    const task = this.#tasks.get(id);
    if (!task) {
      throw new Error(
        `No task ${id}; scheduled: ${[...this.#tasks.keys()].join(', ')}`,
      );
    }
    await task.fn(new AbortController().signal);
  }

  async cancelTask(): Promise<void> {}

  /** The ids of the scheduled tasks. */
  taskIds(): string[] {
    return [...this.#tasks.keys()];
  }
}

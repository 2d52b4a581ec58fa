// Revocation tasks: the record of each task, its status over platform time (WAITTING, RUNNING, outcome), its commands.
import type { RevocationTask, RevokedDeviceCommandResp } from '../../contracts/oceanconnect/responses.ts';
import { FINISHED_TASK_STATUSES, type TaskStatus } from '../../contracts/oceanconnect/states.ts';
import type { CanonicalState } from '../../contracts/common/lifecycle.ts';
import type { CommandView } from '../model/command.ts';
import type { CommandStore } from '../model/command-store.ts';
import { revokedCommandResp } from './projection.ts';

export type TaskRecord = {
  taskId: string;
  appId: string;
  deviceId: string;
  createdAt: number;
  commandIds: string[];
  /**
   * The states of the revoked commands a moment before the task revoked them (null: all PENDING, the usual case). Until
   * the task has finished it lists the commands as they were then: their records now, with these states and no
   * finishing time (revoking changes nothing else). Keeping states rather than copies keeps a task near 200 bytes.
   */
  before: readonly CanonicalState[] | null;
  /** A seeded task keeps the status it was given; a created one follows its timeline. */
  fixedStatus: TaskStatus | null;
};

export type TaskTiming = { runDelayMs: number; runMs: number };

/**
 * The tasks of every application, in creation order. A created task shows WAITTING until `runDelayMs` after its
 * creation, RUNNING for `runMs`, then its outcome: SUCCESS when every command it lists is CANCELED (or it lists
 * none), PART_SUCCESS when some are, FAILED when none are. The commands are revoked when the task is created, so a
 * created task always ends SUCCESS; the other outcomes come from seeded tasks.
 */
export class TaskBook {
  private tasks: TaskRecord[] = [];
  private readonly byId = new Map<string, TaskRecord>();
  private readonly timing: TaskTiming;
  private readonly store: CommandStore;

  constructor(store: CommandStore, timing: TaskTiming) {
    this.store = store;
    this.timing = timing;
  }

  has(taskId: string): boolean {
    return this.byId.has(taskId);
  }

  add(task: TaskRecord): void {
    this.tasks.push(task);
    this.byId.set(task.taskId, task);
  }

  clear(): void {
    this.tasks = [];
    this.byId.clear();
  }

  /** The tasks of one application, in creation order. */
  of(appId: string): TaskRecord[] {
    return this.tasks.filter((t) => t.appId === appId);
  }

  statusAt(task: TaskRecord, now: number): TaskStatus {
    if (task.fixedStatus) return task.fixedStatus;
    const runAt = task.createdAt + this.timing.runDelayMs;
    if (now < runAt) return 'WAITTING';
    if (now < runAt + this.timing.runMs) return 'RUNNING';
    const states = this.current(task).map((c) => c.state);
    const canceled = states.filter((s) => s === 'CANCELED').length;
    if (canceled === states.length) return 'SUCCESS';
    return canceled === 0 ? 'FAILED' : 'PART_SUCCESS';
  }

  /** The task as both revocation APIs answer it at `now`. */
  answerAt(task: TaskRecord, now: number): RevocationTask {
    const status = this.statusAt(task, now);
    const views =
      FINISHED_TASK_STATUSES.has(status) || task.fixedStatus ? this.current(task) : this.snapshotOf(task);
    const deviceCommands: RevokedDeviceCommandResp[] = views.map(revokedCommandResp);
    return {
      taskId: task.taskId,
      appId: task.appId,
      deviceId: task.deviceId,
      status,
      totalCount: deviceCommands.length,
      deviceCommands,
    };
  }

  /** The task's commands as they were a moment before it revoked them. */
  private snapshotOf(task: TaskRecord): CommandView[] {
    return this.current(task).map((v, i) => ({
      ...v,
      state: task.before?.[i] ?? 'PENDING',
      finishedAt: null,
    }));
  }

  private current(task: TaskRecord): CommandView[] {
    return task.commandIds.map((id) => this.store.get(id)).filter((v): v is CommandView => v !== undefined);
  }
}

import { describe, expect, it } from 'vitest';
import { createTaskTracker, poolWork, trackCronTasks, waitForIdlePool } from './shutdown';

/** A pool whose in-use count follows a script, one value per look, and a clock that counts turns. */
function scripted(used: number[]) {
  let look = 0;
  let time = 0;
  const pool = {
    numUsed: () => used[Math.min(look++, used.length - 1)],
    numPendingAcquires: () => 0,
    numPendingCreates: () => 0,
  };
  const clock = {
    now: () => time,
    turn: async () => {
      time += 1;
    },
    sleep: async (ms: number) => {
      time += ms;
    },
  };
  return { pool, clock, looks: () => look };
}

describe('poolWork', () => {
  it.each([
    [{ numUsed: () => 0, numPendingAcquires: () => 0, numPendingCreates: () => 0 }, 0],
    [{ numUsed: () => 2, numPendingAcquires: () => 1, numPendingCreates: () => 0 }, 3],
    [{ numUsed: () => 0, numPendingAcquires: () => 0, numPendingCreates: () => 1, numPendingValidations: () => 1 }, 2],
  ])('counts connections in use and asked for (%#)', (pool, expected) => {
    expect(poolWork(pool)).toBe(expected);
  });
});

describe('waitForIdlePool', () => {
  it('returns after the quiet turns when nothing uses the pool', async () => {
    const { pool, clock, looks } = scripted([0]);
    expect(await waitForIdlePool(pool, { timeoutMs: 1000, quietTurns: 3, clock })).toEqual({
      idle: true,
      busy: 0,
      waitedMs: 3,
    });
    expect(looks()).toBe(3);
  });

  it('starts counting again when a query chain asks for its next connection after a quiet turn', async () => {
    // busy, idle for a turn (between two queries of a populate), busy again, then idle for good
    const { pool, clock, looks } = scripted([2, 0, 1, 0, 0, 0]);
    const result = await waitForIdlePool(pool, { timeoutMs: 1000, quietTurns: 3, pollMs: 10, clock });
    expect(result.idle).toBe(true);
    expect(looks()).toBe(6);
  });

  it('gives up at the deadline and reports what is still busy', async () => {
    const { pool, clock } = scripted([4]);
    expect(await waitForIdlePool(pool, { timeoutMs: 100, pollMs: 10, clock })).toEqual({
      idle: false,
      busy: 4,
      waitedMs: 100,
    });
  });
});

describe('createTaskTracker', () => {
  it('waits for tracked work, failed work included, and hands the task its own result', async () => {
    const tracker = createTaskTracker();
    let finish!: () => void;
    let fail!: (error: Error) => void;
    const ok = tracker.track(new Promise<string>((resolve) => (finish = () => resolve('done'))));
    const bad = tracker.track(new Promise<string>((_, reject) => (fail = reject)));
    bad.catch(() => undefined);
    expect(tracker.inFlight()).toBe(2);
    const settled = tracker.settled(10_000);
    finish();
    fail(new Error('odoo down'));
    expect(await settled).toEqual({ pending: 0 });
    expect(await ok).toBe('done');
    await expect(bad).rejects.toThrow('odoo down');
  });

  it('stops waiting at the deadline', async () => {
    const tracker = createTaskTracker();
    tracker.track(new Promise(() => undefined));
    expect(await tracker.settled(5)).toEqual({ pending: 1 });
  });
});

describe('trackCronTasks', () => {
  it('tracks both task forms while they run and keeps names and options', async () => {
    const added: Array<Record<string, any>> = [];
    const cron = { add: (tasks: Record<string, any>) => added.push(tasks) };
    const tracker = createTaskTracker();
    trackCronTasks(cron, tracker);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    cron.add({
      stageReadBack: { task: async () => gate, options: { rule: '*/5 * * * *' } },
      '0 0 * * *': async () => gate,
    });
    expect(added[0].stageReadBack.options).toEqual({ rule: '*/5 * * * *' });
    const runs = [added[0].stageReadBack.task(), added[0]['0 0 * * *']()];
    expect(tracker.inFlight()).toBe(2);
    release();
    await Promise.all(runs);
    expect(await tracker.settled(1000)).toEqual({ pending: 0 });
  });
});

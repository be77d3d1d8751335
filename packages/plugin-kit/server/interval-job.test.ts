import { afterEach, describe, expect, it, vi } from 'vitest';
import { intervalJob } from './interval-job';

describe('intervalJob', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('runs once a tick and skips a tick while the previous run is under way', async () => {
    vi.useFakeTimers();
    let release: () => void = () => undefined;
    const run = vi.fn(() => new Promise<void>((resolve) => (release = resolve)));
    const job = intervalJob({ everyMs: 100, run, onError: () => undefined });
    job.start();
    await vi.advanceTimersByTimeAsync(100);
    expect(run).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(300);
    expect(run).toHaveBeenCalledTimes(1);
    release();
    await vi.advanceTimersByTimeAsync(100);
    expect(run).toHaveBeenCalledTimes(2);
    release();
    await job.stop();
  });

  it('reports a failed run and goes on with the next tick', async () => {
    vi.useFakeTimers();
    const errors: string[] = [];
    const run = vi.fn().mockRejectedValueOnce('boom').mockResolvedValue(undefined);
    const job = intervalJob({ everyMs: 50, run, onError: (error) => errors.push(error.message) });
    job.start();
    await vi.advanceTimersByTimeAsync(100);
    expect(errors).toEqual(['boom']);
    expect(run).toHaveBeenCalledTimes(2);
    await job.stop();
  });

  it('stop() waits for the run under way and ends the ticks; 0 ms never starts', async () => {
    vi.useFakeTimers();
    let finished = false;
    const run = vi.fn(async () => {
      await new Promise((resolve) => setTimeout(resolve, 500));
      finished = true;
    });
    const job = intervalJob({ everyMs: 100, run, onError: () => undefined });
    job.start();
    job.start();
    await vi.advanceTimersByTimeAsync(100);
    const stopped = job.stop();
    await vi.advanceTimersByTimeAsync(500);
    await stopped;
    expect(finished).toBe(true);
    await vi.advanceTimersByTimeAsync(1000);
    expect(run).toHaveBeenCalledTimes(1);

    const off = vi.fn(async () => undefined);
    intervalJob({ everyMs: 0, run: off, onError: () => undefined }).start();
    await vi.advanceTimersByTimeAsync(1000);
    expect(off).not.toHaveBeenCalled();
  });
});

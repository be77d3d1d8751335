/**
 * A job that runs every `everyMs` while the plugin is up: a slow run is never overlapped by the
 * next tick (that tick is skipped), a failed run is reported and the next tick tries again, the
 * timer does not keep the process alive, and `stop()` waits for a run under way.
 */
export interface IntervalJob {
  /** starts the ticks; does nothing when already started or when `everyMs` is 0 or less */
  start(): void;
  /** stops the ticks and resolves once the run under way, if any, has ended */
  stop(): Promise<void>;
}

export interface IntervalJobOptions {
  /** the pause between two ticks; 0 or less switches the job off */
  everyMs: number;
  run: () => Promise<unknown>;
  /** told of a run that threw; the job goes on */
  onError: (error: Error) => void;
}

export function intervalJob({ everyMs, run, onError }: IntervalJobOptions): IntervalJob {
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  const tick = () => {
    if (running) return;
    running = run()
      .then(
        () => undefined,
        (error: unknown) => onError(error instanceof Error ? error : new Error(String(error))),
      )
      .finally(() => {
        running = null;
      });
  };
  return {
    start() {
      if (everyMs <= 0 || timer) return;
      timer = setInterval(tick, everyMs);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = null;
      await running;
    },
  };
}

import { inject } from 'vitest';
import type { ReceivedRebuild } from './rebuild-receiver';

/** Test-side controls of the fake site build hook started by the global setup. */
export const fakeRebuildReceiver = {
  async received(): Promise<ReceivedRebuild[]> {
    const response = await fetch(`${inject('rebuildReceiverUrl')}/__fake/received`);
    return (await response.json()).received;
  },
  async reset() {
    await fetch(`${inject('rebuildReceiverUrl')}/__fake/reset`, { method: 'POST' });
  },
  /** The next `times` deliveries answer `status`. */
  async fail(status: number, times: number) {
    await fetch(`${inject('rebuildReceiverUrl')}/__fake/fail`, {
      method: 'POST',
      body: JSON.stringify({ status, times }),
    });
  },
};

import { createScratchDatabase } from '../../scripts/lib/scratch-database.mjs';

/** A fresh database for this test run (see scripts/lib/scratch-database.mjs for which server). */
export const createTestDatabase = (): Promise<{ url: string; drop: () => Promise<void> }> =>
  createScratchDatabase('magnetiq_test');

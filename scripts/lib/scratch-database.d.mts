/** A new empty database on the test PostgreSQL, and how to drop it. */
export function createScratchDatabase(prefix?: string): Promise<{ url: string; drop(): Promise<void> }>;

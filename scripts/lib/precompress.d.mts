/**
 * Writes .gz and .br copies of the text files below `dir`; resolves with how many files it
 * compressed. With `cacheDir`, copies of unchanged contents come from there.
 */
export function precompress(dir: string, options?: { cacheDir?: string }): Promise<number>;

/** Writes .gz and .br copies of the text files below `dir`; returns how many files it compressed. */
export function precompress(dir: string): number;

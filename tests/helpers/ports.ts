// @ts-expect-error plain ESM helper shared with the start script and the benchmarks
export { freePort } from '../../scripts/lib/ports.mjs';

/**
 * The path as Strapi's router would match it. Koa's router compares paths case-insensitively
 * and ignores a trailing slash, so a middleware that compares `ctx.path` exactly is bypassed by
 * `/api/Auth/local/register` or `/admin/LOGIN/`. Checks compare this form instead: percent-decoded
 * (repeatedly, so `%252F` cannot hide a slash either), lower-cased, runs of slashes collapsed and
 * the trailing slash removed. A path that does not decode is returned as it is, lower-cased: it
 * names no route, so no check can be skipped through it.
 */
export function canonicalPath(path: string): string {
  let decoded = path;
  for (let round = 0; round < 3; round += 1) {
    let next: string;
    try {
      next = decodeURIComponent(decoded);
    } catch {
      break;
    }
    if (next === decoded) break;
    decoded = next;
  }
  const collapsed = decoded
    .toLowerCase()
    .replace(/\\/g, '/')
    .replace(/\/{2,}/g, '/');
  return collapsed.length > 1 ? collapsed.replace(/\/+$/, '') : collapsed;
}

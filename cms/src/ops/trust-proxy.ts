/**
 * TRUST_PROXY → Strapi's `server.proxy` (koa's `proxy` and `maxIpsCount`).
 *
 * koa takes the client IP from X-Forwarded-For when `proxy` is on: the leftmost entry, which the
 * client itself can write ("X-Forwarded-For: 203.0.113.9" is forwarded as "203.0.113.9, <real
 * address>" by an nginx with $proxy_add_x_forwarded_for), so every request could choose a fresh
 * rate-limit key. A hop count N (`maxIpsCount`) keeps only the last N entries, the ones our own
 * proxies appended: behind one nginx, TRUST_PROXY=1 gives the address nginx saw.
 *
 *   false | 0 | empty  the socket's address (clients reach the CMS directly)
 *   N (1, 2, …)        N proxies of ours in front, each appending to X-Forwarded-For
 *   true               any number of proxies: the leftmost entry (only safe when the proxy
 *                      replaces the header: proxy_set_header X-Forwarded-For $remote_addr)
 */
export interface ProxySettings {
  koa: boolean;
  maxIpsCount?: number;
}

export function proxySettings(value: string | boolean | number | undefined): ProxySettings {
  const text = String(value ?? '')
    .trim()
    .toLowerCase();
  if (text === '' || text === 'false' || text === '0') return { koa: false };
  if (text === 'true') return { koa: true };
  if (/^[1-9]\d{0,1}$/.test(text)) return { koa: true, maxIpsCount: Number(text) };
  throw new Error(
    `TRUST_PROXY must be true, false or the number of proxies in front of the CMS (1 behind one nginx), not "${value}"`,
  );
}

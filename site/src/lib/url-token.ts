/**
 * Capability tokens that arrive in a page's URL (the booking emails' manage link) are taken out
 * of the address bar as soon as the page has read them: analytics and other third-party scripts
 * read `location.href` (and send it home), and the address would otherwise stay in the history,
 * in bookmarks and in screenshots. The token lives on in the island's memory only.
 */

/** The address without the query parameter `name`, as a path (same origin), hash kept. */
export function addressWithout(href: string, name: string): string {
  const url = new URL(href);
  url.searchParams.delete(name);
  return `${url.pathname}${url.search}${url.hash}`;
}

/** Reads `name` from the current URL and replaces the history entry with the address without it. */
export function takeTokenFromAddressBar(name = 'token'): string | null {
  const href = window.location.href;
  const token = new URL(href).searchParams.get(name);
  if (token !== null) window.history.replaceState(window.history.state, '', addressWithout(href, name));
  return token;
}

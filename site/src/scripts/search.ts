/**
 * The search page's script (pages/[lang]/search.astro): asks the Pagefind index of the page's
 * language (Pagefind picks it from <html lang>) and lists the results, filtered by type. The
 * index and Pagefind's own code are loaded on the first search, from /pagefind/ of the build.
 */
interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}
interface Pagefind {
  options(options: { noWorker?: boolean }): Promise<void>;
  init(): Promise<void>;
  search(
    term: string,
    options?: { filters?: Record<string, string> },
  ): Promise<{ results: Array<{ id: string; data(): Promise<PagefindResultData> }> } | null>;
}
interface Strings {
  none: string;
  loading: string;
  failed: string;
  results: Record<string, string>;
  types: Record<string, string>;
}

const SHOWN = 20;
const root = document.querySelector<HTMLElement>('[data-search]');
const form = root?.querySelector<HTMLFormElement>('[data-search-form]');
const status = root?.querySelector<HTMLElement>('[data-search-status]');
const list = root?.querySelector<HTMLOListElement>('[data-search-results]');

let pagefind: Promise<Pagefind> | null = null;
const loadPagefind = () => {
  // a path the bundler must not resolve: the index is written after the build (astro:build:done)
  const url = '/pagefind/pagefind.js';
  pagefind ??= import(/* @vite-ignore */ url).then(async (module: Pagefind) => {
    // in the page itself, not a Web Worker: the CSP keeps worker-src 'none', and the index is small
    await module.options({ noWorker: true });
    await module.init();
    return module;
  });
  return pagefind;
};

/** Pagefind's excerpt is HTML with <mark> around the hits: keep the text and the marks, nothing else. */
function excerptNodes(html: string): Node[] {
  const template = document.createElement('template');
  template.innerHTML = html;
  return Array.from(template.content.childNodes).map((node) => {
    if (node.nodeName === 'MARK') {
      const mark = document.createElement('mark');
      mark.textContent = node.textContent;
      return mark;
    }
    return document.createTextNode(node.textContent ?? '');
  });
}

function resultItem(data: PagefindResultData, strings: Strings): HTMLLIElement {
  const item = document.createElement('li');
  item.className = 'search-result';
  const type = data.filters.type?.[0];
  if (type) {
    const badge = document.createElement('span');
    badge.className = 'badge';
    badge.textContent = strings.types[type] ?? type;
    item.append(badge);
  }
  const heading = document.createElement('h2');
  const link = document.createElement('a');
  link.href = data.url;
  link.textContent = data.meta.title || data.url;
  heading.append(link);
  const excerpt = document.createElement('p');
  excerpt.append(...excerptNodes(data.excerpt));
  item.append(heading, excerpt);
  return item;
}

if (root && form && status && list) {
  const strings = JSON.parse(root.dataset.search ?? '{}') as Strings;
  const plural = new Intl.PluralRules(document.documentElement.lang);
  const query = form.elements.namedItem('q') as HTMLInputElement;
  let latest = 0;

  const search = async () => {
    const term = query.value.trim();
    const type = String(new FormData(form).get('type') ?? '');
    const params = new URLSearchParams();
    if (term) params.set('q', term);
    if (type) params.set('type', type);
    history.replaceState(null, '', params.size > 0 ? `?${params}` : location.pathname);
    const run = ++latest;
    if (!term) {
      status.textContent = '';
      list.replaceChildren();
      return;
    }
    status.textContent = strings.loading;
    try {
      const found = await (await loadPagefind()).search(term, type ? { filters: { type } } : {});
      const results = found?.results ?? [];
      const data = await Promise.all(results.slice(0, SHOWN).map((result) => result.data()));
      if (run !== latest) return; // a newer search answered first
      list.replaceChildren(...data.map((entry) => resultItem(entry, strings)));
      status.textContent =
        results.length === 0
          ? strings.none
          : (strings.results[plural.select(results.length)] ?? strings.results.other).replace(
              '{n}',
              String(results.length),
            );
    } catch {
      if (run === latest) status.textContent = strings.failed;
    }
  };

  let timer: ReturnType<typeof setTimeout> | undefined;
  const soon = () => {
    clearTimeout(timer);
    timer = setTimeout(search, 150);
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(timer);
    void search();
  });
  query.addEventListener('input', soon);
  form.addEventListener('change', (event) => {
    if ((event.target as HTMLInputElement).name === 'type') void search();
  });
  query.addEventListener('focus', () => void loadPagefind().catch(() => undefined), { once: true });

  const params = new URLSearchParams(location.search);
  query.value = params.get('q') ?? '';
  const type = params.get('type');
  const radio = type && form.querySelector<HTMLInputElement>(`input[name="type"][value="${CSS.escape(type)}"]`);
  if (radio) radio.checked = true;
  if (query.value) void search();
}

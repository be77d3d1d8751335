/**
 * Layout checks for a rendered page in the browser: horizontal overflow (the document wider than
 * the window) and overlapping elements (two visible siblings whose boxes intersect). Used by the
 * screenshot test (tests/e2e/site-layout.test.ts); each problem is a sentence naming the elements.
 */
import type { Page } from 'playwright-core';

/** Overlaps smaller than this (px, in both directions) are rounding, a border or a focus ring: ignored. */
const TOLERANCE = 2;

export async function layoutProblems(page: Page, root = 'body'): Promise<string[]> {
  return page.evaluate(
    ({ root, tolerance }) => {
      const problems: string[] = [];
      const describe = (element: Element) => {
        const id = element.id ? `#${element.id}` : '';
        const classes = [...element.classList].map((name) => `.${name}`).join('');
        const text = (element.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);
        return `<${element.tagName.toLowerCase()}${id}${classes}>${text ? ` "${text}"` : ''}`;
      };

      // 1. horizontal overflow, with the elements that stick out
      const width = window.innerWidth;
      if (document.documentElement.scrollWidth > width) {
        const wide = [...document.querySelectorAll('body *')]
          .filter((element) => element.getBoundingClientRect().right > width + 1)
          .filter(
            (element) => !element.parentElement || element.parentElement.getBoundingClientRect().right <= width + 1,
          )
          .slice(0, 5)
          .map(describe);
        problems.push(
          `the page is ${document.documentElement.scrollWidth}px wide in a ${width}px window: ${wide.join(', ')}`,
        );
      }

      // 2. siblings that overlap. Inline boxes are compared line by line (getClientRects), so text
      // that wraps next to a sibling is not mistaken for an overlap. Out-of-flow elements (the
      // fixed cookie banner, the visually hidden honeypot and skip link) float on purpose.
      const visible = (element: Element) => {
        const style = getComputedStyle(element);
        if (style.visibility === 'hidden' || style.display === 'none' || Number(style.opacity) === 0) return false;
        if (style.position === 'fixed' || style.position === 'absolute' || style.position === 'sticky') return false;
        return true;
      };
      const boxes = (element: Element) =>
        [...element.getClientRects()].filter((rect) => rect.width > tolerance && rect.height > tolerance);
      const intersect = (a: DOMRect, b: DOMRect) =>
        Math.min(a.right, b.right) - Math.max(a.left, b.left) > tolerance &&
        Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > tolerance;

      const visit = (parent: Element) => {
        const children = [...parent.children].filter(
          (child) => !['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT'].includes(child.tagName) && visible(child),
        );
        const measured = children.map((child) => ({ child, rects: boxes(child) }));
        for (let i = 0; i < measured.length; i += 1) {
          for (let j = i + 1; j < measured.length; j += 1) {
            const a = measured[i]!;
            const b = measured[j]!;
            if (a.rects.some((ra) => b.rects.some((rb) => intersect(ra, rb))))
              problems.push(`${describe(a.child)} overlaps ${describe(b.child)}`);
          }
        }
        children.forEach(visit);
      };
      const start = document.querySelector(root);
      if (start) visit(start);
      return problems;
    },
    { root, tolerance: TOLERANCE },
  );
}

/** Scrolls to the end and back in steps, so islands that hydrate when visible (client:visible) do. */
export async function scrollThrough(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const step = Math.max(200, Math.floor(window.innerHeight * 0.8));
    for (let y = 0; y < document.documentElement.scrollHeight; y += step) {
      window.scrollTo(0, y);
      await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 30)));
    }
    window.scrollTo(0, 0);
  });
}

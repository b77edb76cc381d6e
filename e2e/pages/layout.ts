import type { Page } from '@playwright/test';

export interface Overflow {
  element: string;
  container: string;
  by: number;
}

/**
 * Elements under `root` that stick out of the box that holds them, compared
 * by bounding boxes, sideways: each element against its parent, and against
 * its nearest ancestor that clips or scrolls (whatever scrolls inside one is
 * the container's business), or, where none does, against the window. A pdf.js text layer (glyph boxes drawn over
 * the canvas) and elements taken out of the flow are left out.
 */
export function overflowsIn(page: Page, root: string): Promise<Overflow[]> {
  return page.evaluate((rootSelector) => {
    const name = (element: Element) =>
      `${element.tagName.toLowerCase()}${element.className && typeof element.className === 'string' ? `.${element.className.trim().split(/\s+/).join('.')}` : ''}`;
    const clips = (element: Element) => {
      const style = getComputedStyle(element);
      return style.overflowX !== 'visible' || style.overflowY !== 'visible';
    };
    const found: { element: string; container: string; by: number }[] = [];
    for (const scope of document.querySelectorAll(rootSelector)) {
      for (const element of scope.querySelectorAll('*')) {
        if (element.closest('.textLayer, .skip-link, svg')) continue;
        const style = getComputedStyle(element);
        if (style.position === 'absolute' || style.position === 'fixed' || style.display === 'none') continue;
        const box = element.getBoundingClientRect();
        if (box.width === 0 && box.height === 0) continue;
        // Inside its parent box, unless the parent is inline (a link's text wraps past it) or a table part.
        const parent = element.parentElement;
        if (parent && !['inline', 'contents'].includes(getComputedStyle(parent).display) && !clips(parent)) {
          const outer = parent.getBoundingClientRect();
          const by = Math.max(outer.left - box.left, box.right - outer.right);
          if (by > 1) {
            found.push({ element: name(element), container: name(parent), by: Math.round(by) });
            continue;
          }
        }
        let holder = element.parentElement;
        while (holder && !clips(holder)) holder = holder.parentElement;
        const frame = holder
          ? holder.getBoundingClientRect()
          : { left: 0, right: document.documentElement.clientWidth, top: 0, bottom: Number.POSITIVE_INFINITY };
        const by = Math.max(frame.left - box.left, box.right - frame.right);
        if (by > 1)
          found.push({ element: name(element), container: holder ? name(holder) : 'window', by: Math.round(by) });
      }
    }
    return found;
  }, root);
}

/** How far the page scrolls sideways: 0 when nothing is wider than the window. */
export function horizontalScroll(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/** What axe-core finds on the page as it is now (WCAG 2.1 A and AA, and best practice), one line a node. */
export async function accessibilityViolations(page: Page): Promise<string[]> {
  const { default: AxeBuilder } = await import('@axe-core/playwright');
  const { violations } = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    // pdf.js's own empty canvas for measuring text, appended to the body: not content, never seen.
    .exclude('.hiddenCanvasElement')
    .analyze();
  return violations.flatMap((violation) =>
    violation.nodes.map((node) => `${violation.id}: ${node.target.join(' ')} (${violation.help})`),
  );
}

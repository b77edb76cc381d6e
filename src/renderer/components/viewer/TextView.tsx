import { forwardRef, useEffect, useImperativeHandle, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TextRange } from './find-in-text';
import { type PageText, scrollToPage, type ViewerHandle, type ViewerTarget } from './viewer-handle';

interface TextViewProps {
  pageTexts: readonly PageText[];
  /** Where to go: a page, or a range on it to mark. */
  target?: ViewerTarget | null;
}

/** DOCX and text documents, shown as the text LexDesk keeps, with the same range API as the PDF view. */
export const TextView = forwardRef<ViewerHandle, TextViewProps>(function TextView({ pageTexts, target }, ref) {
  const { t } = useTranslation();
  const container = useRef<HTMLElement>(null);
  const mark = useRef<HTMLElement>(null);
  const [highlight, setHighlight] = useState<TextRange | null>(null);

  useImperativeHandle(
    ref,
    () => ({
      goToPage: (page) => scrollToPage(container.current, page),
      showRange(start, end) {
        setHighlight({ start, end });
      },
    }),
    [],
  );

  useEffect(() => {
    if (!target) return;
    if (target.range) setHighlight({ ...target.range });
    else {
      setHighlight(null);
      scrollToPage(container.current, target.page);
    }
  }, [target]);

  useEffect(() => {
    if (highlight) mark.current?.scrollIntoView({ block: 'center' });
  }, [highlight]);

  return (
    // Focusable, so the keyboard scrolls it (arrows, Page Down): a scrolling region must be (WCAG 2.1.1, axe-core).
    // biome-ignore lint/a11y/noNoninteractiveTabindex: see above.
    <section className="text-view" ref={container} tabIndex={0} aria-label={t('viewer.content')}>
      {pageTexts.map((page) => {
        const end = page.start + page.text.length;
        const inPage = highlight && highlight.start < end && highlight.end > page.start;
        if (!inPage || !highlight) {
          return (
            <div key={page.page} data-page={page.page} className="text-view__page">
              {page.text}
            </div>
          );
        }
        const from = Math.max(0, highlight.start - page.start);
        const to = Math.min(page.text.length, highlight.end - page.start);
        return (
          <div key={page.page} data-page={page.page} className="text-view__page">
            {page.text.slice(0, from)}
            <mark ref={mark}>{page.text.slice(from, to)}</mark>
            {page.text.slice(to)}
          </div>
        );
      })}
    </section>
  );
});

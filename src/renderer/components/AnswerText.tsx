import type { MouseEvent } from 'react';
import { MarkdownBlocks } from '../markdown/MarkdownBlocks';
import type { CitationLink } from './use-open-citation';

/**
 * A model's answer as formatted text. Parsed off the main thread a block at a
 * time (markdown/): raw HTML in it is dropped, never turned into markup, images
 * are shown as their alt text, and no answer, however long or strange, can
 * hold up the window. Its citations are buttons (parse-markdown.ts) that
 * `onCite` opens.
 */
export function AnswerText({ text, onCite }: { text: string; onCite?: (citation: CitationLink) => void }) {
  const cite = (event: MouseEvent<HTMLDivElement>) => {
    const button = (event.target as Element).closest<HTMLButtonElement>('button.citation');
    if (!button || !onCite) return;
    const { page, clause, document, documentIndex } = button.dataset;
    onCite({
      page: page ? Number(page) : null,
      clause: clause ?? null,
      document: document ?? null,
      documentIndex: documentIndex ? Number(documentIndex) : null,
    });
  };
  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents lint/a11y/noStaticElementInteractions: the clicks are the citation buttons' own, which Enter and Space press.
    <div className="answer__text" onClick={cite}>
      <MarkdownBlocks text={text} />
    </div>
  );
}

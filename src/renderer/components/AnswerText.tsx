import { MarkdownBlocks } from '../markdown/MarkdownBlocks';

/**
 * A model's answer as formatted text. Parsed off the main thread a block at a
 * time (markdown/): raw HTML in it is dropped, never turned into markup, images
 * are shown as their alt text, and no answer, however long or strange, can
 * hold up the window.
 */
export function AnswerText({ text }: { text: string }) {
  return (
    <div className="answer__text">
      <MarkdownBlocks text={text} />
    </div>
  );
}

import type { Root } from 'hast';
import { toJsxRuntime } from 'hast-util-to-jsx-runtime';
import { createContext, memo, type ReactNode, useContext, useEffect, useMemo, useState } from 'react';
import { Fragment, jsx, jsxs } from 'react/jsx-runtime';
import { splitBlocks } from './blocks';
import { createMarkdownParser, type MarkdownParser, type ParserWorker } from './markdown-parser';

let shared: MarkdownParser | null = null;
/** The app's one Markdown worker, started on the first answer shown. */
function sharedParser(): MarkdownParser {
  shared ??= createMarkdownParser(
    () => new Worker(new URL('./markdown.worker.ts', import.meta.url), { type: 'module' }) as unknown as ParserWorker,
  );
  return shared;
}

const lazyParser: MarkdownParser = {
  peek: (text) => sharedParser().peek(text),
  parse: (text, signal) => sharedParser().parse(text, signal),
  dispose: () => shared?.dispose(),
};

export const MarkdownParserContext = createContext<MarkdownParser>(lazyParser);

/**
 * Characters of blocks put in the page at first, then as many more each frame:
 * a long answer shows its start at once and fills in, never laying out a
 * million characters in one task.
 */
const CHARS_PER_FRAME = 24_000;

/** A model's answer as formatted text, a block at a time; each block is plain text until its tree is ready. */
export function MarkdownBlocks({ text }: { text: string }) {
  const blocks = useMemo(() => splitBlocks(text), [text]);
  const shown = useProgressiveCount(blocks);
  return (
    <>
      {blocks.slice(0, shown).map((block, index) => (
        // Blocks only grow at the end: the index is the block's identity while an answer streams.
        // biome-ignore lint/suspicious/noArrayIndexKey: see above
        <MarkdownBlock key={index} text={block} />
      ))}
    </>
  );
}

/** How many of the blocks fit in the characters let in so far; one frame's worth more each frame. */
function useProgressiveCount(blocks: string[]): number {
  const [budget, setBudget] = useState(CHARS_PER_FRAME);
  let shown = 0;
  for (let used = 0; shown < blocks.length; shown++) {
    used += (blocks[shown] as string).length;
    if (used > budget && shown > 0) break;
  }
  const complete = shown >= blocks.length;
  useEffect(() => {
    if (complete) return;
    const frame = requestAnimationFrame(() => setBudget((chars) => chars + CHARS_PER_FRAME));
    return () => cancelAnimationFrame(frame);
  }, [complete, budget]);
  return shown;
}

const MarkdownBlock = memo(function MarkdownBlock({ text }: { text: string }) {
  const parser = useContext(MarkdownParserContext);
  const [parsed, setParsed] = useState<{ text: string; tree: Root | null } | null>(() => {
    const tree = parser.peek(text);
    return tree === undefined ? null : { text, tree };
  });
  useEffect(() => {
    const cached = parser.peek(text);
    if (cached !== undefined) {
      setParsed({ text, tree: cached });
      return;
    }
    const controller = new AbortController();
    void parser.parse(text, controller.signal).then((tree) => {
      if (!controller.signal.aborted) setParsed({ text, tree });
    });
    return () => controller.abort();
  }, [parser, text]);
  // While a streaming block's newer text parses, its last tree stays: a few characters behind, never a flash.
  if (parsed?.tree) return <>{render(parsed.tree)}</>;
  return <p className="answer__plain">{text}</p>;
});

function render(tree: Root): ReactNode {
  return toJsxRuntime(tree, { Fragment, jsx, jsxs, ignoreInvalidStyle: true });
}

import type { Root, RootContent } from 'hast';
import { toJsxRuntime } from 'hast-util-to-jsx-runtime';
import { memo, type ReactNode, useEffect, useMemo, useState } from 'react';
import { Fragment, jsx, jsxs } from 'react/jsx-runtime';
import { createMarkdownParser, type ParserWorker } from '../../shared/markdown/block-parser';
import { splitBlocks } from '../../shared/markdown/blocks';
import { frameBudget } from '../animation-frames';
import { inBackground } from '../failures';

/** The app's one Markdown parser; its worker starts with the first block it is asked to parse. */
const parser = createMarkdownParser<Root>(
  () =>
    new Worker(new URL('./markdown.worker.ts', import.meta.url), { type: 'module' }) as unknown as ParserWorker<Root>,
);

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
    let frame = 0;
    const grow = () => {
      setBudget((chars) => chars + CHARS_PER_FRAME);
      frame = requestAnimationFrame(grow);
    };
    frame = requestAnimationFrame(grow);
    return () => cancelAnimationFrame(frame);
  }, [complete]);
  return shown;
}

/**
 * Elements of parsed blocks put in the page per frame. Blocks parse faster
 * than a frame lays them out (26,000 elements arrived between two frames
 * once, 1.3 s of layout); a tree of up to 500 elements lays out in 20-80 ms.
 */
const ELEMENTS_PER_FRAME = 600;
/** A cached tree this small is shown at once when its block mounts, so a short answer never flashes as plain text. */
const INSTANT_ELEMENTS = 100;
const treesInFrames = frameBudget(ELEMENTS_PER_FRAME);

const MarkdownBlock = memo(function MarkdownBlock({ text }: { text: string }) {
  const [parsed, setParsed] = useState<{ text: string; tree: Root | null } | null>(() => {
    const tree = parser.peek(text);
    return tree !== undefined && (tree === null || elementsOf(tree) <= INSTANT_ELEMENTS) ? { text, tree } : null;
  });
  useEffect(() => {
    const controller = new AbortController();
    let cancelShow = () => {};
    const show = (tree: Root | null) => {
      if (controller.signal.aborted) return;
      cancelShow = treesInFrames.schedule(tree ? elementsOf(tree) : 1, () => setParsed({ text, tree }));
    };
    const cached = parser.peek(text);
    if (cached !== undefined) show(cached);
    else inBackground(parser.parse(text, controller.signal).then(show));
    return () => {
      controller.abort();
      cancelShow();
    };
  }, [text]);
  // While a streaming block's newer text parses, its last tree stays: a few characters behind, never a flash.
  return (
    <div className="answer__block">{parsed?.tree ? render(parsed.tree) : <p className="answer__plain">{text}</p>}</div>
  );
});

function elementsOf(tree: Root): number {
  let count = 0;
  const stack: (Root | RootContent)[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop() as Root | RootContent;
    if (node.type === 'element') count++;
    if ('children' in node) for (const child of node.children) stack.push(child);
  }
  return count;
}

function render(tree: Root): ReactNode {
  return toJsxRuntime(tree, { Fragment, jsx, jsxs, ignoreInvalidStyle: true });
}

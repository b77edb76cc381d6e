import type { Worker } from 'node:worker_threads';
import { createMarkdownParser, type ParseReply } from '../../shared/markdown/block-parser';
import { splitBlocks } from '../../shared/markdown/blocks';
import { MAX_NESTING, textOf } from '../../shared/markdown/nesting';
import { startWorker, workerEntry } from '../worker-entry';

/** mdast node shapes, as far as the Word export reads them. */
export interface MdNode {
  type: string;
  value?: string;
  depth?: number;
  ordered?: boolean;
  children?: MdNode[];
}

/** A block the worker has not parsed by then goes to Word as plain text. */
const BLOCK_DEADLINE_MS = 2_000;
const WORKER_HEAP_MB = 512;

/** One block's Markdown tree, without source positions and with nesting past MAX_NESTING flattened to text. Runs in the worker. */
export async function markdownTreeOf(text: string): Promise<MdNode> {
  // ESM-only packages, loaded from the CommonJS bundle.
  const [{ fromMarkdown }, { gfm }, { gfmFromMarkdown }] = await Promise.all([
    import('mdast-util-from-markdown'),
    import('micromark-extension-gfm'),
    import('mdast-util-gfm'),
  ]);
  const tree = fromMarkdown(text, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] }) as MdNode;
  return trimmed(tree, 0);
}

function trimmed(node: MdNode, depth: number): MdNode {
  if (depth >= MAX_NESTING && node.children) return { type: 'text', value: textOf(node) };
  const { type, value, depth: level, ordered, children } = node;
  return {
    type,
    ...(value !== undefined ? { value } : {}),
    ...(level !== undefined ? { depth: level } : {}),
    ...(ordered !== undefined ? { ordered } : {}),
    ...(children ? { children: children.map((child) => trimmed(child, depth + 1)) } : {}),
  };
}

/**
 * An answer's Markdown as one tree, parsed a block at a time in a worker
 * thread that lives for this export. A block that is not parsed in time is a
 * plain paragraph: the export never waits on the parser for long, and main's
 * event loop never does.
 */
export async function parseAnswerMarkdown(text: string): Promise<MdNode> {
  const entry = workerEntry('markdown-worker', __dirname);
  const parser = createMarkdownParser<MdNode>(
    () => {
      const worker: Worker = startWorker(entry, WORKER_HEAP_MB);
      const port = {
        onmessage: null as ((event: { data: ParseReply<MdNode> }) => void) | null,
        onerror: null as ((event: unknown) => void) | null,
        postMessage: (message: { id: number; text: string }) => worker.postMessage(message),
        terminate: () => void worker.terminate(),
      };
      worker.on('message', (data: ParseReply<MdNode>) => port.onmessage?.({ data }));
      worker.on('error', (error) => port.onerror?.(error));
      // A worker that runs out of heap exits without an error event.
      worker.on('exit', (code) => {
        if (code !== 0) port.onerror?.(new Error(`markdown worker exited with ${code}`));
      });
      return port;
    },
    { deadlineMs: BLOCK_DEADLINE_MS, cacheSize: 0 },
  );
  try {
    const blocks = splitBlocks(text);
    const trees = await Promise.all(blocks.map((block) => parser.parse(block)));
    const children = trees.flatMap((tree, i): MdNode[] =>
      tree ? (tree.children ?? []) : [{ type: 'paragraph', children: [{ type: 'text', value: blocks[i] as string }] }],
    );
    return { type: 'root', children };
  } finally {
    parser.dispose();
  }
}

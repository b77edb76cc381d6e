import { describe, expect, it } from 'vitest';
import { createMarkdownParser, type ParseReply, type ParseRequest, type ParserWorker } from './block-parser';

type Tree = { text: string };
const parseFor = (text: string): Tree => ({ text: text.toUpperCase() });

/**
 * A worker that parses for real, on a later tick, as a Web Worker would; one
 * whose text starts with "HANG" never answers, as a worker stuck in the
 * parser would not.
 */
function workers() {
  const spawned: { worker: ParserWorker<Tree>; terminated: boolean; received: string[] }[] = [];
  const spawn = (): ParserWorker<Tree> => {
    const record = { worker: null as unknown as ParserWorker<Tree>, terminated: false, received: [] as string[] };
    record.worker = {
      onmessage: null,
      onerror: null,
      postMessage(message: ParseRequest) {
        record.received.push(message.text);
        if (message.text.startsWith('HANG')) return;
        setTimeout(() => {
          if (record.terminated) return;
          const reply: ParseReply<Tree> = { id: message.id, tree: parseFor(message.text) };
          record.worker.onmessage?.({ data: reply });
        }, 1);
      },
      terminate() {
        record.terminated = true;
      },
    };
    spawned.push(record);
    return record.worker;
  };
  return { spawn, spawned };
}

describe('createMarkdownParser', () => {
  it('parses in the worker once per text and answers again from its cache', async () => {
    const { spawn, spawned } = workers();
    const parser = createMarkdownParser(spawn);
    expect(parser.peek('**a**')).toBeUndefined();
    const [first, second] = await Promise.all([parser.parse('**a**'), parser.parse('**a**')]);
    expect(first).not.toBeNull();
    expect(second).toBe(first);
    expect(parser.peek('**a**')).toBe(first);
    expect(spawned).toHaveLength(1);
    expect(spawned[0]?.received).toEqual(['**a**']);
  });

  it('gives up a block past the deadline, replaces the stuck worker and goes on with the next', async () => {
    const { spawn, spawned } = workers();
    const parser = createMarkdownParser(spawn, { deadlineMs: 30 });
    const [stuck, next] = await Promise.all([parser.parse('HANG *a'), parser.parse('_b_')]);
    expect(stuck).toBeNull();
    expect(next).not.toBeNull();
    expect(spawned).toHaveLength(2);
    expect(spawned[0]?.terminated).toBe(true);
    // Not tried again: it stays plain text.
    expect(parser.peek('HANG *a')).toBeNull();
    // The replaced worker reporting its own end (a thread's exit after terminate) leaves the new one alone.
    spawned[0]?.worker.onerror?.(new Error('exited'));
    expect(spawned[1]?.terminated).toBe(false);
    expect(await parser.parse('~c~')).not.toBeNull();
    expect(spawned).toHaveLength(2);
  });

  it('drops requests abandoned before their turn (a streaming block’s older texts)', async () => {
    const { spawn, spawned } = workers();
    const parser = createMarkdownParser(spawn);
    const first = parser.parse('Điều 1');
    const stale = new AbortController();
    const older = parser.parse('Điều 1. Bên A', stale.signal);
    const newest = parser.parse('Điều 1. Bên A trả');
    stale.abort();
    expect(await older).toBeNull();
    expect(await first).not.toBeNull();
    expect(await newest).not.toBeNull();
    expect(spawned[0]?.received).toEqual(['Điều 1', 'Điều 1. Bên A trả']);
    expect(parser.peek('Điều 1. Bên A')).toBeUndefined();
  });

  it('takes a worker error for a failed block and starts a new worker', async () => {
    const spawned: ParserWorker<Tree>[] = [];
    const parser = createMarkdownParser(() => {
      const worker: ParserWorker<Tree> = {
        onmessage: null,
        onerror: null,
        postMessage: () => setTimeout(() => worker.onerror?.(new Error('worker died')), 1),
        terminate() {},
      };
      spawned.push(worker);
      return worker;
    });
    expect(await parser.parse('a')).toBeNull();
    expect(await parser.parse('b')).toBeNull();
    expect(spawned).toHaveLength(2);
  });
});

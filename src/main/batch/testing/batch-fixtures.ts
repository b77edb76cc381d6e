import { readdirSync, readFileSync } from 'node:fs';
import type { BatchQuestion } from '../../../shared/batch';
import type { RecordedRequest } from '../../llm/testing/provider-test-server';
import { sharedFile } from '../../testing/shared-data';

/**
 * What the batch tests share: small contracts cut from a real CUAD filing (each
 * its own bytes, so its own document), three questions, and a provider answer
 * that replies to a batch request as a model should: one JSON object, every
 * question id, each with a quote from the document it was sent.
 */

export const QUESTIONS: BatchQuestion[] = [
  { id: 'parties', text: 'Who are the parties to this agreement?', type: 'parties' },
  { id: 'governing-law', text: 'Which law governs the agreement?', type: 'text' },
  { id: 'termination', text: 'May either party terminate for convenience?', type: 'yes-no' },
];

/** `count` contracts of a dozen lines each, cut in turn from the real CUAD filings: no two alike. */
export function smallContracts(count: number): { name: string; bytes: Uint8Array }[] {
  const lines = readdirSync(sharedFile('contracts-en'))
    .filter((name) => name.endsWith('.txt') && !name.startsWith('CUAD_'))
    .flatMap((name) => readFileSync(sharedFile('contracts-en', name), 'utf8').split('\n'))
    .map((line) => line.trim())
    .filter((line) => line.length > 60);
  const unique = [...new Set(lines)];
  if (unique.length < count * 12) throw new Error(`only ${unique.length} lines for ${count} contracts`);
  return Array.from({ length: count }, (_, i) => {
    const body = unique.slice(i * 12, i * 12 + 12).join('\n');
    return { name: `contract-${String(i + 1).padStart(3, '0')}.txt`, bytes: new TextEncoder().encode(`${body}\n`) };
  });
}

/** The document's name in a batch request. */
export function documentNameOf(body: RecordedRequest['body']): string {
  const content = body.messages?.find((m) => m.role === 'user')?.content;
  return /<document index="1" name="([^"]+)">/u.exec(typeof content === 'string' ? content : '')?.[1] ?? '';
}

/** A model's reply to a batch request: every question id asked, each quoting the document's first line. */
export function batchAnswer(body: RecordedRequest['body']): string {
  const content = body.messages?.find((m) => m.role === 'user')?.content;
  const text = typeof content === 'string' ? content : '';
  const first = /<document [^>]*>\n([^\n]+)/u.exec(text)?.[1]?.trim() ?? '';
  const ids = [...text.matchAll(/^- ([a-z0-9-]+): /gmu)].map((m) => m[1] as string);
  return JSON.stringify({
    answers: ids.map((id) => ({
      id,
      found: true,
      answer: `As the agreement says: ${first.slice(0, 80)}`,
      value: id === 'parties' ? ['MediWound Ltd.', 'CBC'] : id === 'termination' ? 'no' : 'the laws of Israel',
      citations: [{ page: null, clause: null, quote: first }],
    })),
  });
}

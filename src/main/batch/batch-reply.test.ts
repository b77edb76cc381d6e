import { describe, expect, it } from 'vitest';
import type { BatchQuestion } from '../../shared/batch';
import { readBatchReply } from './batch-reply';

const QUESTIONS: BatchQuestion[] = [
  { id: 'parties', text: 'Các bên là ai?', type: 'parties' },
  { id: 'signed', text: 'Ký ngày nào?', type: 'date' },
  { id: 'convenience', text: 'Được chấm dứt không cần lý do?', type: 'yes-no' },
  { id: 'penalty', text: 'Mức phạt?', type: 'amount' },
];
const entry = (id: string, value: unknown, found = true) => ({
  id,
  found,
  answer: `Trả lời ${id}`,
  value,
  citations: [{ page: '3', clause: 'Điều 8', quote: 'Bên A' }],
});

describe('reading a batch reply', () => {
  it('finds the JSON in a fence or among words, and brings each value to its question’s type', () => {
    const json = JSON.stringify({
      answers: [
        entry('parties', 'Công ty A'),
        entry('signed', '2024-02-30'),
        entry('convenience', 'Có'),
        entry('penalty', 8),
      ],
    });
    for (const text of [json, `Đây là kết quả:\n\`\`\`json\n${json}\n\`\`\``, `Kết quả: ${json} Hết.`]) {
      const read = readBatchReply(text, QUESTIONS);
      expect(read.ok).toBe(true);
      if (!read.ok) return;
      expect(read.answers.map((a) => a.value)).toEqual([['Công ty A'], null, 'yes', '8']);
      // A page written as a string is read as its number.
      expect(read.answers[0]?.citations[0]).toEqual({ page: 3, clause: 'Điều 8', quote: 'Bên A' });
    }
  });

  it('keeps "not found" as an answer, with no value and no citation', () => {
    const read = readBatchReply(
      JSON.stringify({ answers: QUESTIONS.map((q) => entry(q.id, 'x', q.id !== 'penalty')) }),
      QUESTIONS,
    );
    expect(read.ok && read.answers[3]).toMatchObject({ found: false, value: null, citations: [] });
  });

  it('says what is wrong with a reply that is no JSON, not in the form, or leaves a question out', () => {
    expect(readBatchReply('Tôi không biết.', QUESTIONS)).toEqual({
      ok: false,
      problem: 'the reply holds no JSON object',
    });
    expect(readBatchReply('{"answers": [{"id": "parties"}]}', QUESTIONS)).toMatchObject({
      ok: false,
      problem: expect.stringMatching(/^the JSON is not in the form asked: answers\.0\.found/u),
    });
    expect(
      readBatchReply(JSON.stringify({ answers: [entry('parties', []), entry('signed', null)] }), QUESTIONS),
    ).toEqual({ ok: false, problem: 'no answer for convenience, penalty' });
  });
});

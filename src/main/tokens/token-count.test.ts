import { describe, expect, it } from 'vitest';
import { countTokens, countTokensWith } from './token-count';

describe('countTokensWith', () => {
  it('counts ordinary text exactly as the encoding does', async () => {
    const text = 'Điều 8.1. Bên A thanh toán cho Bên B 30% giá trị hợp đồng trong vòng 15 ngày. '.repeat(200);
    const { countTokens: o200k } = await import('gpt-tokenizer/encoding/o200k_base');
    const { countTokens: cl100k } = await import('gpt-tokenizer/encoding/cl100k_base');
    expect(countTokens(text)).toEqual({ o200k_base: o200k(text), cl100k_base: cl100k(text) });
  });

  // Finding 9 of the nothing-lost issue: BPE is quadratic on one unbroken run, and a model's answer can hold one
  // (100,000 characters took 11.9 s on main, 200,000 took 51 s).
  it('counts a 1,000,000-character unbroken run in bounded time, close to its true size', () => {
    const run = 'a'.repeat(1_000_000);
    const counted = countTokensWith('o200k_base', run);
    expect(counted).toBeGreaterThan(1_000_000 / 16);
    expect(counted).toBeLessThan(1_000_000 / 2);
    const mixed = `Điều 1. ${'x9'.repeat(300_000)} hết.`;
    expect(countTokensWith('cl100k_base', mixed)).toBeGreaterThan(600_000 / 16);
  }, 10_000);
});

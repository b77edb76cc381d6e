import { describe, expect, it } from 'vitest';
import { answerReserve, costOf, estimateInput, QUESTION_OVERHEAD_TOKENS } from './estimate';
import { providerPresets } from './provider-presets';
import { providerConfigSchema } from './providers';

const model = (id: string) => {
  const found = providerPresets.find((p) => p.id === id)?.models[0];
  if (!found) throw new Error(id);
  return found;
};

describe('estimateInput', () => {
  it('prices the document tokens of the model’s encoding plus the question overhead', () => {
    const doc = { tokens: { o200k_base: 62_332, cl100k_base: 63_080 } };
    const estimate = estimateInput([doc], model('openai'));
    expect(estimate.tokens).toBe(62_332 + QUESTION_OVERHEAD_TOKENS);
    expect(estimate.cost).toBeCloseTo(((62_332 + QUESTION_OVERHEAD_TOKENS) / 1e6) * 2, 10);
    expect(estimate).toMatchObject({ fits: true, estimated: false });
  });

  it('says a request does not fit when the answer reserve would overflow the context window', () => {
    const kimi = model('moonshot');
    const justOver = kimi.contextWindow - answerReserve(kimi) - QUESTION_OVERHEAD_TOKENS + 1;
    const estimate = estimateInput([{ tokens: { o200k_base: justOver, cl100k_base: 0 } }], kimi);
    expect(estimate.fits).toBe(false);
    expect(estimate.fill).toBeLessThan(1);
    expect(estimate.estimated).toBe(true);
  });

  it('adds up several documents and costs nothing on a local model', () => {
    const docs = [
      { tokens: { o200k_base: 1000, cl100k_base: 1500 } },
      { tokens: { o200k_base: 2000, cl100k_base: 3000 } },
    ];
    expect(estimateInput(docs, model('ollama'))).toMatchObject({ tokens: 3000 + QUESTION_OVERHEAD_TOKENS, cost: 0 });
  });
});

describe('answerReserve', () => {
  it('keeps 8,000 tokens of a large window for the answer and a quarter of a small one', () => {
    expect(answerReserve({ contextWindow: 128_000 })).toBe(8_000);
    expect(answerReserve({ contextWindow: 32_000 })).toBe(8_000);
    expect(answerReserve({ contextWindow: 8_192 })).toBe(2_048);
    expect(answerReserve({ contextWindow: 2_048 })).toBe(512);
  });
});

describe('costOf', () => {
  it('prices cached input apart from fresh input', () => {
    // DeepSeek: 0.28 fresh, 0.028 cached, 0.42 output per million.
    expect(costOf({ input: 100_000, cachedInput: 60_000, output: 2_000 }, model('deepseek'))).toBeCloseTo(
      (40_000 * 0.28 + 60_000 * 0.028 + 2_000 * 0.42) / 1e6,
      12,
    );
  });
});

describe('provider presets', () => {
  it('each passes the schema a user-made provider must pass', () => {
    for (const preset of providerPresets) expect(providerConfigSchema.parse(preset)).toEqual(preset);
  });
});

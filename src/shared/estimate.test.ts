import { describe, expect, it } from 'vitest';
import { countTokensWith } from '../main/tokens/token-count';
import {
  answerReserve,
  costOf,
  estimateRequest,
  FOCUSED_INSTRUCTION_TOKENS,
  INSTRUCTION_TOKENS,
  MAP_INSTRUCTION_TOKENS,
  questionTokens,
  REDUCE_INSTRUCTION_TOKENS,
} from './estimate';
import { FOCUSED_SYSTEM, MAP_SYSTEM, REDUCE_SYSTEM, SYSTEM } from './prompt';
import { providerPresets } from './provider-presets';
import { providerConfigSchema } from './providers';
import { presetQuestion, questionPresets } from './question-presets';

const model = (id: string) => {
  const found = providerPresets.find((p) => p.id === id)?.models[0];
  if (!found) throw new Error(id);
  return found;
};

describe('estimateRequest', () => {
  const doc = (o200k: number, cl100k: number, pages: number | null = 10) => ({
    tokens: { o200k_base: o200k, cl100k_base: cl100k },
    pages,
  });

  it('adds the instructions, each document with its framing and page markers, and the question', () => {
    const question = 'Điều khoản phạt vi phạm là gì?';
    const estimate = estimateRequest([doc(62_332, 63_080, 40)], question, 'vi', model('openai'));
    const tokens = INSTRUCTION_TOKENS.vi.o200k_base + 62_332 + 16 + 40 * 5 + questionTokens(question);
    expect(estimate.tokens).toBe(tokens);
    expect(estimate.cost).toBeCloseTo((tokens / 1e6) * 2, 10);
    expect(estimate).toMatchObject({ fits: true, estimated: false });
  });

  it('says a request does not fit when the answer reserve would overflow the context window', () => {
    const kimi = model('moonshot');
    const empty = estimateRequest([doc(0, 0, null)], '', 'en', kimi).tokens;
    const justOver = kimi.contextWindow - answerReserve(kimi) - empty + 1;
    const estimate = estimateRequest([doc(justOver, 0, null)], '', 'en', kimi);
    expect(estimate.fits).toBe(false);
    expect(estimate.fill).toBeLessThan(1);
    expect(estimate.estimated).toBe(true);
    expect(estimateRequest([doc(justOver - 1, 0, null)], '', 'en', kimi).fits).toBe(true);
  });

  it('counts each document in the encoding of the model, and costs nothing on a local model', () => {
    const docs = [doc(1000, 1500, null), doc(2000, 3000, null)];
    const local = { ...model('ollama'), encoding: 'cl100k_base' as const };
    expect(estimateRequest(docs, '', 'en', local)).toMatchObject({
      tokens: INSTRUCTION_TOKENS.en.cl100k_base + 4500 + 2 * 16 + questionTokens(''),
      cost: 0,
    });
  });
});

describe('the counts the estimate is built from', () => {
  it('are the tokenizer’s own for the instructions in each language and encoding', () => {
    for (const language of ['vi', 'en'] as const) {
      for (const encoding of ['o200k_base', 'cl100k_base'] as const) {
        expect(INSTRUCTION_TOKENS[language][encoding], `${language} ${encoding}`).toBe(
          countTokensWith(encoding, SYSTEM[language]),
        );
        expect(MAP_INSTRUCTION_TOKENS[language][encoding], `map ${language} ${encoding}`).toBe(
          countTokensWith(encoding, MAP_SYSTEM[language]),
        );
        expect(REDUCE_INSTRUCTION_TOKENS[language][encoding], `reduce ${language} ${encoding}`).toBe(
          countTokensWith(encoding, REDUCE_SYSTEM[language]),
        );
        expect(FOCUSED_INSTRUCTION_TOKENS[language][encoding], `focused ${language} ${encoding}`).toBe(
          countTokensWith(encoding, FOCUSED_SYSTEM[language]),
        );
      }
    }
  });

  it('never fall below a real question’s count in either encoding', () => {
    const questions = [
      ...questionPresets.flatMap((preset) => [
        presetQuestion(preset, 'vi', 'Bên cung cấp dịch vụ'),
        presetQuestion(preset, 'en', 'the Service Provider'),
      ]),
      'ĐIỀU KHOẢN BẤT KHẢ KHÁNG VÀ PHẠT VI PHẠM',
      'Bên A có quyền đơn phương chấm dứt hợp đồng trong trường hợp nào? Nêu rõ thời hạn báo trước.',
      '1234567890 %%% !!! §§ 8.1–8.3',
    ];
    for (const question of questions) {
      const label = `\n\nCâu hỏi: ${question}`;
      for (const encoding of ['o200k_base', 'cl100k_base'] as const) {
        expect(questionTokens(question), `${encoding}: ${question}`).toBeGreaterThanOrEqual(
          countTokensWith(encoding, label),
        );
      }
    }
  });
});

describe('answerReserve', () => {
  it('keeps 8,000 tokens of a large window for the answer and a quarter of a small one', () => {
    expect(answerReserve({ contextWindow: 128_000 })).toBe(8_000);
    expect(answerReserve({ contextWindow: 32_000 })).toBe(8_000);
    expect(answerReserve({ contextWindow: 8_192 })).toBe(2_048);
    expect(answerReserve({ contextWindow: 2_048 })).toBe(512);
  });

  it('keeps the model’s own output limit where one is set, small or large', () => {
    expect(answerReserve({ contextWindow: 128_000, maxOutput: 32_000 })).toBe(32_000);
    expect(answerReserve({ contextWindow: 8_192, maxOutput: 1_000 })).toBe(1_000);
  });

  it('moves what fits with the output limit, to the token', () => {
    const kimi = { ...model('moonshot'), maxOutput: 20_000 };
    const doc = (tokens: number) => ({ tokens: { o200k_base: tokens, cl100k_base: tokens }, pages: null });
    // An empty document's request: the instructions, the question and the document's framing.
    const framing = estimateRequest([doc(0)], '', 'en', kimi).tokens;
    const room = kimi.contextWindow - 20_000 - framing;
    expect(estimateRequest([doc(room)], '', 'en', kimi).fits).toBe(true);
    expect(estimateRequest([doc(room + 1)], '', 'en', kimi).fits).toBe(false);
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

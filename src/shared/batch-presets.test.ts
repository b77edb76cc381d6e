import { describe, expect, it } from 'vitest';
import { questionListSchema } from './batch';
import { presetQuestions, QUESTION_PRESETS } from './batch-presets';

describe('question presets', () => {
  it('are valid question lists in both languages, with the same ids and types in each', () => {
    for (const preset of QUESTION_PRESETS) {
      for (const language of ['vi', 'en'] as const) {
        expect(questionListSchema.safeParse(preset.questions[language]).success, `${preset.id} ${language}`).toBe(true);
      }
      const shape = (language: 'vi' | 'en') => preset.questions[language].map((q) => `${q.id}:${q.type}`);
      expect(shape('vi')).toEqual(shape('en'));
    }
  });

  it('hold the 41 CUAD categories, and a Vietnamese set on the clauses a Vietnamese contract is read for', () => {
    expect(presetQuestions('cuad', 'en')).toHaveLength(41);
    expect(
      presetQuestions('vietnamese-core', 'vi')
        ?.map((q) => q.text)
        .join(' '),
    ).toMatch(/thanh toán.*phạt vi phạm.*bồi thường thiệt hại.*bất khả kháng.*chấm dứt.*[Tt]ranh chấp.*[Ll]uật/su);
    expect(presetQuestions('no-such-set', 'vi')).toBeNull();
  });
});

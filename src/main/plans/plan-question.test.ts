import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DocumentDetail } from '../../shared/documents';
import { estimateRequest } from '../../shared/estimate';
import type { ProviderModel } from '../../shared/providers';
import { extractDocument } from '../documents/extract';
import { sharedFile } from '../testing/shared-data';
import { MAP_OUTPUT_TOKENS, planQuestion, REDUCE_OUTPUT_TOKENS } from './plan-question';

const model = (name: string, contextWindow: number, input: number, output: number): ProviderModel => ({
  model: name,
  contextWindow,
  currency: 'USD',
  input,
  cachedInput: input / 10,
  output,
  encoding: 'o200k_base',
  exactTokenizer: false,
  checkedOn: '2026-12-01',
});
const small = { providerId: 'local', model: model('local-8k', 8_192, 0.1, 0.2) };
const large = { providerId: 'kimi', model: model('moonshot-v1-128k', 131_072, 2, 5) };
const question = 'Điều khoản nào quy định về phạt vi phạm hợp đồng mua bán hàng hóa?';

let statute: DocumentDetail;
beforeAll(async () => {
  const name = 'luat-thuong-mai-2005_chuong-II-mua-ban-hang-hoa_excerpt.pdf';
  const bytes = new Uint8Array(readFileSync(sharedFile('contracts-vi', name)));
  const extraction = await extractDocument(bytes, name, undefined);
  statute = {
    ...extraction,
    sha256: 'a'.repeat(64),
    name,
    sizeBytes: 1,
    extractionMs: 1,
    matterId: null,
    createdAt: 1,
  };
}, 60_000);

describe('plans for a question over a 48-page statute', () => {
  it('takes the whole document when it fits, at the one estimate’s figure', () => {
    const { chosen, reason, plans } = planQuestion({ documents: [statute], question, language: 'vi', chosen: large });
    expect(reason).toBe('fits-whole');
    expect(plans).toHaveLength(1);
    expect(chosen?.strategy).toBe('whole');
    expect(chosen?.estimate.input).toBe(estimateRequest([statute], question, 'vi', large.model).tokens);
  });

  it('on a small model, plans map-reduce over every page, each request within the window, priced', () => {
    const { chosen, reason } = planQuestion({ documents: [statute], question, language: 'vi', chosen: small });
    expect(reason).toBe('cheapest-full-coverage');
    expect(chosen?.strategy).toBe('map-reduce');
    if (!chosen) throw new Error('no plan');
    const room = 8_192 - 2_048;
    const overhead = estimateRequest([], question, 'vi', small.model).tokens + 16;
    for (const chunk of chosen.chunks) expect(chunk.tokens + overhead).toBeLessThanOrEqual(room);
    expect(new Set(chosen.chunks.flatMap((chunk) => chunk.pages))).toEqual(
      new Set(statute.pageTexts.map((p) => p.page)),
    );
    expect(chosen.coverage).toMatchObject({ pages: 48, pagesLeftOut: [] });
    // Every part's input once, its framing each time, and the partial answers read again by the reduce.
    const sent = chosen.chunks.reduce((sum, chunk) => sum + chunk.tokens, 0);
    expect(chosen.estimate.input).toBeGreaterThan(sent + chosen.chunks.length * overhead);
    expect(chosen.estimate.calls).toBeGreaterThan(chosen.chunks.length);
    expect(chosen.estimate.output).toBeGreaterThanOrEqual(chosen.chunks.length * MAP_OUTPUT_TOKENS);
    expect(chosen.estimate.cost).toBeCloseTo((chosen.estimate.input * 0.1 + chosen.estimate.output * 0.2) / 1e6, 10);
    expect(REDUCE_OUTPUT_TOKENS).toBeLessThan(room);
  });

  it('offers a larger configured model whole, and auto takes the cheaper plan that reads every page', () => {
    const { plans, chosen } = planQuestion({
      documents: [statute],
      question,
      language: 'vi',
      chosen: small,
      others: [large],
    });
    expect(plans.map((plan) => `${plan.strategy}/${plan.model}`)).toEqual([
      'whole/local-8k',
      'map-reduce/local-8k',
      'focused/local-8k',
      'whole/moonshot-v1-128k',
    ]);
    // The small model's map-reduce costs cents where the large one costs more.
    expect(chosen?.model).toBe('local-8k');
    const dearer = { ...small, model: { ...small.model, input: 50, output: 100 } };
    expect(
      planQuestion({ documents: [statute], question, language: 'vi', chosen: dearer, others: [large] }).chosen?.model,
    ).toBe('moonshot-v1-128k');
  });

  it('keeps every request under the lawyer’s cap, and refuses whole when asked for it and it does not fit', () => {
    const capped = planQuestion(
      { documents: [statute], question, language: 'vi', chosen: large, maxInputTokens: 10_000 },
      'auto',
    );
    expect(capped.chosen?.strategy).toBe('map-reduce');
    for (const chunk of capped.chosen?.chunks ?? []) expect(chunk.tokens).toBeLessThan(10_000);
    expect(planQuestion({ documents: [statute], question, language: 'vi', chosen: small }, 'whole').chosen).toBeNull();
    expect(planQuestion({ documents: [statute], question, language: 'vi', chosen: small }, 'fail').chosen).toBeNull();
  });
});

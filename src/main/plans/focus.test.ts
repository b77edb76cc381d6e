import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DocumentDetail } from '../../shared/documents';
import { documentText } from '../../shared/page-map';
import type { Plan } from '../../shared/plans';
import { buildFocusedPrompt } from '../../shared/prompt';
import type { ProviderModel } from '../../shared/providers';
import { extractDocument } from '../documents/extract';
import { sharedFile } from '../testing/shared-data';
import { countTokensWith } from '../tokens/token-count';
import { focusedDocuments } from './chunk-text';
import { searchTerms } from './focus';
import { createOutlineCache, planFocused, planQuestion } from './plan-question';
import { CUAD_BUDGET_SHARE, measureCuadRecall } from './testing/cuad-recall';

// The target: on the CUAD contracts and their gold answers, for the 41 category questions, the
// passages chosen at a quarter of each contract's tokens hold at least 90% of the gold clause spans.

const model = (name: string, contextWindow: number): ProviderModel => ({
  model: name,
  contextWindow,
  currency: 'USD',
  input: 1,
  cachedInput: 0.1,
  output: 2,
  encoding: 'o200k_base',
  exactTokenizer: false,
  checkedOn: '2026-12-01',
});
const small = { providerId: 'local', model: model('local-32k', 32_768) };

let civilCode: DocumentDetail;
beforeAll(async () => {
  const name = 'bo-luat-dan-su-2015_phap-dien-9.1_full.pdf';
  const bytes = new Uint8Array(readFileSync(sharedFile('contracts-vi', name)));
  civilCode = {
    ...(await extractDocument(bytes, name, undefined)),
    sha256: 'c'.repeat(64),
    name,
    sizeBytes: bytes.length,
    extractionMs: 1,
    matterId: null,
    createdAt: 1,
  };
}, 120_000);

describe('the focused plan on CUAD', () => {
  it('holds at least 90% of the gold clause spans at a quarter of each contract’s tokens', async () => {
    const recall = await measureCuadRecall();
    expect(recall.contracts).toBe(12);
    // Every gold span stands in the stored text (pieces around "<omitted>" each): none is left uncounted.
    expect(recall.unplaced).toBe(0);
    expect(recall.spans).toBeGreaterThanOrEqual(400);
    expect(recall.byCategory).toHaveLength(41);
    // Within the budget: the text chosen is never more than the quarter.
    expect(recall.tokensSent).toBeLessThanOrEqual(recall.tokensBudget);
    expect(recall.tokensSent / recall.tokensBudget).toBeGreaterThan(CUAD_BUDGET_SHARE * 3);
    expect(recall.held / recall.spans).toBeGreaterThanOrEqual(0.9);
  }, 120_000);
});

describe('search terms', () => {
  it('fold diacritics, drop the question’s own wording, and weigh quoted words more', () => {
    const terms = searchTerms('Điều khoản nào quy định về "phạt vi phạm" hợp đồng?');
    const keys = new Map(terms.map((term) => [term.words.join(' '), term.weight]));
    expect(keys.has('dieu')).toBe(false);
    expect(keys.has('quy')).toBe(false);
    expect(keys.get('phat')).toBeGreaterThan(1);
    expect(keys.get('phat vi')).toBeGreaterThan(1);
    expect(keys.get('vi pham')).toBeGreaterThan(1);
  });

  it('widen a Vietnamese question with the English words for it, and the other way round', () => {
    const vi = new Set(searchTerms('Bất khả kháng được xử lý thế nào?').map((term) => term.words.join(' ')));
    expect(vi.has('force majeur')).toBe(true);
    const en = new Set(searchTerms('When may either party terminate?').map((term) => term.words.join(' ')));
    expect(en.has('cham dut')).toBe(true);
    expect(en.has('termin')).toBe(true);
  });
});

/** Whether the plan sends Điều 418's decisive sentence on agreed penalties, whole. */
function sendsPenaltyClause(plan: Pick<Plan, 'chunks'>): boolean {
  const text = documentText(civilCode.pageTexts);
  const at = text.indexOf('Mức phạt vi phạm do các bên thoả thuận');
  expect(at).toBeGreaterThan(0);
  return plan.chunks.some((chunk) => chunk.start <= at && at + 40 <= chunk.end);
}

describe('the focused plan on the 404-page Civil Code with a 32K model', () => {
  const question = 'Phạt vi phạm hợp đồng được thỏa thuận thế nào?';

  it('sends the clause on penalties, within the window, and names every page it leaves out', () => {
    const plan = planFocused({ documents: [civilCode], question, language: 'vi', chosen: small });
    expect(plan.fits).toBe(true);
    expect(sendsPenaltyClause(plan)).toBe(true);
    const sent = new Set(plan.chunks.flatMap((chunk) => chunk.pages));
    const left = plan.coverage.pagesLeftOut.flatMap((doc) => doc.pages);
    expect(left.length + sent.size).toBe(civilCode.pages);
    expect(left.some((page) => sent.has(page))).toBe(false);
    expect(plan.coverage.charsSent).toBe(plan.chunks.reduce((sum, chunk) => sum + chunk.end - chunk.start, 0));
    expect(plan.coverage.charsSent).toBeLessThan(plan.coverage.chars / 4);
    // Excerpts in order, none overlapping.
    for (let i = 1; i < plan.chunks.length; i++) {
      expect(plan.chunks[i]?.start).toBeGreaterThan(plan.chunks[i - 1]?.end ?? 0);
    }
  });

  it('prices the request at or above what the tokenizer counts of it, within 10%', () => {
    const plan = planFocused({ documents: [civilCode], question, language: 'vi', chosen: small });
    const prompt = buildFocusedPrompt(focusedDocuments([civilCode], plan.chunks), question, 'vi');
    const counted =
      countTokensWith('o200k_base', prompt.system) +
      prompt.messages.reduce((sum, message) => sum + countTokensWith('o200k_base', message.content), 0);
    expect(plan.estimate.input).toBeGreaterThanOrEqual(counted);
    expect(plan.estimate.input / counted).toBeLessThan(1.1);
    expect(plan.estimate.input).toBeLessThanOrEqual(small.model.contextWindow - 8_000);
  });

  it('finds the Vietnamese clause from an English question', () => {
    const plan = planFocused({
      documents: [civilCode],
      question: 'What penalty may the parties agree for a breach?',
      language: 'en',
      chosen: small,
    });
    expect(sendsPenaltyClause(plan)).toBe(true);
  });

  it('is what auto takes, said to be partial, only when nothing that reads every page fits', () => {
    const outlines = createOutlineCache();
    const roomy = planQuestion({ documents: [civilCode], question, language: 'vi', chosen: small }, 'auto', outlines);
    expect(roomy.chosen?.strategy).toBe('map-reduce');
    expect(roomy.plans.map((plan) => plan.strategy)).toContain('focused');
    // At 1,500 tokens a request, the notes of the parts cannot be joined two at a time: map-reduce does not fit.
    const capped = planQuestion(
      { documents: [civilCode], question, language: 'vi', chosen: small, maxInputTokens: 1_500 },
      'auto',
      outlines,
    );
    expect(capped.plans.find((plan) => plan.strategy === 'map-reduce')?.fits).toBe(false);
    expect(capped.chosen?.strategy).toBe('focused');
    expect(capped.reason).toBe('best-partial');
    expect(capped.chosen?.estimate.input).toBeLessThanOrEqual(1_500);
  });
});

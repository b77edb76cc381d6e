import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentSummary } from '../../shared/documents';
import { AppError } from '../../shared/errors';
import { estimateRequest } from '../../shared/estimate';
import type { Language } from '../../shared/language';
import { providerPresets } from '../../shared/provider-presets';
import { presetQuestion, questionPresets } from '../../shared/question-presets';
import { sharedFile } from '../testing/shared-data';
import { createTempServices } from '../testing/temp-services';
import { planAsk } from './preflight';

// The workbench issue: the window's estimate (the card, the ask panel) and main's (the figure it records and
// the refusal it makes) are one, to the token, for every shared document.

let services: ReturnType<typeof createTempServices>;
let documents: DocumentSummary[];

const FOLDERS: [string, RegExp][] = [
  ['contracts-en', /\.txt$/],
  ['contracts-vi', /\.(pdf|txt|md)$/],
  ['pdf-en', /\.pdf$/i],
];

beforeAll(async () => {
  services = createTempServices();
  for (const [folder, kind] of FOLDERS) {
    for (const name of readdirSync(sharedFile(folder)).filter((file) => kind.test(file) && !/README/.test(file))) {
      const { fileId } = services.documents.handOver(sharedFile(folder, name));
      await services.documents.ingest({ ingestId: `${folder}/${name}`, fileId });
    }
  }
  documents = services.documents.list();
}, 120_000);
afterAll(() => services.dispose());

const QUESTIONS = [
  ...questionPresets.flatMap((preset) => [
    presetQuestion(preset, 'vi', 'Bên cung cấp dịch vụ'),
    presetQuestion(preset, 'en', 'the Service Provider'),
  ]),
  'Điều khoản phạt vi phạm là gì?',
  '  What are the consulting fees?  ',
];

/** Main's figure for one question: the estimate it records, or the one its refusal states. */
function mainEstimate(documentIds: string[], question: string, language: Language, providerId: string, model: string) {
  try {
    return {
      tokens: planAsk(services, { documentIds, providerId, model, question }, language).estimatedInput,
      fits: true,
    };
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== 'CONTEXT_TOO_LONG') throw error;
    return { tokens: Number(error.details?.tokens), fits: false };
  }
}

describe('one estimate', () => {
  it('reads at least every shared contract and statute', () => {
    expect(documents.length).toBeGreaterThanOrEqual(20);
  });

  for (const presetId of ['custom', 'openai']) {
    it(`the window's figure is main's for every document, question and language (${presetId})`, () => {
      const preset = providerPresets.find((p) => p.id === presetId);
      if (!preset) throw new Error(presetId);
      services.providers.save(preset);
      if (presetId === 'openai') services.providers.setKey('openai', 'sk-test-0123456789abcd');
      const model = preset.models[0];
      if (!model) throw new Error('no model');
      let refused = 0;
      for (const language of ['vi', 'en'] as const) {
        for (const doc of documents) {
          for (const question of QUESTIONS) {
            const panel = estimateRequest([doc], question, language, model);
            const main = mainEstimate([doc.sha256], question, language, preset.id, model.model);
            expect(main, `${doc.name}, ${language}: ${question}`).toEqual({ tokens: panel.tokens, fits: panel.fits });
            if (!main.fits) refused++;
          }
        }
        const all = documents.map((doc) => doc.sha256);
        expect(mainEstimate(all, QUESTIONS[0] as string, language, preset.id, model.model)).toEqual({
          tokens: estimateRequest(documents, QUESTIONS[0] as string, language, model).tokens,
          fits: estimateRequest(documents, QUESTIONS[0] as string, language, model).fits,
        });
      }
      // The 32,768-token local model refuses the long ones, so both paths of main were compared.
      if (presetId === 'custom') expect(refused).toBeGreaterThan(0);
    });
  }
});

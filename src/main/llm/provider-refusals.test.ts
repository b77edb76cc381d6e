import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AskStreamEvent } from '../../shared/answers';
import { createTempServices } from '../testing/temp-services';
import { type ProviderTestServer, startProviderTestServer, testProvider } from './testing/provider-test-server';

// Refusals as providers send them (their documented error bodies, and ones users have reported), through the real
// SDKs from the provider test server: a context refusal says its numbers, "no such model" is MODEL_NOT_FOUND
// whatever the status, and neither is retried.

const KEY = 'sk-test-0123456789';
let server: ProviderTestServer;
let services: ReturnType<typeof createTempServices>;
let documentId: string;

beforeAll(async () => {
  server = await startProviderTestServer();
});
afterAll(() => server.close());
beforeEach(async () => {
  server.requests.length = 0;
  services = createTempServices();
  services.providers.save(testProvider({ id: 'openai', baseUrl: server.openaiBaseUrl }));
  services.providers.save(testProvider({ id: 'claude', kind: 'anthropic', baseUrl: server.anthropicBaseUrl }));
  for (const id of ['openai', 'claude']) services.providers.setKey(id, KEY);
  const doc = await services.documents.ingest({
    ingestId: 'x',
    name: 'hop-dong.txt',
    bytes: new TextEncoder().encode('Điều 8. Phạt vi phạm: 8% giá trị phần nghĩa vụ bị vi phạm.'),
  });
  documentId = doc.sha256;
});
afterEach(() => services.dispose());

/** Asks once against a server that answers with `body` and `status`; the error event, whole. */
async function refusedWith(status: number, body: unknown, providerId = 'openai') {
  server.script({ answer: 'unused', apiKey: KEY, faults: [{ kind: 'status', status, body }] });
  const events: AskStreamEvent[] = [];
  const started = services.ask.start(
    { documentIds: [documentId], providerId, model: 'test-model', question: 'Phạt vi phạm bao nhiêu?' },
    { onEvent: (event) => events.push(event) },
  );
  await started.finished;
  expect(server.requests).toHaveLength(1);
  const error = events.find((event) => event.kind === 'error');
  if (error?.kind !== 'error') throw new Error('no error event');
  return { error: error.error, estimatedInput: started.estimatedInput };
}

describe('a context refusal says its numbers', () => {
  it.each([
    [
      'OpenAI',
      {
        error: {
          message:
            "This model's maximum context length is 128000 tokens. However, your messages resulted in 130532 tokens. Please reduce the length of the messages.",
          type: 'invalid_request_error',
          param: 'messages',
          code: 'context_length_exceeded',
        },
      },
      130_532,
      128_000,
    ],
    [
      'DeepSeek',
      {
        error: {
          message:
            "This model's maximum context length is 65536 tokens. However, you requested 70123 tokens (62123 in the messages, 8000 in the completion). Please reduce the length of the messages or completion.",
          type: 'invalid_request_error',
          param: null,
          code: 'invalid_request_error',
        },
      },
      70_123,
      65_536,
    ],
    [
      'Moonshot (Kimi)',
      {
        error: {
          message: 'Invalid request: Your request exceeded model token limit: 262144 (requested: 269030)',
          type: 'invalid_request_error',
        },
      },
      269_030,
      262_144,
    ],
    [
      "llama.cpp's llama-server",
      {
        error: {
          code: 400,
          message: 'request (3401 tokens) exceeds the available context size (2048 tokens), try increasing it',
          type: 'exceed_context_size_error',
          n_prompt_tokens: 3401,
          n_ctx: 2048,
        },
      },
      3_401,
      2_048,
    ],
  ])('%s', async (_provider, body, tokens, contextWindow) => {
    const { error } = await refusedWith(400, body);
    expect(error.code).toBe('CONTEXT_TOO_LONG');
    expect(error.details).toMatchObject({ tokens, contextWindow, over: tokens - contextWindow });
    // The provider's own words are kept, for support.
    expect(error.details?.reason).toBe(body.error.message);
    expect(error.message).not.toMatch(/khoảng\s+token|vượt\s+token/);
  });

  it('Anthropic', async () => {
    const body = {
      type: 'error',
      error: { type: 'invalid_request_error', message: 'prompt is too long: 208310 tokens > 200000 maximum' },
    };
    const { error } = await refusedWith(400, body, 'claude');
    expect(error).toMatchObject({
      code: 'CONTEXT_TOO_LONG',
      details: { tokens: 208_310, contextWindow: 200_000, over: 8_310 },
    });
  });

  it("one without numbers says LexDesk's estimate and the model's window", async () => {
    const body = { error: { message: 'Input is too long for this model.', type: 'invalid_request_error' } };
    const { error, estimatedInput } = await refusedWith(400, body);
    expect(error).toMatchObject({
      code: 'CONTEXT_TOO_LONG',
      details: { tokens: estimatedInput, contextWindow: 128_000, reason: 'Input is too long for this model.' },
    });
  });
});

describe('"no such model" is MODEL_NOT_FOUND whatever its status', () => {
  it.each([
    [
      "llama.cpp's llama-server, 400",
      400,
      { error: { code: 400, message: "model 'x' not found", type: 'invalid_request_error' } },
    ],
    [
      'DeepSeek, 400',
      400,
      { error: { message: 'Model Not Exist', type: 'invalid_request_error', code: 'invalid_request_error' } },
    ],
    [
      'OpenAI, 404',
      404,
      { error: { message: 'The model `x` does not exist', type: 'invalid_request_error', code: 'model_not_found' } },
    ],
  ])('%s', async (_provider, status, body) => {
    const { error } = await refusedWith(status, body);
    expect(error.code).toBe('MODEL_NOT_FOUND');
  });
});

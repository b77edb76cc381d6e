import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ProviderConfig, ProviderModel } from '../../../shared/providers';

/**
 * A real HTTP server on 127.0.0.1 that speaks OpenAI chat-completions streaming
 * and Anthropic messages streaming, with scripted answers and faults on demand.
 * Unit tests, e2e specs and benchmarks all use it. Test code: never shipped.
 */

export type Fault =
  /** An HTTP error: `body` as a provider sends it (their shapes are in provider-refusals.test.ts), or a plain one. */
  | { kind: 'status'; status: number; retryAfterSeconds?: number; message?: string; body?: unknown }
  /** Sends this many answer tokens, then destroys the socket. */
  | { kind: 'drop-after'; tokens: number }
  /** Sends this many answer tokens, then goes silent with the connection open. */
  | { kind: 'stall-after'; tokens: number };

export interface Script {
  /** The answer, streamed a word (with its trailing space) at a time. */
  answer: string;
  tokensPerSecond?: number;
  /** A word longer than this goes out in pieces of this many characters, as a model's tokens would. */
  pieceChars?: number;
  firstByteDelayMs?: number;
  /** How the model says it stopped: `length` as OpenAI words it, sent as `max_tokens` to an Anthropic client. */
  finishReason?: 'stop' | 'length';
  /** Consumed one per request, in order; a request with none left is answered normally. */
  faults?: Fault[];
  /** Reported usage; by default input is a quarter of the prompt's characters, or `countInput`'s count. */
  usage?: { input?: number; cachedInput?: number; output?: number };
  /** Counts the prompt's input tokens as a real provider would (a tokenizer), over the system text and the messages. */
  countInput?: (text: string) => number;
  /** A fault for a request by what it asks (a part of a long document, say), whatever the order; null: none. */
  faultFor?: (body: RecordedRequest['body']) => Fault | null;
  /** Where an OpenAI-compatible server puts usage: a final chunk (OpenAI, DeepSeek) or inside the last choice (Moonshot). */
  usagePlacement?: 'final-chunk' | 'in-choice';
  /** When set, requests must carry this key. */
  apiKey?: string;
  /** Models the server knows; others get 404. */
  models?: string[];
}

export interface RecordedRequest {
  path: string;
  authorization: string | undefined;
  body: {
    model?: string;
    messages?: { role: string; content: unknown }[];
    system?: unknown;
    stream?: boolean;
    max_tokens?: number;
  };
}

export interface ProviderTestServer {
  url: string;
  /** Base URL for the `openai` SDK. */
  openaiBaseUrl: string;
  /** Base URL for `@anthropic-ai/sdk`. */
  anthropicBaseUrl: string;
  script(next: Script): void;
  requests: RecordedRequest[];
  /** The most requests open at once since the last `script`, and when each request came (ms since then). */
  peakInFlight(): number;
  arrivals(): number[];
  close(): Promise<void>;
}

const DEFAULT_SCRIPT: Script = { answer: 'Điều 8 quy định phạt vi phạm 8% [p. 3, Điều 8].' };

export async function startProviderTestServer(
  initial: Script = DEFAULT_SCRIPT,
  /** A fixed port (a local server's default, 11434 for Ollama); by default any free one. */
  fixedPort = 0,
): Promise<ProviderTestServer> {
  let script = initial;
  let faults = [...(initial.faults ?? [])];
  const requests: RecordedRequest[] = [];
  const sockets = new Set<import('node:net').Socket>();
  let inFlight = 0;
  let peak = 0;
  let scriptedAt = Date.now();
  let arrivals: number[] = [];

  const server: Server = createServer((request, response) => {
    void handle(request, response).catch(() => response.destroy());
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    const body =
      request.method === 'POST' ? (JSON.parse((await readBody(request)) || '{}') as RecordedRequest['body']) : {};
    const authorization = (request.headers.authorization ?? request.headers['x-api-key']) as string | undefined;
    requests.push({ path, authorization, body });
    if (request.method === 'POST') {
      arrivals.push(Date.now() - scriptedAt);
      inFlight++;
      peak = Math.max(peak, inFlight);
      response.once('close', () => {
        inFlight--;
      });
    }

    if (script.apiKey && authorization !== `Bearer ${script.apiKey}` && authorization !== script.apiKey) {
      return sendError(response, 401, 'Invalid Authentication');
    }
    const fault = script.faultFor?.(body) ?? faults.shift();
    if (fault?.kind === 'status') {
      const headers: Record<string, string> = {};
      if (fault.retryAfterSeconds !== undefined) headers['retry-after'] = String(fault.retryAfterSeconds);
      if (fault.body !== undefined) return sendJson(response, fault.status, fault.body, headers);
      return sendError(response, fault.status, fault.message ?? `scripted ${fault.status}`, headers);
    }
    if (path.endsWith('/models') && request.method === 'GET') {
      return sendJson(response, 200, { object: 'list', data: (script.models ?? ['test-model']).map((id) => ({ id })) });
    }
    if (body.model && script.models && !script.models.includes(body.model)) {
      return sendError(response, 404, `The model ${body.model} does not exist`);
    }
    if (path.endsWith('/chat/completions')) return streamOpenAi(response, body, fault);
    if (path.endsWith('/messages')) return streamAnthropic(response, body, fault);
    sendError(response, 404, `no route ${path}`);
  }

  function promptChars(body: RecordedRequest['body']): number {
    return JSON.stringify(body.messages ?? '').length + JSON.stringify(body.system ?? '').length;
  }

  function words(): string[] {
    const words = script.answer.match(/\S+\s*/gu) ?? [];
    const size = script.pieceChars;
    if (!size) return words;
    return words.flatMap((word) =>
      word.length <= size
        ? [word]
        : Array.from({ length: Math.ceil(word.length / size) }, (_, i) => word.slice(i * size, (i + 1) * size)),
    );
  }

  async function pace(response: ServerResponse, fault: Fault | undefined, send: (word: string) => void) {
    await sleep(script.firstByteDelayMs ?? 0);
    const interval = 1000 / (script.tokensPerSecond ?? 200);
    let sent = 0;
    for (const word of words()) {
      if (fault?.kind === 'drop-after' && sent === fault.tokens) {
        response.socket?.destroy();
        return false;
      }
      if (fault?.kind === 'stall-after' && sent === fault.tokens) return false;
      send(word);
      sent++;
      // Under a millisecond a word, timers cannot pace it: send flat out, yielding now and then.
      if (interval >= 1) await sleep(interval);
      else if (sent % 64 === 0) await new Promise((resolve) => setImmediate(resolve));
    }
    return true;
  }

  function promptText(body: RecordedRequest['body']): string {
    const parts = (body.messages ?? []).map((m) =>
      typeof m.content === 'string' ? m.content : JSON.stringify(m.content),
    );
    const system = typeof body.system === 'string' ? body.system : '';
    return [system, ...parts].join('\n');
  }

  function usageFor(body: RecordedRequest['body']) {
    const counted = script.countInput ? script.countInput(promptText(body)) : undefined;
    const input = script.usage?.input ?? counted ?? Math.ceil(promptChars(body) / 4);
    return { input, cachedInput: script.usage?.cachedInput ?? 0, output: script.usage?.output ?? words().length };
  }

  async function streamOpenAi(response: ServerResponse, body: RecordedRequest['body'], fault: Fault | undefined) {
    response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    const chunk = (choices: unknown[], extra: Record<string, unknown> = {}) =>
      response.write(
        `data: ${JSON.stringify({ id: 'chatcmpl-test', object: 'chat.completion.chunk', model: body.model, choices, ...extra })}\n\n`,
      );
    const finished = await pace(response, fault, (word) => chunk([{ index: 0, delta: { content: word } }]));
    if (!finished) return;
    const usage = usageFor(body);
    const finish = script.finishReason ?? 'stop';
    const reported = {
      prompt_tokens: usage.input,
      completion_tokens: usage.output,
      total_tokens: usage.input + usage.output,
      prompt_tokens_details: { cached_tokens: usage.cachedInput },
    };
    if (script.usagePlacement === 'in-choice') {
      chunk([{ index: 0, delta: {}, finish_reason: finish, usage: { ...reported, cached_tokens: usage.cachedInput } }]);
    } else {
      chunk([{ index: 0, delta: {}, finish_reason: finish }]);
      chunk([], { usage: reported });
    }
    response.end('data: [DONE]\n\n');
  }

  async function streamAnthropic(response: ServerResponse, body: RecordedRequest['body'], fault: Fault | undefined) {
    response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    const event = (type: string, data: Record<string, unknown>) =>
      response.write(`event: ${type}\ndata: ${JSON.stringify({ type, ...data })}\n\n`);
    const usage = usageFor(body);
    event('message_start', {
      message: {
        id: 'msg_test',
        type: 'message',
        role: 'assistant',
        model: body.model,
        content: [],
        stop_reason: null,
        usage: {
          input_tokens: usage.input - usage.cachedInput,
          cache_read_input_tokens: usage.cachedInput,
          cache_creation_input_tokens: 0,
          output_tokens: 1,
        },
      },
    });
    event('content_block_start', { index: 0, content_block: { type: 'text', text: '' } });
    const finished = await pace(response, fault, (word) =>
      event('content_block_delta', { index: 0, delta: { type: 'text_delta', text: word } }),
    );
    if (!finished) return;
    event('content_block_stop', { index: 0 });
    const stopReason = script.finishReason === 'length' ? 'max_tokens' : 'end_turn';
    event('message_delta', { delta: { stop_reason: stopReason }, usage: { output_tokens: usage.output } });
    event('message_stop', {});
    response.end();
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(fixedPort, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    openaiBaseUrl: `${url}/v1`,
    anthropicBaseUrl: url,
    script(next) {
      script = next;
      faults = [...(next.faults ?? [])];
      peak = inFlight;
      scriptedAt = Date.now();
      arrivals = [];
    },
    requests,
    peakInFlight: () => peak,
    arrivals: () => [...arrivals],
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => {
      body += chunk;
    });
    request.on('end', () => resolve(body));
    request.on('error', reject);
  });
}

function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  response.writeHead(status, { 'content-type': 'application/json', ...headers });
  response.end(JSON.stringify(body));
}

function sendError(response: ServerResponse, status: number, message: string, headers: Record<string, string> = {}) {
  sendJson(response, status, { error: { message, type: 'test_error', code: status } }, headers);
}

function sleep(ms: number): Promise<void> {
  return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve();
}

/** A model with today's Kimi prices, as the tests configure it; `overrides` for the field a test is about. */
export function testModel(overrides: Partial<ProviderModel> = {}): ProviderModel {
  return {
    model: 'test-model',
    contextWindow: 128_000,
    currency: 'USD',
    input: 0.6,
    cachedInput: 0.15,
    output: 2.5,
    encoding: 'o200k_base',
    exactTokenizer: false,
    checkedOn: '2026-11-28',
    ...overrides,
  };
}

/** A provider at a test server's address with one test model. */
export function testProvider(
  config: Pick<ProviderConfig, 'id' | 'baseUrl'> & Partial<Omit<ProviderConfig, 'models'>>,
  model: Partial<ProviderModel> = {},
): ProviderConfig {
  return { kind: 'openai', name: config.id, ...config, models: [testModel(model)] };
}

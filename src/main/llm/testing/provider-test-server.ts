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
  /** The answer to this request, when it depends on what is asked (a batch request's JSON, say). */
  answerFor?: (body: RecordedRequest['body']) => string;
  /**
   * Counts tokens as the provider bills them: input as the system text and each
   * message counted apart, output as each piece sent. A stream dropped midway
   * is billed its input and the pieces sent before the drop, as providers bill
   * a generation cut short.
   */
  countTokens?: (text: string) => number;
  /** Faults drawn at random for each chat request, with a seed so a run can be repeated. */
  faultRates?: { rateLimited: number; serverError: number; dropped: number; seed: number };
}

/** A chat request as the server ended it, and what it billed for it (null: an HTTP error, or tokens not counted). */
export interface LedgerEntry {
  body: RecordedRequest['body'];
  ended: 'done' | 'dropped' | 'refused';
  billed: { input: number; cachedInput: number; output: number } | null;
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
  /** Every chat request since the last `script`, as it ended and as it was billed. */
  ledger(): LedgerEntry[];
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
  let ledger: LedgerEntry[] = [];
  let random = seeded(initial.faultRates?.seed ?? 1);

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
    const fault = script.faultFor?.(body) ?? faults.shift() ?? (isChat(path) ? drawnFault() : undefined);
    if (fault?.kind === 'status') {
      if (isChat(path)) ledger.push({ body, ended: 'refused', billed: null });
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

  function isChat(path: string): boolean {
    return path.endsWith('/chat/completions') || path.endsWith('/messages');
  }

  function drawnFault(): Fault | undefined {
    const rates = script.faultRates;
    if (!rates) return undefined;
    const draw = random();
    if (draw < rates.rateLimited)
      return { kind: 'status', status: 429, retryAfterSeconds: 1, message: 'Rate limit reached' };
    if (draw < rates.rateLimited + rates.serverError) return { kind: 'status', status: 500, message: 'Internal error' };
    if (draw < rates.rateLimited + rates.serverError + rates.dropped) return { kind: 'drop-after', tokens: 3 };
    return undefined;
  }

  /** What the provider bills for a request: its input, and the output pieces it sent. */
  function billable(body: RecordedRequest['body'], sent: readonly string[], count: (text: string) => number) {
    const system = typeof body.system === 'string' ? body.system : '';
    const contents = (body.messages ?? []).map((m) =>
      typeof m.content === 'string' ? m.content : JSON.stringify(m.content),
    );
    const input = [system, ...contents].reduce((sum, text) => sum + (text === '' ? 0 : count(text)), 0);
    return { input, cachedInput: 0, output: sent.reduce((sum, piece) => sum + count(piece), 0) };
  }

  /** Every chat request goes in the ledger; what it billed only when the script counts tokens. */
  function bill(body: RecordedRequest['body'], sent: readonly string[], ended: LedgerEntry['ended']): void {
    ledger.push({ body, ended, billed: script.countTokens ? billable(body, sent, script.countTokens) : null });
  }

  function promptChars(body: RecordedRequest['body']): number {
    return JSON.stringify(body.messages ?? '').length + JSON.stringify(body.system ?? '').length;
  }

  function words(answer: string = script.answer): string[] {
    const words = answer.match(/\S+\s*/gu) ?? [];
    const size = script.pieceChars;
    if (!size) return words;
    return words.flatMap((word) =>
      word.length <= size
        ? [word]
        : Array.from({ length: Math.ceil(word.length / size) }, (_, i) => word.slice(i * size, (i + 1) * size)),
    );
  }

  async function pace(
    response: ServerResponse,
    fault: Fault | undefined,
    send: (word: string) => void,
    body: RecordedRequest['body'],
  ) {
    await sleep(script.firstByteDelayMs ?? 0);
    const interval = 1000 / (script.tokensPerSecond ?? 200);
    let sent = 0;
    const pieces = words(answerOf(body));
    for (const word of pieces) {
      if (fault?.kind === 'drop-after' && sent === fault.tokens) {
        bill(body, pieces.slice(0, sent), 'dropped');
        // What was sent reaches the client before the connection fails, as on a real network.
        await sleep(20);
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

  function answerOf(body: RecordedRequest['body']): string {
    return script.answerFor?.(body) ?? script.answer;
  }

  function usageFor(body: RecordedRequest['body']) {
    if (script.countTokens) return billable(body, words(answerOf(body)), script.countTokens);
    const counted = script.countInput ? script.countInput(promptText(body)) : undefined;
    const input = script.usage?.input ?? counted ?? Math.ceil(promptChars(body) / 4);
    return {
      input,
      cachedInput: script.usage?.cachedInput ?? 0,
      output: script.usage?.output ?? words(answerOf(body)).length,
    };
  }

  async function streamOpenAi(response: ServerResponse, body: RecordedRequest['body'], fault: Fault | undefined) {
    response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    const chunk = (choices: unknown[], extra: Record<string, unknown> = {}) =>
      response.write(
        `data: ${JSON.stringify({ id: 'chatcmpl-test', object: 'chat.completion.chunk', model: body.model, choices, ...extra })}\n\n`,
      );
    const finished = await pace(response, fault, (word) => chunk([{ index: 0, delta: { content: word } }]), body);
    if (!finished) return;
    bill(body, words(answerOf(body)), 'done');
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
    const finished = await pace(
      response,
      fault,
      (word) => event('content_block_delta', { index: 0, delta: { type: 'text_delta', text: word } }),
      body,
    );
    if (!finished) return;
    bill(body, words(answerOf(body)), 'done');
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
      ledger = [];
      random = seeded(next.faultRates?.seed ?? 1);
    },
    ledger: () => [...ledger],
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

/** A small seeded random source (mulberry32): the same faults in the same order for the same seed. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
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

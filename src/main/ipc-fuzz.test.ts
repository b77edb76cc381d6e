import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Channel, type ChannelInput, channels } from '../shared/contract';
import type { Envelope } from '../shared/envelope';
import { providerPresets } from '../shared/provider-presets';
import { createApp } from './app';
import type { Desktop } from './desktop/desktop';
import type { Dispatch } from './ipc';
import { type ProviderTestServer, startProviderTestServer } from './llm/testing/provider-test-server';
import { createTempServices } from './testing/temp-services';

/**
 * Every channel of the contract, sent a few hundred generated inputs: wrong
 * types, huge strings, deep nesting, `__proto__` keys, NaN, control
 * characters, unknown ids, and valid inputs with one of these in a field.
 * Each must end in a valid answer or a coded error (never INTERNAL_ERROR,
 * never a hang), and the database and the files folder must be whole after.
 * The nothing-lost issue asks for at least 200 inputs a channel within 60 s.
 */
const RUNS_PER_CHANNEL = 200;
/** Longer than any handler takes on these inputs; a call still running then counts as a hang. */
const HANG_MS = 10_000;

const KEY = 'sk-fuzz-0123456789abcd';
let server: ProviderTestServer;
let services: ReturnType<typeof createTempServices>;
let dispatch: Dispatch;
let dataDir: string;
let outside: string;
const unexpected: string[] = [];
const seeds = { sha256: '', answerId: '', matterId: '', fileId: '', streamId: '', token: '' };

beforeAll(async () => {
  server = await startProviderTestServer({ answer: 'Điều 8 quy định phạt vi phạm 8%.', tokensPerSecond: 100_000 });
  dataDir = mkdtempSync(join(tmpdir(), 'lexdesk-fuzz-'));
  outside = mkdtempSync(join(tmpdir(), 'lexdesk-fuzz-outside-'));
  services = createTempServices({ dataDir });
  const desktop: Desktop = {
    chooseSaveFile: async (request) => join(outside, request.defaultName),
    chooseFolder: async () => null,
    restart: () => {},
    writeClipboard: () => {},
  };
  dispatch = createApp({
    services,
    desktop,
    // Every answer of the 6,200 calls is checked against its channel's output schema as well.
    checkOutputs: true,
    onUnexpectedError: (channel, error) => unexpected.push(`${channel}: ${String(error)}`),
  }).dispatch;
  const custom = providerPresets.find((preset) => preset.id === 'custom');
  if (!custom) throw new Error('no custom preset');
  services.providers.save({ ...custom, baseUrl: server.openaiBaseUrl });
  services.providers.setKey('custom', KEY);
  const document = await services.documents.ingest({
    ingestId: 'seed',
    name: 'hop-dong.txt',
    bytes: new TextEncoder().encode('Điều 8. Phạt vi phạm: 8% giá trị phần nghĩa vụ bị vi phạm.'),
  });
  seeds.sha256 = document.sha256;
  seeds.matterId = services.matters.create('Vụ việc thử').id;
  const started = services.ask.start({
    documentIds: [document.sha256],
    providerId: 'custom',
    model: custom.models[0]?.model ?? 'local-model',
    question: 'Phạt vi phạm bao nhiêu?',
  });
  await started.finished;
  seeds.answerId = started.answerId;
  seeds.streamId = started.streamId;
  const file = join(outside, 'phu-luc.txt');
  writeFileSync(file, 'Phụ lục 1. Bên A thanh toán trong 30 ngày.');
  seeds.fileId = services.documents.handOver(file).fileId;
  // A FIFO among the paths to hand over: reading one would block main for good.
  execFileSync('mkfifo', [join(outside, 'fifo')]);
}, 60_000);

afterAll(async () => {
  services?.dispose();
  await server?.close();
  rmSync(outside, { recursive: true, force: true });
});

/** Nested this deep, a recursive walk of the input would overflow the stack. */
function deeplyNested(depth: number): unknown {
  let value: unknown = 'Điều 1';
  for (let i = 0; i < depth; i++) value = i % 2 === 0 ? [value] : { a: value };
  return value;
}

const nastyConstants = [
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  -0,
  -1,
  2 ** 53 + 1,
  1e308,
  '',
  ' ',
  '\u0000',
  '\u0000Điều 1',
  '\u202eBên A',
  '\ud800',
  '../../../../etc/passwd',
  '/dev/zero',
  '/dev/urandom',
  '/proc/self/mem',
  '/',
  '__proto__',
  'constructor',
  'toString',
  '0'.repeat(64),
  'f'.repeat(32),
  'x'.repeat(1_000_000),
  'Điều '.repeat(50_000),
  ['x'.repeat(64)],
  Array.from({ length: 20_000 }, (_, i) => `id-${i}`),
  new Uint8Array(0),
  new Uint8Array(5_000_000),
  deeplyNested(10_000),
  JSON.parse('{"__proto__": {"polluted": true}}'),
  Object.create(null),
];

/** Any value a window could send, at its worst. */
const nasty: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...nastyConstants) },
  {
    weight: 2,
    arbitrary: fc.anything({
      maxDepth: 3,
      withNullPrototype: true,
      withObjectString: true,
      withBoxedValues: true,
      withMap: true,
      withSet: true,
      withDate: true,
      withTypedArray: true,
      withSparseArray: true,
      withBigInt: true,
    }),
  },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 300 }) },
  { weight: 1, arbitrary: fc.double() },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom(
        () => seeds.sha256,
        () => seeds.answerId,
        () => seeds.matterId,
      )
      .map((f) => f()),
  },
);

const extraKey = fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'then', 'valueOf', 'x');

/** The valid input with its fields kept, replaced by something nasty, or dropped, and keys added. */
function mutated(valid: unknown): fc.Arbitrary<unknown> {
  if (Array.isArray(valid)) {
    return fc.oneof(fc.constant(valid), fc.array(valid.length > 0 ? mutated(valid[0]) : nasty, { maxLength: 4 }));
  }
  if (valid === null || typeof valid !== 'object' || valid instanceof Uint8Array) {
    return fc.oneof({ weight: 2, arbitrary: fc.constant(valid) }, { weight: 1, arbitrary: nasty });
  }
  const fields = Object.entries(valid as Record<string, unknown>);
  const kept = Symbol('dropped');
  return fc
    .tuple(
      fc.tuple(
        ...fields.map(([, value]) =>
          fc.oneof({ weight: 3, arbitrary: mutated(value) }, { weight: 1, arbitrary: fc.constant(kept) }),
        ),
      ),
      fc.array(fc.tuple(extraKey, nasty), { maxLength: 2 }),
    )
    .map(([values, extras]) => {
      const object: Record<string, unknown> = {};
      fields.forEach(([key], i) => {
        if (values[i] !== kept) object[key] = values[i];
      });
      // defineProperty, so "__proto__" is an own key, as JSON.parse and a structured clone make it.
      for (const [key, value] of extras)
        Object.defineProperty(object, key, { value, enumerable: true, configurable: true, writable: true });
      return object;
    });
}

/** One valid input a channel, so the fuzzing starts from requests that reach the handlers. */
function validInputs(): { [C in Channel]: ChannelInput<C> } {
  const custom = providerPresets.find((preset) => preset.id === 'custom');
  if (!custom) throw new Error('no custom preset');
  const model = custom.models[0]?.model ?? 'local-model';
  return {
    'app:info': undefined,
    'settings:get': undefined,
    'settings:set': { key: 'theme', value: 'dark' },
    'secrets:status': undefined,
    'files:handOver': { path: join(outside, 'fifo') },
    'documents:ingest': { ingestId: 'fuzz', fileId: seeds.fileId },
    'documents:list': undefined,
    'documents:get': { sha256: seeds.sha256 },
    'documents:file': { sha256: seeds.sha256 },
    'providers:list': undefined,
    'providers:save': { ...custom, baseUrl: server.openaiBaseUrl },
    'providers:remove': { providerId: 'openai' },
    'providers:setKey': { providerId: 'custom', key: KEY },
    'providers:clearKey': { providerId: 'openai' },
    'providers:test': { providerId: 'custom', model },
    'providers:models': { providerId: 'custom' },
    'providers:discover': undefined,
    'ask:start': { documentIds: [seeds.sha256], providerId: 'custom', model, question: 'Phạt vi phạm bao nhiêu?' },
    'ask:cancel': { streamId: seeds.streamId },
    'ask:plan': { documentIds: [seeds.sha256], providerId: 'custom', model, question: 'Phạt vi phạm bao nhiêu?' },
    'answers:get': { answerId: seeds.answerId },
    'answers:copy': { answerId: seeds.answerId },
    'history:page': { limit: 50, offset: 0, matterId: seeds.matterId },
    'history:search': { query: 'phạt vi phạm', limit: 20 },
    'matters:list': undefined,
    'matters:create': { name: 'Vụ việc mới' },
    'matters:rename': { matterId: seeds.matterId, name: 'Vụ việc đổi tên' },
    'matters:remove': { matterId: 'no-such-matter' },
    'matters:assign': { matterId: seeds.matterId, documentIds: [seeds.sha256], answerIds: [seeds.answerId] },
    'history:cacheStats': undefined,
    'export:answer': { answerId: seeds.answerId, format: 'docx' },
    'export:matter': { matterId: seeds.matterId, format: 'md' },
    'backup:create': undefined,
    'backup:choose': undefined,
    'backup:restore': { token: 'no-such-token' },
    'batch:quote': {
      documentIds: [seeds.sha256],
      questions: [{ id: 'phat', text: 'Mức phạt vi phạm?', type: 'amount' }],
    },
    'batch:start': {
      name: 'Fuzz',
      documentIds: [seeds.sha256],
      questions: [{ id: 'phat', text: 'Mức phạt vi phạm?', type: 'amount' }],
      providerId: 'custom',
      model,
    },
    'batch:pause': { jobId: 'no-such-job' },
    'batch:resume': { jobId: 'no-such-job' },
    'batch:cancel': { jobId: 'no-such-job' },
    'batch:state': { jobId: 'no-such-job' },
    'batch:list': undefined,
    'batch:items': { jobId: 'no-such-job', offset: 0, limit: 50 },
  };
}

async function withinLimit(channel: string, input: unknown): Promise<Envelope<unknown>> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const hang = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${channel} still running after ${HANG_MS} ms`)), HANG_MS);
  });
  try {
    return await Promise.race([dispatch(channel, input), hang]);
  } finally {
    clearTimeout(timer);
  }
}

describe('every channel, fuzzed', () => {
  it(`answers ${RUNS_PER_CHANNEL} generated inputs a channel with a value or a coded error, and leaves the data whole`, async () => {
    const valid = validInputs();
    const started = performance.now();
    let calls = 0;
    for (const channel of channels) {
      await fc.assert(
        fc.asyncProperty(
          fc.oneof({ weight: 1, arbitrary: nasty }, { weight: 4, arbitrary: mutated(valid[channel]) }),
          async (input) => {
            const answer = await withinLimit(channel, input);
            calls++;
            if (!answer.ok) expect(answer.error.code, `${channel}: ${answer.error.message}`).not.toBe('INTERNAL_ERROR');
          },
        ),
        { numRuns: RUNS_PER_CHANNEL, seed: 20261202 + channels.indexOf(channel), endOnFailure: true },
      );
    }
    // Answers started by the fuzzing finish, or fail coded, before the data is checked.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const seconds = (performance.now() - started) / 1000;
    console.log(`fuzz: ${calls} calls on ${channels.length} channels in ${seconds.toFixed(1)} s`);
    expect(calls).toBeGreaterThanOrEqual(RUNS_PER_CHANNEL * channels.length);
    expect(unexpected).toEqual([]);

    expect(services.db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(services.db.pragma('foreign_key_check')).toEqual([]);
    // The files folder holds a file for each document and nothing else: no partial file, no stray name.
    const stored = readdirSync(join(dataDir, 'files'), { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => entry.name)
      .sort();
    const documents = (
      services.db.prepare('SELECT sha256 FROM documents ORDER BY sha256').all() as { sha256: string }[]
    ).map((row) => row.sha256);
    expect(stored).toEqual(documents);
  }, 60_000);
});

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type ProviderTestServer, startProviderTestServer } from '../main/llm/testing/provider-test-server';
import { sharedFile } from '../main/testing/shared-data';
import type { PlannedChunk } from '../shared/plans';
import { addProviderArgs, capturedCli } from './testing/captured-cli';

const ANSWER = 'Bên vi phạm chịu phạt 8% [p. 1, Điều 8].';
let server: ProviderTestServer;
let dataDir: string;
let contract: string;

beforeAll(async () => {
  server = await startProviderTestServer();
});
afterAll(() => server.close());
beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'lexdesk-cli-ask-'));
  contract = join(dataDir, 'hop-dong.txt');
  writeFileSync(contract, 'Điều 8. Phạt vi phạm: 8% giá trị phần nghĩa vụ bị vi phạm.\n');
  server.script({ answer: ANSWER, apiKey: 'sk-env-key', usage: { input: 500, cachedInput: 100, output: 12 } });
});
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

const cli = (args: string[], env: NodeJS.ProcessEnv = {}) => capturedCli(['--data-dir', dataDir, ...args], env);

const addProvider = () =>
  cli(
    addProviderArgs({
      id: 'local',
      baseUrl: server.openaiBaseUrl,
      models: ['test-model', 'other-model'],
      context: 128_000,
      input: 0.6,
      cachedInput: 0.15,
      output: 2.5,
      currency: 'USD',
    }),
  );

describe('lexdesk providers', () => {
  it('adds, lists and removes a provider', async () => {
    expect((await addProvider()).code).toBe(0);
    const listed = await cli(['--json', 'providers', 'list']);
    expect(JSON.parse(listed.stdout)).toEqual([
      expect.objectContaining({ id: 'local', kind: 'openai', key: { set: false, last4: null, origin: null } }),
    ]);
    expect(JSON.parse(listed.stdout)[0].models.map((m: { model: string }) => m.model)).toEqual([
      'test-model',
      'other-model',
    ]);
    expect((await cli(['providers', 'remove', 'local'])).code).toBe(0);
    expect(JSON.parse((await cli(['--json', 'providers', 'list'])).stdout)).toEqual([]);
  });

  it('refuses a provider with a bad base URL as bad input, and a missing option as usage', async () => {
    const bad = await cli([
      'providers',
      'add',
      'x',
      '--kind',
      'openai',
      '--base-url',
      'not a url',
      '--model',
      'm',
      '--context',
      '1000',
      '--price-input',
      '1',
      '--price-output',
      '1',
    ]);
    expect(bad.code).toBe(3);
    expect((await cli(['providers', 'add', 'x', '--kind', 'openai'])).code).toBe(2);
  });
});

describe('lexdesk ask', () => {
  it('streams the answer with the key from --api-key-env and prints the final JSON line', async () => {
    await addProvider();
    const result = await cli(
      [
        '--json',
        'ask',
        contract,
        'Phạt vi phạm bao nhiêu?',
        '--provider',
        'local',
        '--api-key-env',
        'LEXDESK_TEST_KEY',
      ],
      { LEXDESK_TEST_KEY: 'sk-env-key' },
    );
    expect(result.code).toBe(0);
    const line = JSON.parse(result.stdout.trim().split('\n').at(-1) ?? '');
    expect(line).toEqual({
      answerId: expect.any(String),
      status: 'done',
      text: ANSWER,
      usage: { input: 500, cachedInput: 100, output: 12 },
      cost: { amount: expect.closeTo((400 * 0.6 + 100 * 0.15 + 12 * 2.5) / 1e6, 12), currency: 'USD' },
      cached: false,
      ttftMs: expect.any(Number),
      latencyMs: expect.any(Number),
      // Read whole: no plan to report.
      plan: null,
    });
    expect(server.requests.at(-1)?.authorization).toBe('Bearer sk-env-key');
  });

  it('streams plain text to stdout without --json', async () => {
    await addProvider();
    const result = await cli(['ask', contract, 'Phạt?', '--provider', 'local', '--api-key-env', 'K'], {
      K: 'sk-env-key',
    });
    expect(result).toMatchObject({ code: 0, stdout: `${ANSWER}\n` });
  });

  it('exits 4 on a provider error, with the code in the JSON', async () => {
    await addProvider();
    const result = await cli(['--json', 'ask', contract, 'Phạt?', '--provider', 'local', '--api-key-env', 'K'], {
      K: 'sk-wrong',
    });
    expect(result.code).toBe(4);
    const line = JSON.parse(result.stdout.trim().split('\n').at(-1) ?? '');
    expect(line).toMatchObject({ status: 'failed', text: '', error: { code: 'INVALID_API_KEY' } });
  });

  it('exits 3 when the provider is not configured and 2 when the question is missing', async () => {
    expect((await cli(['ask', contract, 'Phạt?', '--provider', 'nobody'])).code).toBe(3);
    expect((await cli(['ask', 'Phạt?', '--provider', 'local'])).code).toBe(2);
  });
});

describe('lexdesk ask --dry-run: the plan for a document past the model’s window', () => {
  const statute = sharedFile('contracts-vi', 'luat-thuong-mai-2005_chuong-II-mua-ban-hang-hoa_excerpt.pdf');
  const question = 'Phạt vi phạm hợp đồng mua bán hàng hóa được quy định thế nào?';
  const addSmall = () =>
    cli(
      addProviderArgs({
        id: 'small',
        baseUrl: server.openaiBaseUrl,
        models: ['local-8k'],
        context: 8192,
        input: 0.1,
        output: 0.2,
      }),
    );

  it('prints the map-reduce plan, its chunks covering the text once, and its estimate, sending nothing', async () => {
    expect((await addSmall()).code).toBe(0);
    const before = server.requests.length;
    const result = await cli(['--json', 'ask', statute, question, '--provider', 'small', '--dry-run', '--with-text']);
    expect(result.code).toBe(0);
    expect(server.requests.length).toBe(before);
    const { plan, reason, plans } = JSON.parse(result.stdout);
    expect(reason).toBe('cheapest-full-coverage');
    expect(plans.map((p: { strategy: string }) => p.strategy)).toEqual(['whole', 'map-reduce', 'focused']);
    expect(plan).toMatchObject({
      strategy: 'map-reduce',
      model: 'local-8k',
      coverage: { pages: 48, pagesLeftOut: [] },
      estimate: { currency: 'USD' },
    });
    const chunks = plan.chunks as (PlannedChunk & { text: string })[];
    expect(chunks.length).toBeGreaterThan(5);
    expect(chunks[0]?.start).toBe(0);
    chunks.forEach((chunk, i) => {
      expect(chunk.index).toBe(i);
      if (i > 0) expect(chunk.start).toBe(chunks[i - 1]?.end);
      expect(chunk.text.length).toBe(chunk.end - chunk.start);
      expect(chunk.tokens).toBeLessThan(8192 - 2048);
    });
    expect(new Set(chunks.flatMap((chunk) => chunk.pages)).size).toBe(48);
    // Most parts start at a clause and say where they stand.
    expect(chunks.filter((chunk) => chunk.path.some((label) => label.startsWith('Điều'))).length).toBeGreaterThan(
      chunks.length / 2,
    );
    expect(plan.estimate.input).toBeGreaterThan(chunks.reduce((sum, chunk) => sum + chunk.tokens, 0));
    expect(plan.estimate.cost).toBeGreaterThan(0);
  });

  it('prints the focused plan: the passages chosen, in order, and the pages it leaves out', async () => {
    expect((await addSmall()).code).toBe(0);
    const result = await cli([
      '--json',
      'ask',
      statute,
      question,
      '--provider',
      'small',
      '--strategy',
      'focused',
      '--dry-run',
      '--with-text',
    ]);
    expect(result.code).toBe(0);
    const { plan, reason } = JSON.parse(result.stdout);
    expect(reason).toBe('asked');
    expect(plan).toMatchObject({ strategy: 'focused', model: 'local-8k', fits: true, estimate: { calls: 1 } });
    const chunks = plan.chunks as (PlannedChunk & { text: string })[];
    expect(chunks.length).toBeGreaterThan(0);
    chunks.forEach((chunk, i) => {
      expect(chunk.text.length).toBe(chunk.end - chunk.start);
      if (i > 0) expect(chunk.start).toBeGreaterThan(chunks[i - 1]?.end ?? 0);
    });
    const sent = new Set(chunks.flatMap((chunk) => chunk.pages));
    const left = plan.coverage.pagesLeftOut.flatMap((doc: { pages: number[] }) => doc.pages);
    expect(left.length).toBeGreaterThan(0);
    expect(sent.size + left.length).toBe(48);
    expect(plan.coverage.charsSent).toBe(chunks.reduce((sum, chunk) => sum + chunk.text.length, 0));
    expect(plan.estimate.input).toBeLessThanOrEqual(8_192 - 2_048);
  });

  it('refuses with the numbers what --strategy fail or a cap keeps out, and answers in parts when asked to', async () => {
    expect((await addSmall()).code).toBe(0);
    const refused = await cli([
      '--json',
      'ask',
      statute,
      question,
      '--provider',
      'small',
      '--strategy',
      'fail',
      '--dry-run',
    ]);
    expect(refused.code).toBe(3);
    expect(JSON.parse(refused.stdout).plan).toBeNull();
    const before = server.requests.length;
    const parts = await cli(
      ['--json', 'ask', statute, question, '--provider', 'small', '--strategy', 'map-reduce', '--api-key-env', 'K'],
      { K: 'sk-env-key' },
    );
    expect(parts.code).toBe(0);
    expect(parts.stderr).toMatch(/reading them in \d+ parts, then joining/);
    expect(JSON.parse(parts.stdout.trim().split('\n').at(-1) ?? '')).toMatchObject({
      status: 'done',
      text: ANSWER,
      plan: { strategy: 'map-reduce', failedParts: [], coverage: { pages: 48, pagesLeftOut: [] } },
    });
    expect(server.requests.length - before).toBeGreaterThan(5);
    const whole = await cli(['ask', statute, question, '--provider', 'small', '--strategy', 'whole']);
    expect(whole.code).toBe(3);
    expect(whole.stderr).toMatch(/CONTEXT_TOO_LONG/);
    expect(whole.stderr).toMatch(/8192-token/);
    const badCap = await cli(['ask', statute, question, '--provider', 'small', '--max-input-tokens', 'many']);
    expect(badCap.code).toBe(2);
  });
});

describe('lexdesk verify', () => {
  it('checks each citation of a stored analysis against its document', async () => {
    await addProvider();
    server.script({
      answer:
        'Mức phạt là “8% giá trị phần nghĩa vụ bị vi phạm” [p. 1, Điều 8]. “Bên B được miễn phạt” [p. 1, Điều 8].',
      apiKey: 'sk-env-key',
    });
    const asked = await cli(['--json', 'ask', contract, 'Phạt?', '--provider', 'local', '--api-key-env', 'K'], {
      K: 'sk-env-key',
    });
    const { answerId } = JSON.parse(asked.stdout.trim().split('\n').at(-1) ?? '');
    const verified = await cli(['--json', 'verify', answerId]);
    expect(verified.code).toBe(0);
    const result = JSON.parse(verified.stdout);
    expect(result.counts).toMatchObject({ verified: 1, 'not-found': 1 });
    expect(
      result.citations.map((c: { citation: string; quote: string; verdict: string }) => [
        c.citation,
        c.quote,
        c.verdict,
      ]),
    ).toEqual([
      ['[p. 1, Điều 8]', '8% giá trị phần nghĩa vụ bị vi phạm', 'verified'],
      ['[p. 1, Điều 8]', 'Bên B được miễn phạt', 'not-found'],
    ]);
    const plain = await cli(['verify', answerId]);
    expect(plain.stdout).toMatch(/^verified {5}\[p\. 1, Điều 8\] “8% giá trị/m);
    expect(plain.stdout).toMatch(/^not-found {4}\[p\. 1, Điều 8\] “Bên B được miễn phạt”/m);
    expect((await cli(['verify', 'no-such-answer'])).code).toBe(3);
  });
});

describe('lexdesk history, show and the cache', () => {
  it('answers a repeated question from the cache at no cost, finds it without diacritics, and shows it', async () => {
    await addProvider();
    const args = ['--json', 'ask', contract, 'Phạt vi phạm bao nhiêu?', '--provider', 'local', '--api-key-env', 'K'];
    const first = JSON.parse((await cli(args, { K: 'sk-env-key' })).stdout.trim().split('\n').at(-1) ?? '');
    const second = JSON.parse((await cli(args, { K: 'sk-env-key' })).stdout.trim().split('\n').at(-1) ?? '');
    expect(second).toMatchObject({ answerId: first.answerId, cached: true, cost: { amount: 0 }, text: ANSWER });
    const fresh = JSON.parse(
      (await cli([...args, '--no-cache'], { K: 'sk-env-key' })).stdout.trim().split('\n').at(-1) ?? '',
    );
    expect(fresh.cached).toBe(false);
    expect(fresh.answerId).not.toBe(first.answerId);

    const hits = JSON.parse((await cli(['--json', 'history', '--search', 'phat vi pham'])).stdout);
    expect(hits).toContainEqual(expect.objectContaining({ kind: 'answer', answerId: first.answerId }));
    const listed = JSON.parse((await cli(['--json', 'history'])).stdout);
    expect(listed.total).toBe(2);
    const shown = await cli(['show', first.answerId]);
    expect(shown.stdout).toContain(ANSWER);
    expect((await cli(['show', 'no-such-answer'])).code).toBe(3);
  });
});

describe('lexdesk backup and restore', () => {
  it('backs up and restores through the CLI, and refuses a folder that is not a backup with exit 3', async () => {
    await addProvider();
    const backups = mkdtempSync(join(tmpdir(), 'lexdesk-cli-backups-'));
    try {
      const made = JSON.parse((await cli(['--json', 'backup', backups])).stdout);
      expect(made.backup).toMatch(/LexDesk-backup-/);
      const target = mkdtempSync(join(tmpdir(), 'lexdesk-cli-restored-'));
      const restored = await capturedCli(['--data-dir', target, '--json', 'restore', made.backup]);
      expect(restored.code).toBe(0);
      expect((await cli(['restore', backups])).code).toBe(3);
      rmSync(target, { recursive: true, force: true });
    } finally {
      rmSync(backups, { recursive: true, force: true });
    }
  });
});

describe('lexdesk matters', () => {
  it('files an analysis under a matter, lists it by matter, and removes the matter with it', async () => {
    await addProvider();
    const created = JSON.parse((await cli(['--json', 'matters', 'create', 'Vụ An Phát'])).stdout);
    const args = [
      '--json',
      'ask',
      contract,
      'Phạt?',
      '--provider',
      'local',
      '--api-key-env',
      'K',
      '--matter',
      'Vụ An Phát',
    ];
    const asked = JSON.parse((await cli(args, { K: 'sk-env-key' })).stdout.trim().split('\n').at(-1) ?? '');
    const inMatter = JSON.parse((await cli(['--json', 'history', '--matter', created.id])).stdout);
    expect(inMatter.items.map((item: { answerId: string }) => item.answerId)).toEqual([asked.answerId]);
    expect(JSON.parse((await cli(['--json', 'matters', 'list'])).stdout)).toEqual([
      expect.objectContaining({ name: 'Vụ An Phát', documents: 1, analyses: 1 }),
    ]);
    const report = join(dataDir, 'vu-an-phat.md');
    expect((await cli(['export', '--matter', 'Vụ An Phát', '--format', 'md', '--out', report])).code).toBe(0);
    expect(readFileSync(report, 'utf8')).toContain(`## Analysis 1: Phạt?`);
    expect(readFileSync(report, 'utf8')).toContain(ANSWER);
    // A mistyped matter stops the question before any request is made.
    const requests = server.requests.length;
    expect((await cli([...args.slice(0, -1), 'Vụ An Phat'], { K: 'sk-env-key' })).code).toBe(2);
    expect(server.requests).toHaveLength(requests);
    expect(JSON.parse((await cli(['--json', 'matters', 'remove', 'Vụ An Phát'])).stdout)).toEqual({
      analyses: 1,
      documents: 1,
      files: 1,
    });
    expect(JSON.parse((await cli(['--json', 'history'])).stdout).total).toBe(0);
    expect((await cli(['history', '--matter', 'Không có'])).code).toBe(2);
  });
});

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { batchAnswer, smallContracts } from '../main/batch/testing/batch-fixtures';
import { type ProviderTestServer, startProviderTestServer } from '../main/llm/testing/provider-test-server';
import { presetQuestions } from '../shared/batch-presets';
import { addProviderArgs, capturedCli } from './testing/captured-cli';

let server: ProviderTestServer;
let dataDir: string;
let room: string;

beforeAll(async () => {
  server = await startProviderTestServer();
});
afterAll(() => server.close());
beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'lexdesk-cli-batch-'));
  // A data room: two contracts at the top, one in a subfolder, and a file that is no document.
  room = join(dataDir, 'room');
  mkdirSync(join(room, 'annexes'), { recursive: true });
  const [a, b, c] = smallContracts(3);
  writeFileSync(join(room, 'a.txt'), a?.bytes ?? '');
  writeFileSync(join(room, 'b.txt'), b?.bytes ?? '');
  writeFileSync(join(room, 'annexes', 'c.md'), c?.bytes ?? '');
  writeFileSync(join(room, 'notes.xlsx'), 'not a document');
  server.script({ answer: '', apiKey: 'sk-env-key', answerFor: batchAnswer, tokensPerSecond: 100_000 });
});
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

const cli = (args: string[], env: NodeJS.ProcessEnv = {}) => capturedCli(['--data-dir', dataDir, ...args], env);
const addProvider = () =>
  cli(
    addProviderArgs({
      id: 'local',
      baseUrl: server.openaiBaseUrl,
      models: ['test-model'],
      context: 128_000,
      input: 0.6,
      output: 2.5,
    }),
  );

describe('lexdesk batch', () => {
  it('reads a folder through, asks each document the preset in one request, and prints each item and a summary', async () => {
    expect((await addProvider()).code).toBe(0);
    const result = await cli(
      ['--json', 'batch', room, '--questions', 'parties-dates-amounts', '--provider', 'local', '--api-key-env', 'KEY'],
      { KEY: 'sk-env-key' },
    );
    expect(result.code).toBe(0);
    const lines = result.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    const items = lines.filter((line) => 'item' in line).map((line) => line.item);
    expect(items).toHaveLength(3);
    expect(items.every((item) => item.status === 'done' && item.cells.length === 5)).toBe(true);
    expect(lines.at(-1).job).toMatchObject({ status: 'done', done: 3, total: 3, failed: 0 });
    expect(server.requests.filter((r) => r.path.endsWith('/chat/completions'))).toHaveLength(3);
    expect(result.stderr).toMatch(/3\/3 done, 0 failed/);

    const listed = await cli(['--json', 'batch', '--list']);
    expect(JSON.parse(listed.stdout)).toEqual([expect.objectContaining({ status: 'done', done: 3 })]);
  });

  it('exports a finished batch to Excel, read back with its Vietnamese question headers and every citation', async () => {
    expect((await addProvider()).code).toBe(0);
    expect((await cli(['settings', 'set', 'language', 'vi'])).code).toBe(0);
    const run = await cli(
      ['--json', 'batch', room, '--questions', 'vietnamese-core', '--provider', 'local', '--api-key-env', 'KEY'],
      { KEY: 'sk-env-key' },
    );
    expect(run.code).toBe(0);
    const { job } = JSON.parse(run.stdout.trim().split('\n').at(-1) as string);
    const out = join(dataDir, 'rà soát.xlsx');
    const exported = await cli(['--json', 'export', '--job', job.id, '--format', 'xlsx', '--out', out]);
    expect(exported.code).toBe(0);
    const { default: ExcelJS } = await import('exceljs');
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    // The interface speaks Vietnamese: sheets, headers and words as a Vietnamese lawyer reads them.
    const review = book.getWorksheet('Rà soát');
    expect(review?.getRow(1).values).toEqual([
      undefined,
      'Tài liệu',
      'Trạng thái',
      ...(presetQuestions('vietnamese-core', 'vi') ?? []).map((q) => q.text),
    ]);
    expect(review?.rowCount).toBe(4);
    expect(String(review?.getRow(2).getCell(2).value)).toBe('xong');
    expect(String(review?.getRow(2).getCell(3).value)).toMatch(/^As the agreement says: /u);
    const citations = book.getWorksheet('Trích dẫn');
    expect(citations?.rowCount).toBe(1 + 3 * 7);
    expect(String(citations?.getRow(2).getCell(6).value)).toBe('khớp');
    // A format it does not write is a usage error, and nothing is written.
    expect((await cli(['export', '--job', job.id, '--format', 'docx', '--out', join(dataDir, 'x.docx')])).code).toBe(2);
  });

  it('prices the batch on every configured model with --dry-run, and sends nothing', async () => {
    expect((await addProvider()).code).toBe(0);
    const asked = server.requests.length;
    const result = await cli(['--json', 'batch', room, '--questions', 'cuad', '--provider', 'local', '--dry-run']);
    expect(result.code).toBe(0);
    expect(result.stderr).not.toMatch(/batch [0-9a-f-]{36}/u);
    const { documents, questions, quotes } = JSON.parse(result.stdout);
    expect({ documents, questions }).toEqual({ documents: 3, questions: 41 });
    const [quote] = quotes;
    expect(quote).toMatchObject({ providerId: 'local', model: 'test-model', currency: 'USD', overWindow: [] });
    expect(quote.output).toBe(3 * 41 * 160);
    expect(quote.cost).toBeCloseTo((quote.input * 0.6 + quote.output * 2.5) / 1_000_000, 12);
    // Four at once by default, each answer about 166 s at 40 tokens a second: 3 documents in one round.
    expect(quote.seconds).toBeGreaterThan(100);
    expect(server.requests.length).toBe(asked);
  });

  it('stops at the budget, says how to go on, and goes on with --resume', async () => {
    expect((await addProvider()).code).toBe(0);
    const env = { KEY: 'sk-env-key' };
    const asked = () => server.requests.filter((r) => r.path.endsWith('/chat/completions')).length;
    const before = asked();
    const first = await cli(
      [
        'batch',
        room,
        '--questions',
        'vietnamese-core',
        '--provider',
        'local',
        '--api-key-env',
        'KEY',
        '--budget',
        '0.0000001',
      ],
      env,
    );
    expect(first.code).toBe(4);
    const jobId = /--resume (\S+)/u.exec(first.stderr)?.[1];
    expect(jobId).toBeDefined();
    expect(asked()).toBe(before);
    const listed = JSON.parse((await cli(['--json', 'batch', '--list'])).stdout);
    expect(listed[0]).toMatchObject({ status: 'paused', pausedReason: 'budget', done: 0 });
    // Resumed as it is, the cap stops it again; with a new one it goes on to the end.
    expect((await cli(['batch', '--resume', jobId as string, '--api-key-env', 'KEY'], env)).code).toBe(4);
    expect(asked()).toBe(before);
    const resumed = await cli(
      ['--json', 'batch', '--resume', jobId as string, '--api-key-env', 'KEY', '--budget', '1'],
      env,
    );
    expect(resumed.code).toBe(0);
    expect(JSON.parse(resumed.stdout.trim().split('\n').at(-1) as string).job).toMatchObject({
      status: 'done',
      done: 3,
    });
    expect(asked()).toBe(before + 3);
  });

  it('refuses what it cannot run: usage for missing options, bad input for a file that is not there', async () => {
    expect((await cli(['batch', room, '--provider', 'local'])).code).toBe(2);
    expect((await cli(['batch', room, '--questions', 'no-such-set', '--provider', 'local'])).code).toBe(2);
    // A path that is not there is bad input, said with its code.
    const missing = await cli([
      '--json',
      'batch',
      join(dataDir, 'not-there.pdf'),
      '--questions',
      'vietnamese-core',
      '--provider',
      'local',
    ]);
    expect(missing.code).toBe(3);
    expect(missing.stdout).toContain('FILE_NOT_FOUND');
  });
});

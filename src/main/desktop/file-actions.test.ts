import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mammoth from 'mammoth';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Envelope } from '../../shared/envelope';
import { createApp } from '../app';
import { applyPendingRestore } from '../backup/backup';
import { FILES_DIR } from '../services';
import { createScriptedDesktop, type ScriptedDesktop } from '../testing/scripted-desktop';
import { insertAnswer } from '../testing/seed';
import { createTempServices } from '../testing/temp-services';
import { exportFileName } from './desktop';

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'lexdesk-actions-'));
  dirs.push(dir);
  return dir;
};

let services: ReturnType<typeof createTempServices>;
let sha256: string;
let desktop: ScriptedDesktop;
let call: (channel: string, input?: unknown) => Promise<Envelope<unknown>>;

beforeEach(async () => {
  services = createTempServices({ dataDir: tempDir() });
  const doc = await services.documents.ingest({
    ingestId: 'a',
    name: 'Hợp đồng thuê kho.txt',
    bytes: new TextEncoder().encode('Điều 8. Phạt vi phạm 8% giá trị hợp đồng.'),
  });
  sha256 = doc.sha256;
  insertAnswer(services.db, {
    id: 'a1',
    question: 'Mức phạt: bao nhiêu?',
    text: 'Phạt **8%** [p. 1, Điều 8].',
    documentIds: [sha256],
    createdAt: 1,
  });
  desktop = createScriptedDesktop();
  const dispatch = createApp({ services, desktop: desktop }).dispatch;
  call = (channel, input) => dispatch(channel, input);
});
afterEach(() => {
  services.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('export from the window', () => {
  it('asks where with a dated name, adds the extension the dialog left off, and writes a Word file', async () => {
    const folder = tempDir();
    desktop.nextSaveFile = join(folder, 'phan-tich');
    const saved = await call('export:answer', { answerId: 'a1', format: 'docx' });
    expect(saved).toEqual({ ok: true, value: { path: join(folder, 'phan-tich.docx') } });
    expect(desktop.saveRequests[0]).toMatchObject({
      title: 'Xuất phân tích',
      filter: { name: 'Tài liệu Word', extensions: ['docx'] },
    });
    expect(desktop.saveRequests[0]?.defaultName).toMatch(/^Mức phạt bao nhiêu - \d{4}-\d\d-\d\d\.docx$/);
    const { value: html } = await mammoth.convertToHtml({ path: join(folder, 'phan-tich.docx') });
    expect(html).toContain('<strong>8%</strong>');
  });

  it('writes nothing when the dialog is closed, and refuses an unknown analysis before asking', async () => {
    expect(await call('export:answer', { answerId: 'a1', format: 'md' })).toEqual({ ok: true, value: null });
    const unknown = await call('export:answer', { answerId: 'nope', format: 'md' });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'ANSWER_NOT_FOUND' } });
    expect(desktop.saveRequests).toHaveLength(1);
  });

  it('exports a whole matter as Markdown', async () => {
    const matter = services.matters.create('Vụ An Phát');
    services.matters.assign(matter.id, { answerIds: ['a1'] });
    desktop.nextSaveFile = join(tempDir(), 'vu-an-phat.md');
    expect(await call('export:matter', { matterId: matter.id, format: 'md' })).toMatchObject({ ok: true });
    expect(desktop.saveRequests[0]?.title).toBe('Xuất toàn bộ vụ việc');
    expect(readFileSync(desktop.nextSaveFile, 'utf8')).toContain('## Phân tích 1: Mức phạt: bao nhiêu?');
  });
});

describe('copy from the window', () => {
  it('puts the stored answer on the clipboard as its Markdown and as escaped HTML', async () => {
    insertAnswer(services.db, {
      id: 'a2',
      question: 'Bảng phạt?',
      text: '## Phạt\n\n| Điều | Mức |\n| --- | --- |\n| 8 | **8%** |\n\n- Bên A <b>trả</b> [tr. 1, Điều 8]',
      documentIds: [sha256],
      createdAt: 2,
    });
    expect(await call('answers:copy', { answerId: 'a2' })).toEqual({ ok: true, value: null });
    const [copied] = desktop.clipboard;
    expect(copied?.text).toBe(
      '## Phạt\n\n| Điều | Mức |\n| --- | --- |\n| 8 | **8%** |\n\n- Bên A <b>trả</b> [tr. 1, Điều 8]',
    );
    expect(copied?.html).toBe(
      '<h2>Phạt</h2><table><tr><th>Điều</th><th>Mức</th></tr><tr><td>8</td><td><strong>8%</strong></td></tr></table>' +
        '<ul><li>Bên A &lt;b&gt;trả&lt;/b&gt; [tr. 1, Điều 8]</li></ul>',
    );
  });

  it('refuses an unknown analysis and leaves the clipboard alone', async () => {
    const refused = await call('answers:copy', { answerId: 'nope' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'ANSWER_NOT_FOUND' } });
    expect(desktop.clipboard).toEqual([]);
  });
});

describe('backup and restore from the window', () => {
  it('backs up into the chosen folder and reports what the checked backup holds', async () => {
    desktop.nextFolder = tempDir();
    const made = await call('backup:create');
    expect(made).toMatchObject({ ok: true, value: { manifest: { documents: 1, answers: 1 } } });
    expect(readdirSync(desktop.nextFolder)).toEqual([expect.stringMatching(/^LexDesk-backup-/)]);
    desktop.nextFolder = (made as { value: { path: string } }).value.path;
    expect(await call('backup:choose')).toMatchObject({ ok: true, value: { path: desktop.nextFolder } });
  });

  it('refuses a folder that is not a backup, and a restore of a backup it did not check', async () => {
    desktop.nextFolder = tempDir();
    expect(await call('backup:choose')).toMatchObject({ ok: false, error: { code: 'BACKUP_INVALID' } });
    expect(await call('backup:restore', { token: 'made-up' })).toMatchObject({
      ok: false,
      error: { code: 'BACKUP_INVALID' },
    });
    expect(desktop.restarts).toBe(0);
  });

  it('restores at the next start: the chosen backup replaces what was added since, once', async () => {
    desktop.nextFolder = tempDir();
    const made = (await call('backup:create')) as { value: { path: string } };
    await services.documents.ingest({
      ingestId: 'later',
      name: 'added-after-backup.txt',
      bytes: new TextEncoder().encode('Điều 1. Văn bản thêm sau.'),
    });
    desktop.nextFolder = made.value.path;
    const chosen = (await call('backup:choose')) as { value: { token: string } };
    expect(await call('backup:restore', { token: chosen.value.token })).toEqual({ ok: true, value: null });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(desktop.restarts).toBe(1);

    services.close();
    const outcome = applyPendingRestore(services.dataDir);
    expect(outcome).toMatchObject({ ok: true, manifest: { documents: 1, answers: 1 } });
    expect(applyPendingRestore(services.dataDir)).toBeNull();
    const restarted = createTempServices({ dataDir: services.dataDir, restore: outcome });
    try {
      expect(restarted.documents.list().map((d) => d.name)).toEqual(['Hợp đồng thuê kho.txt']);
      expect(restarted.appInfo().lastRestore).toMatchObject({ ok: true, manifest: { answers: 1 } });
    } finally {
      restarted.close();
    }
  });

  it('keeps the current data when the backup was damaged between choosing it and the restart', async () => {
    desktop.nextFolder = tempDir();
    const made = (await call('backup:create')) as { value: { path: string } };
    desktop.nextFolder = made.value.path;
    const chosen = (await call('backup:choose')) as { value: { token: string } };
    await call('backup:restore', { token: chosen.value.token });
    writeFileSync(join(made.value.path, FILES_DIR, sha256.slice(0, 2), sha256), 'tampered');
    services.settings.set({ key: 'language', value: 'en' });
    services.close();

    const outcome = applyPendingRestore(services.dataDir);
    expect(outcome).toMatchObject({ ok: false, error: { code: 'BACKUP_INVALID' } });
    expect(readdirSync(services.dataDir).filter((name) => name.startsWith('before-restore-'))).toEqual([]);
    const restarted = createTempServices({ dataDir: services.dataDir, restore: outcome });
    try {
      // The language set after the backup is still there: nothing was replaced.
      expect(restarted.settings.get().language).toBe('en');
      expect(restarted.appInfo().lastRestore).toMatchObject({
        ok: false,
        error: { code: 'BACKUP_INVALID', message: expect.stringContaining('backup') },
      });
    } finally {
      restarted.close();
    }
  });
});

describe('export file names', () => {
  it('keep Vietnamese, drop what file systems refuse, and end with the date', () => {
    expect(exportFileName('Điều 8: phạt/bồi thường?', new Date(Date.UTC(2026, 10, 28)), 'docx')).toBe(
      'Điều 8 phạt bồi thường - 2026-11-28.docx',
    );
    expect(exportFileName('  ...  ', new Date(Date.UTC(2026, 0, 2)), 'md')).toBe('LexDesk - 2026-01-02.md');
  });
});

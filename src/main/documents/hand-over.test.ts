import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApi, type Transport } from '../../shared/api';
import { createApp } from '../app';
import { headlessDesktop } from '../desktop/desktop';
import type { Dispatch } from '../ipc';
import { createTempServices } from '../testing/temp-services';

let services: ReturnType<typeof createTempServices>;
let dispatch: Dispatch;
let privateFile: string;

beforeEach(() => {
  services = createTempServices();
  dispatch = createApp({ services, desktop: headlessDesktop }).dispatch;
  privateFile = join(mkdtempSync(join(tmpdir(), 'lexdesk-private-')), 'luong-nhan-vien.txt');
  writeFileSync(privateFile, 'Bảng lương bí mật của công ty.');
});
afterEach(() => services.dispose());

// Finding 6 of the nothing-lost issue: documents:ingest read any path the window named.
describe('main reads only the files the user handed over', () => {
  it('refuses a path named by the window', async () => {
    const answer = await dispatch('documents:ingest', { ingestId: 'x', path: privateFile });
    expect(answer).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(services.documents.list()).toEqual([]);
  });

  it('reads a file by the token main gave when it was handed over, and nothing by an unknown token', async () => {
    const handed = await dispatch('files:handOver', { path: privateFile });
    expect(handed).toMatchObject({ ok: true, value: { name: 'luong-nhan-vien.txt' } });
    const { fileId } = (handed as { value: { fileId: string } }).value;
    expect(fileId).not.toContain(privateFile);
    expect(await dispatch('documents:ingest', { ingestId: 'a', fileId })).toMatchObject({
      ok: true,
      value: { name: 'luong-nhan-vien.txt', alreadyStored: false },
    });
    expect(await dispatch('documents:ingest', { ingestId: 'b', fileId: 'f'.repeat(32) })).toMatchObject({
      ok: false,
      error: { code: 'FILE_NOT_FOUND' },
    });
  });

  it('is handed files by the preload from File objects only: its API takes no path', async () => {
    const invoked: { channel: string; input: unknown }[] = [];
    const transport: Transport = {
      invoke: async (channel, input) => {
        invoked.push({ channel, input });
        return { ok: true, value: { fileId: 'token', name: 'a.pdf' } };
      },
      on: () => () => {},
      pathForFile: (file) => (file.name === 'dropped.pdf' ? '/home/luatsu/dropped.pdf' : ''),
    };
    const api = createApi(transport);
    const dropped = new File(['x'], 'dropped.pdf');
    await expect(api.files.handOver(dropped)).resolves.toEqual({ ok: true, value: { fileId: 'token', name: 'a.pdf' } });
    // A File made in the page has no path: nothing is handed over, and main is not asked.
    await expect(api.files.handOver(new File(['x'], 'made-up.pdf'))).resolves.toEqual({ ok: true, value: null });
    expect(invoked).toEqual([{ channel: 'files:handOver', input: { path: '/home/luatsu/dropped.pdf' } }]);
    await expect(api.files.handOver('/etc/passwd' as unknown as File)).resolves.toEqual({ ok: true, value: null });
    expect(invoked).toHaveLength(1);
  });
});

import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { applyPendingRestore } from '../../src/main/backup/backup';
import { createHandlers } from '../../src/main/handlers';
import { createDispatcher } from '../../src/main/ipc';
import { CONTENT_SECURITY_POLICY, mimeTypeOf } from '../../src/main/renderer-protocol';
import type { SecretCipher } from '../../src/main/secrets/encrypted-secret-store';
import { createServices, type Services } from '../../src/main/services';
import { createScriptedDesktop, type ScriptedDesktop } from '../../src/main/testing/scripted-desktop';
import type { AppEvent } from '../../src/shared/events';
import { BRIDGE_FILE } from './build-bridge';

/**
 * A stand-in origin for `app://lexdesk`: Playwright answers every request to
 * it from the built renderer, so nothing listens on a port.
 */
export const HOST_ORIGIN = 'https://lexdesk.test';
const rendererDir = resolve(__dirname, '../../out/renderer');

export interface HostOptions {
  dataDir?: string;
  /** The OS locale the services see, as Electron's `app.getLocale()` would report it. */
  locale?: string;
  /** Stands in for Electron's safeStorage; without one, keys stay in memory as in the CLI. */
  cipher?: SecretCipher;
}

export interface AppHost {
  /** The services of the current start: a restart replaces them. */
  readonly services: Services;
  dataDir: string;
  desktop: ScriptedDesktop;
  /** Loads the built renderer in the page with `window.api` bound to these services. */
  open(page: Page): Promise<void>;
  close(): void;
}

/** The real services on a real data dir, wired to a page the way main and the preload wire them to a window. */
export function startHost(options: HostOptions = {}): AppHost {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'lexdesk-e2e-'));
  const pages = new Set<Page>();
  const push = (event: AppEvent) => {
    for (const page of pages) {
      page
        .evaluate((pushed) => (window as unknown as { __lexdeskPush(e: unknown): void }).__lexdeskPush(pushed), event)
        .catch(() => pages.delete(page));
    }
  };
  // As Electron's relaunch does: close everything, apply a waiting restore, start again, load the window anew.
  const desktop = createScriptedDesktop(() => {
    services.close();
    start();
    for (const page of pages) void page.reload().catch(() => pages.delete(page));
  });

  let services: Services;
  let dispatch: ReturnType<typeof createDispatcher>;
  const start = () => {
    const restore = applyPendingRestore(dataDir);
    services = createServices({
      dataDir,
      locale: options.locale ?? 'vi-VN',
      appVersion: '0.1.0-e2e',
      cipher: options.cipher,
      emit: push,
      restore,
    });
    const current = services;
    dispatch = createDispatcher(createHandlers(current, desktop), {
      language: () => current.settings.language(),
      onUnexpectedError: (channel, error) => console.error(`[host] ${channel} failed`, error),
    });
  };
  start();

  return {
    get services() {
      return services;
    },
    dataDir,
    desktop,
    async open(page) {
      pages.add(page);
      await page.exposeBinding('__lexdeskInvoke', (_source, channel: string, input: unknown) =>
        dispatch(channel, input),
      );
      await page.addInitScript({ path: BRIDGE_FILE });
      await page.route(`${HOST_ORIGIN}/**`, async (route) => {
        const path = new URL(route.request().url()).pathname;
        const file = resolve(rendererDir, `.${path === '/' ? '/index.html' : path}`);
        if (!file.startsWith(rendererDir)) return route.fulfill({ status: 404 });
        try {
          await route.fulfill({
            status: 200,
            body: readFileSync(file),
            headers: { 'content-type': mimeTypeOf(file), 'content-security-policy': CONTENT_SECURITY_POLICY },
          });
        } catch {
          await route.fulfill({ status: 404 });
        }
      });
      await page.goto(`${HOST_ORIGIN}/index.html`);
    },
    close() {
      pages.clear();
      services.close();
    },
  };
}

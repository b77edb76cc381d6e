import type { BrowserContext, Frame, Page, Route } from '@playwright/test';
import { preloadInitScript } from './build-preload-runtime';
import type { ElectronMain, SurfaceContents, WindowSurface, WindowSurfaces } from './electron-main';

/**
 * `app://lexdesk/` as Chromium sees it here: Chromium without Electron has no
 * `app:` scheme, so a secure, standard stand-in origin takes its place, and
 * every request to it is answered by the shell's own `protocol.handle`.
 */
export const STANDIN_ORIGIN = 'https://lexdesk.test';
const APP_ORIGIN = 'app://lexdesk';

export const toPageUrl = (url: string) =>
  url.startsWith(`${APP_ORIGIN}/`) ? STANDIN_ORIGIN + url.slice(APP_ORIGIN.length) : url;
export const toElectronUrl = (url: string) =>
  url.startsWith(`${STANDIN_ORIGIN}/`) ? APP_ORIGIN + url.slice(STANDIN_ORIGIN.length) : url;

interface Owner {
  contents: SurfaceContents;
  main: ElectronMain;
  /** A navigation main started with `loadURL`: Electron sends no `will-navigate` for it. */
  pendingLoad: string | undefined;
}

export interface CspReport {
  violations: { directive: string; blocked: string; source: string }[];
  /** Responses to the app's origin that came without a Content-Security-Policy header. */
  withoutPolicy: string[];
}

/**
 * Draws the windows of every start in one browser context: the spec's page is
 * the first window (and the first again after a relaunch), later ones are new
 * pages. Messages, requests and popups are routed to the start that owns the page.
 */
export function createPlaywrightWindows(context: BrowserContext, specPage: Page) {
  const owners = new Map<Page, Owner>();
  const scripted = new WeakSet<Page>();
  const csp: CspReport = { violations: [], withoutPolicy: [] };
  /** Navigations the pages started themselves, and whether the shell's will-navigate let them through. */
  const navigations: { url: string; allowed: boolean }[] = [];
  let installed: Promise<void> | undefined;

  const install = async () => {
    await context.exposeBinding('__electronStandinIpc', async (source, channel: string, args: unknown[]) => {
      const owner = owners.get(source.page);
      if (!owner || owner.contents.isDestroyed()) throw new Error('This window has no webContents');
      return owner.main.invoke(owner.contents, frameOf(owner.contents, source.frame), channel, args);
    });
    await context.exposeBinding('__electronStandinCsp', (_source, violation: CspReport['violations'][number]) => {
      csp.violations.push(violation);
    });
    await context.route('**/*', (route) => answer(route));
    context.on('page', (page) => {
      denyPopup(page).catch((error: unknown) => console.error('[standin] window.open', error));
    });
  };

  const frameOf = (contents: SurfaceContents, frame: Frame) => {
    const parent = frame.parentFrame();
    return contents.frameFor(frame, () => toElectronUrl(frame.url()), parent ? contents.mainFrame : null);
  };

  async function answer(route: Route): Promise<void> {
    const request = route.request();
    const url = request.url();
    let page: Page | undefined;
    try {
      page = request.frame().page();
    } catch {
      page = undefined;
    }
    const owner = page ? owners.get(page) : undefined;
    if (page && owner && request.isNavigationRequest()) {
      const inMainFrame = request.frame() === page.mainFrame();
      if (inMainFrame && owner.pendingLoad === url) owner.pendingLoad = undefined;
      else {
        const frame = inMainFrame ? owner.contents.mainFrame : frameOf(owner.contents, request.frame());
        const allowed = owner.contents.willNavigate(toElectronUrl(url), frame);
        navigations.push({ url: toElectronUrl(url), allowed });
        // Chromium drops a cancelled navigation without an error page: the window stays where it was.
        if (!allowed) return route.abort('aborted');
      }
    }
    if (url.startsWith(`${STANDIN_ORIGIN}/`)) {
      const main = owner?.main ?? [...owners.values()].at(-1)?.main;
      if (!main) return route.abort('failed');
      let response: Response;
      try {
        response = await main.fetchScheme(toElectronUrl(url), { method: request.method() });
      } catch {
        return route.abort('failed');
      }
      const headers = Object.fromEntries(response.headers);
      if (!headers['content-security-policy']) csp.withoutPolicy.push(url);
      return route.fulfill({ status: response.status, headers, body: Buffer.from(await response.arrayBuffer()) });
    }
    // Anything else stands for the internet: a page, so a navigation the shell let through shows.
    return route.fulfill({
      status: 200,
      contentType: 'text/html',
      body: '<!doctype html><title>outside</title>outside',
    });
  }

  /** `window.open` and `target=_blank` from an app window: the window open handler decides; `deny` closes it. */
  async function denyPopup(popup: Page): Promise<void> {
    const opener = await popup.opener();
    const owner = opener ? owners.get(opener) : undefined;
    if (!owner) return;
    if (popup.url() === 'about:blank') {
      await popup.waitForURL((url) => url.href !== 'about:blank', { timeout: 2000 }).catch(() => {});
    }
    try {
      owner.contents.windowOpen(toElectronUrl(popup.url()));
    } finally {
      await popup.close();
    }
  }

  function surfacesFor(main: () => ElectronMain): WindowSurfaces {
    return {
      async attach(contents) {
        installed ??= install();
        await installed;
        const specPageFree = ![...owners.entries()].some(
          ([page, owner]) => page === specPage && !owner.contents.isDestroyed(),
        );
        const page = specPageFree ? specPage : await context.newPage();
        const owner: Owner = { contents, main: main(), pendingLoad: undefined };
        owners.set(page, owner);
        if (!scripted.has(page)) {
          scripted.add(page);
          await page.addInitScript({ content: preloadInitScript(contents.preferences.preload) });
        }
        return surface(page, owner);
      },
    };
  }

  function surface(page: Page, owner: Owner): WindowSurface {
    return {
      async load(url) {
        const target = toPageUrl(url);
        owner.pendingLoad = target;
        await page.goto(target, { waitUntil: 'load' });
      },
      url: () => toElectronUrl(page.url()),
      deliver(channel, args) {
        page
          .evaluate(
            ([name, values]) =>
              (
                window as unknown as { __electronStandinDeliver?: (c: string, a: unknown[]) => void }
              ).__electronStandinDeliver?.(name, values),
            [channel, args] as const,
          )
          // A message to a window that is closing or navigating is lost, as in Electron.
          .catch(() => {});
      },
      focus: () => void page.bringToFront().catch(() => {}),
      async close() {
        if (page !== specPage) await page.close().catch(() => {});
      },
    };
  }

  return { surfacesFor, csp, navigations };
}

export type PlaywrightWindows = ReturnType<typeof createPlaywrightWindows>;

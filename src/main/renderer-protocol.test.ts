import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, mimeTypeOf, resolveAppFile } from './renderer-protocol';

const root = join('/opt', 'lexdesk', 'renderer');

describe('app:// protocol', () => {
  it.each([
    ['app://lexdesk/', join(root, 'index.html')],
    ['app://lexdesk/index.html', join(root, 'index.html')],
    ['app://lexdesk/assets/index-abc.js?v=1#x', join(root, 'assets', 'index-abc.js')],
    ['app://lexdesk/assets/t%C3%A0i%20li%E1%BB%87u.css', join(root, 'assets', 'tài liệu.css')],
  ])('serves %s from the renderer folder', (url, file) => {
    expect(resolveAppFile(root, url)).toBe(file);
  });

  it.each([
    // The URL parser folds these dot segments away, so they land back inside the folder.
    ['app://lexdesk/../main/index.js', join(root, 'main', 'index.js')],
    ['app://lexdesk/%2e%2e/%2e%2e/etc/passwd', join(root, 'etc', 'passwd')],
  ])('keeps %s inside the renderer folder', (url, file) => {
    expect(resolveAppFile(root, url)).toBe(file);
  });

  it.each([
    'app://lexdesk/assets/..%2F..%2F..%2Fetc%2Fpasswd',
    'app://lexdesk/..%2F..%2Fmain%2Findex.js',
    'app://lexdesk/%00index.html',
    'app://lexdesk/%E0%A4%A',
    'app://other/index.html',
    'file:///etc/passwd',
    'not a url',
  ])('refuses %s', (url) => {
    expect(resolveAppFile(root, url)).toBeNull();
  });

  it('types scripts so the CSP and nosniff accept them', () => {
    expect(mimeTypeOf('a/index-x.js')).toBe('text/javascript; charset=utf-8');
    expect(mimeTypeOf('a/b.unknown')).toBe('application/octet-stream');
  });

  it('allows no inline or remote script, no eval and no plugins', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|https?:/);
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
  });
});

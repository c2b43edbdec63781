import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isAppUrl, resolveAppFile } from '../../electron/main/app-protocol';

const ROOT = '/opt/ramed/out/renderer';

describe('the ramed://app protocol of the Electron window', () => {
  it.each([
    ['ramed://app/index.html', true],
    ['ramed://app/', true],
    // Chromium hands the host over in lower case; anything else is not ours.
    ['ramed://APP/index.html', false],
    ['ramed://app.evil/index.html', false],
    ['ramed://appx/index.html', false],
    ['ramed://user:pw@app/index.html', false],
    ['https://app/index.html', false],
    ['file:///opt/ramed/out/renderer/index.html', false],
    ['javascript:alert(1)', false],
    ['not a url', false],
  ])('%s is the app: %s', (url, expected) => {
    expect(isAppUrl(url)).toBe(expected);
  });

  it.each([
    ['ramed://app/', join(ROOT, 'index.html')],
    ['ramed://app/index.html', join(ROOT, 'index.html')],
    ['ramed://app/assets/index-abc.js?v=1#x', join(ROOT, 'assets/index-abc.js')],
    ['ramed://app/assets/caf%C3%A9.svg', join(ROOT, 'assets/café.svg')],
    // The URL's own normalisation keeps dots, plain or encoded, inside the folder.
    ['ramed://app/../../etc/passwd', join(ROOT, 'etc/passwd')],
    ['ramed://app/%2e%2e/%2e%2e/etc/passwd', join(ROOT, 'etc/passwd')],
    ['ramed://app/%2e%2e', join(ROOT, 'index.html')],
  ])('serves %s from the renderer folder', (url, file) => {
    expect(resolveAppFile(ROOT, url)).toBe(file);
  });

  it.each([
    'ramed://app/..%2f..%2fetc%2fpasswd',
    'ramed://app/..%2frenderer-old/secret.js',
    'ramed://app/index.html%00.png',
    'ramed://app/%E0%A4%A',
    'ramed://evil/index.html',
    'https://example.org/index.html',
  ])('refuses %s', (url) => {
    expect(resolveAppFile(ROOT, url)).toBeNull();
  });
});

import { detectHost } from '../src/taskpane/environment';

describe('detectHost', () => {
  test('no office.js on the page means a plain browser', async () => {
    await expect(detectHost(undefined)).resolves.toBe('browser');
  });
  test('Office.onReady reporting Excel means inside Excel', async () => {
    await expect(detectHost({ onReady: async () => ({ host: 'Excel' }) })).resolves.toBe('excel');
  });
  test('office.js loaded outside Office (host null) is a browser', async () => {
    await expect(detectHost({ onReady: async () => ({ host: null }) })).resolves.toBe('browser');
  });
  test('an onReady that never fires (file:// or a stalled load) falls back to browser', async () => {
    await expect(detectHost({ onReady: () => new Promise(() => undefined) }, 20)).resolves.toBe('browser');
  });
});

import { UNHOSTED_WAIT_MS, watchHost, type HostInfo, type HostKind } from '../src/taskpane/environment';

/** The first decision `watchHost` makes. */
function detectHost(office: Parameters<typeof watchHost>[0], timeoutMs = UNHOSTED_WAIT_MS): Promise<HostKind> {
  return new Promise((resolve) => watchHost(office, timeoutMs, (info, late) => void (late || resolve(info.host))));
}

describe('watchHost: the first decision', () => {
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

describe('watchHost', () => {
  test('Office answering after the wait switches the pane to Excel after all, with its platform', async () => {
    let answer!: (info: { host: string; platform: string }) => void;
    const office = { onReady: () => new Promise<{ host: string; platform: string }>((resolve) => (answer = resolve)) };
    const seen: [HostInfo, boolean][] = [];
    watchHost(office, 10, (info, late) => void seen.push([info, late]));
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(seen).toEqual([[{ host: 'browser', timedOut: true }, false]]);
    answer({ host: 'Excel', platform: 'Mac' });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(seen).toEqual([[{ host: 'browser', timedOut: true }, false], [{ host: 'excel', platform: 'Mac' }, true]]);
  });

  test('an answer in time is the one decision; a late answer for another host changes nothing', async () => {
    const seen: [HostInfo, boolean][] = [];
    watchHost({ onReady: async () => ({ host: 'Excel', platform: 'PC' }) }, 1000, (info, late) => void seen.push([info, late]));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(seen).toEqual([[{ host: 'excel', platform: 'PC' }, false]]);
    const late: [HostInfo, boolean][] = [];
    watchHost({ onReady: () => new Promise((resolve) => setTimeout(() => resolve({ host: 'Word' }), 20)) }, 5, (info, l) => void late.push([info, l]));
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(late).toEqual([[{ host: 'browser', timedOut: true }, false]]);
  });
});

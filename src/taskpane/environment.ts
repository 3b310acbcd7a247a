/**
 * Tells whether the page runs inside Excel (as an add-in) or in a plain
 * browser (WPS users, PCs without a modern Excel). Decided once, at start-up.
 */
export type HostKind = 'excel' | 'browser';

interface OfficeLike {
  onReady(): Promise<{ host: string | null }>;
}

/** `Office.onReady` never fires outside Office when office.js is absent; without it we are in a browser. */
export async function detectHost(office: OfficeLike | undefined, timeoutMs = 3000): Promise<HostKind> {
  if (!office) return 'browser';
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<{ host: null }>((resolve) => (timer = setTimeout(() => resolve({ host: null }), timeoutMs)));
  try {
    const info = await Promise.race([office.onReady(), timeout]);
    return info.host === 'Excel' ? 'excel' : 'browser';
  } finally {
    clearTimeout(timer);
  }
}

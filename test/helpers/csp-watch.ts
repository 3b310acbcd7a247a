/**
 * Watches the pages' Content-Security-Policy in Chromium: every violation a
 * page reports (its `securitypolicyviolation` events, sent to the test through
 * a Playwright binding, which the policy cannot block) and every CSP line
 * Chromium writes to the console, each kept with the page it came from. Also
 * reads a policy's text into its directives, to check what it allows.
 */
import type { BrowserContext, Page } from 'playwright-core';

export interface CspViolation {
  /** The directive that blocked something, e.g. `script-src-elem`. */
  directive: string;
  /** What was blocked: a URL, or `inline` / `eval`. */
  blocked: string;
  source: string;
  line: number;
}

export interface CspWatch {
  /** Violations (events and console lines) of one page, or of every page but the ones given. */
  of(page: Page): string[];
  allBut(...pages: Page[]): string[];
  /** Lets queued violation events reach the test before it looks. */
  settle(page: Page): Promise<void>;
  /**
   * Waits (up to `limitMs`) until the page's violations include one matching
   * each pattern, then returns them. Some reports come late: Chromium checks an
   * <embed> against object-src only when it lays the element out, so on a busy
   * machine that report can trail the others by a frame or more.
   */
  waitFor(page: Page, patterns: RegExp[], limitMs?: number): Promise<string[]>;
}

const BINDING = '__taizhangCspViolation';

export async function watchCsp(context: BrowserContext): Promise<CspWatch> {
  const seen: { page: Page | null; text: string }[] = [];
  await context.exposeBinding(BINDING, ({ page }, v: CspViolation) => {
    seen.push({ page, text: `${v.directive} blocked ${v.blocked} (${v.source}:${v.line})` });
  });
  await context.addInitScript((binding: string) => {
    document.addEventListener('securitypolicyviolation', (e) => {
      const report = (window as unknown as Record<string, (v: CspViolation) => void>)[binding];
      report?.({ directive: e.effectiveDirective, blocked: e.blockedURI, source: e.sourceFile, line: e.lineNumber });
    });
  }, BINDING);
  context.on('console', (message) => {
    if (/Content.Security.Policy/i.test(message.text())) seen.push({ page: message.page(), text: `console: ${message.text()}` });
  });
  return {
    of: (page) => seen.filter((s) => s.page === page).map((s) => s.text),
    allBut: (...pages) => seen.filter((s) => !pages.includes(s.page as Page)).map((s) => s.text),
    settle: async (page) => {
      // Violation events are queued as tasks; two round trips through the page's event loop deliver them.
      for (let i = 0; i < 2; i++) await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 0)));
    },
    waitFor: async (page, patterns, limitMs = 10_000) => {
      const texts = (): string[] => seen.filter((s) => s.page === page).map((s) => s.text);
      const until = Date.now() + limitMs;
      while (!patterns.every((p) => texts().some((t) => p.test(t))) && Date.now() < until) {
        // A frame and a task: layout-time checks (object-src) run on the next rendering step.
        await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 20))));
      }
      return texts();
    },
  };
}

/** `default-src 'none'; script-src 'self'` → {default-src: ["'none'"], script-src: ["'self'"]}. */
export function parsePolicy(text: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of text.split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) directives.set(name.toLowerCase(), values);
  }
  return directives;
}

/** The sources a directive allows, falling back to default-src as browsers do. */
export function sourcesFor(policy: Map<string, string[]>, directive: string): string[] | undefined {
  return policy.get(directive) ?? policy.get('default-src');
}

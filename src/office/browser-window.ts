/**
 * Opening this page in the user's own browser, from inside the pane: the way
 * out where the pane cannot save files (Excel for Mac's webview ignores
 * downloads, OfficeDev/office-js #2700, closed by design).
 * `Office.context.ui.openBrowserWindow` needs OpenBrowserWindowApi 1.1.
 */
interface BrowserWindowGlobals {
  Office?: {
    context?: {
      requirements?: { isSetSupported(name: string, version?: string): boolean };
      ui?: { openBrowserWindow?(url: string): void };
    };
  };
}

/** A function that opens `url` in the browser, or undefined where this Office cannot. */
export function browserWindowOpener(globals: unknown = globalThis): ((url: string) => void) | undefined {
  const context = (globals as BrowserWindowGlobals).Office?.context;
  const ui = context?.ui;
  if (!ui?.openBrowserWindow || !context?.requirements?.isSetSupported('OpenBrowserWindowApi', '1.1')) return undefined;
  return (url) => ui.openBrowserWindow!(url);
}

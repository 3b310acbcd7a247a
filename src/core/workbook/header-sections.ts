/**
 * Excel page header/footer codes, split for hosts that set the three sections
 * separately (the Office JavaScript API, WPS PageSetup).
 * `&L…&C…&R…` → the three sections the Office JavaScript API sets separately. `&&` is a
 * literal ampersand (Excel's header codes), so `&&L` is text, not a section.
 */
export function headerSections(code: string): { left: string; center: string; right: string } {
  const out = { left: '', center: '', right: '' };
  let section: keyof typeof out = 'center';
  const parts = code.split(/(&&|&[LCR])/);
  for (const part of parts) {
    if (part === '&L') section = 'left';
    else if (part === '&C') section = 'center';
    else if (part === '&R') section = 'right';
    else out[section] += part;
  }
  return out;
}

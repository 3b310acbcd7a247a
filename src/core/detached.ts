/**
 * A copy of `text` that does not share memory with the string it was cut
 * from. Readers cut cell text out of whole decoded XML parts; JavaScript
 * engines keep such a slice pointing at the whole part, so a ledger kept for
 * a roll-up (or a cache of texts) would hold every file's XML alive
 * (measured: ~60 KB per file). Short strings are never slices.
 */
export function detached(text: string): string {
  return text.length < 13 ? text : (' ' + text).slice(1);
}

/** Output file names made from plan titles: the characters Windows and macOS refuse are dropped. */
export function safeFileName(name: string): string {
  return name.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '').trim() || '台账';
}

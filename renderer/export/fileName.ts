/** Names for exported files, from the project's name: what a save dialog or a download offers. */

/**
 * "<project> - <what>.<extension>", without the characters file systems refuse (project names
 * are free text: "Sample: ex-mining hall" would be refused by Windows and by the host's check).
 */
export function exportFileName(projectName: string, what: string, extension: string): string {
  const safe = (text: string) =>
    text
      .replace(/[\\/:*?"<>|\p{Cc}]+/gu, ' ')
      .replace(/\s+/g, ' ')
      .trim();
  // Leading or trailing dots make hidden files or vanish on Windows.
  const project = safe(projectName).replace(/^\.+|\.+$/g, '') || 'Hallwright';
  const base = `${project} - ${safe(what)}`.slice(0, 200).trim();
  return `${base}.${extension}`;
}

/**
 * Saving files and printing from an extension page. Only touches browser globals when called, so
 * modules importing it still load in Node.
 */

export const CSV_TYPE = 'text/csv;charset=utf-8';
export const JSON_TYPE = 'application/json;charset=utf-8';

/** Saves text as a file through the browser's normal download (no `downloads` permission needed). */
export function downloadText(fileName: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoking at once can cancel the download in some browsers; a minute is ample.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Opens the print dialogue, where "Save as PDF" is one of the printers. */
export function printPage(): void {
  window.print();
}

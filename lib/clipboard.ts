/**
 * Copying the handout. The one place the clipboard is touched, so components and tests can swap it.
 * Resolves false (never throws) when the browser refuses, so the UI can say "select and copy it yourself".
 */
export async function copyText(text: string): Promise<boolean> {
  try {
    if (typeof navigator === 'undefined' || !navigator.clipboard?.writeText) return false;
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // Refused: the panel lost focus, or a policy blocks clipboard access.
    return false;
  }
}

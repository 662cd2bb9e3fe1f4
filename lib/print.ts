/**
 * Printing the handout slip. The print stylesheet in components/conversation.css hides everything but
 * the slip, so this only needs to open the browser's print dialogue.
 */
export function printSlip(): boolean {
  if (typeof window === 'undefined' || typeof window.print !== 'function') return false;
  try {
    window.print();
    return true;
  } catch {
    return false;
  }
}

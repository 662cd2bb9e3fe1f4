// Starts opening the side panel's IndexedDB before the panel's main script has loaded, so the two overlap
// (lib/panel-boot.ts takes the connection over). Name and version must match lib/db.ts: a unit test checks.
// It never creates or upgrades the database (that is openCareDb's job, with its migrations): an upgrade
// asked for here is cancelled, and the panel then opens the database itself.
(() => {
  try {
    const request = indexedDB.open('care-navigation', 2);
    globalThis.careDbOpening = new Promise((resolve) => {
      request.onupgradeneeded = () => request.transaction?.abort();
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => resolve(null);
    });
  } catch {
    // No IndexedDB here: the panel reports that itself.
  }
})();

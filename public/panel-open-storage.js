// Starts opening the side panel's IndexedDB before the panel's main script has loaded, so the two overlap
// (lib/panel-boot.ts takes the connection over), and reads the directory's revision with it, which is all
// the panel needs from the database before its search box is usable. Name, version, store and key must
// match lib/db.ts: a unit test checks. It never creates or upgrades the database (that is openCareDb's
// job, with its migrations): an upgrade asked for here is cancelled, and the panel then opens it itself.
//
// It also asks extension storage for the revision's mirror (lib/revision-mirror.ts), which answers well
// before IndexedDB has opened when the browser is busy: a quick copy of the search built from that revision
// can then be used at once.
(() => {
  try {
    const api = globalThis.browser ?? globalThis.chrome;
    globalThis.careRevisionMirror = api.storage.local.get('directoryRevision').then(
      (stored) => stored.directoryRevision,
      () => undefined,
    );
  } catch {
    // No extension storage here: the panel asks IndexedDB instead.
  }
  try {
    const request = indexedDB.open('care-navigation', 2);
    globalThis.careDbOpening = new Promise((resolve) => {
      request.onupgradeneeded = () => request.transaction?.abort();
      request.onerror = () => resolve(null);
      request.onsuccess = () => {
        const db = request.result;
        try {
          const read = db.transaction('meta').objectStore('meta').get('directory-revision');
          read.onsuccess = () => resolve({ db, revision: { value: read.result } });
          read.onerror = () => resolve({ db });
        } catch {
          resolve({ db });
        }
      };
    });
  } catch {
    // No IndexedDB here: the panel reports that itself.
  }
})();

// Starts opening the side panel's IndexedDB before the panel's main script has loaded, so the two overlap
// (lib/panel-boot.ts takes the connection over), and reads the directory's revision with it, which is all
// the panel needs from the database before its search box is usable. Name, version, store and key must
// match lib/db.ts: a unit test checks. It never creates or upgrades the database (that is openCareDb's
// job, with its migrations): an upgrade asked for here is cancelled, and the panel then opens it itself.
//
// It also asks extension storage for the revision's mirror (lib/revision-mirror.ts), which answers well
// before IndexedDB has opened when the browser is busy: a quick copy of the search built from that revision
// can then be used at once. The practice's settings (lib/settings.ts) come in the same read: the panel is
// drawn once it has both, and a second request made from the main script would answer tens of
// milliseconds later on a busy machine.
(() => {
  try {
    const api = globalThis.browser ?? globalThis.chrome;
    const local = api.storage.local.get(['directoryRevision', 'settings']);
    globalThis.careRevisionMirror = local.then(
      (stored) => stored.directoryRevision,
      () => undefined,
    );
    // A failed read fails settings as a read of their own would (lib/panel-boot.ts then uses the defaults).
    globalThis.careSettingsRead = local.then((stored) => ({ settings: stored.settings }));
    globalThis.careSettingsRead.catch(() => {});
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

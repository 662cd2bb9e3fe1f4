import type { PanelPack } from './panel-snapshot';

/**
 * A second copy of the side panel's search pack (lib/panel-snapshot.ts) in the page's `localStorage`.
 *
 * Why: opening IndexedDB and reading a multi-megabyte value from it costs a county-sized panel about 50 ms
 * before it can search, while `localStorage` is already in the page (Chromium keeps it in memory and hands
 * it over in one step). The panel restores its search from this copy while IndexedDB is still opening, then
 * uses it only if the directory's revision in IndexedDB is the one the copy was built from; otherwise it
 * falls back to the pack in IndexedDB. So the copy can never show an older directory, and nothing but
 * the panel and the dashboard (pages with `localStorage`; the background has none) needs to keep it
 * current: a write anywhere moves the revision on and the stale copy is simply not used.
 *
 * The copy is one string under one key, so it is written whole or not at all: the pack's fields as JSON
 * with each typed array replaced by a reference into a byte block, the trimmed assets' JSON, and the byte
 * block in base64, separated by newlines (JSON.stringify never writes a bare newline; base64 has none).
 * A directory too large for the browser's `localStorage` quota simply has no quick copy.
 */

export const QUICK_COPY_KEY = 'care-navigation:panel-pack';

/** The part of the Web Storage interface the quick copy uses, so tests can pass an in-memory one. */
export interface TextStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** The page's `localStorage`, or null where there is none (service worker, Node) or it is blocked. */
export function pageTextStore(): TextStore | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    // Reading `localStorage` throws when the browser blocks site data.
    return null;
  }
}

type Typed = Uint8Array | Uint16Array | Int32Array | Uint32Array | Float32Array;
const TYPED = { Uint8Array, Uint16Array, Int32Array, Uint32Array, Float32Array } as const;
type TypedName = keyof typeof TYPED;
interface BytesRef {
  $bytes: TypedName;
  at: number;
  n: number;
}

// Native since Chromium 140 and Firefox 133; Node 20 (the tests) takes the slower fallback.
type Base64Uint8 = { fromBase64?: (s: string) => Uint8Array };
type Base64Bytes = Uint8Array & { toBase64?: () => string };

function toBase64(bytes: Uint8Array): string {
  const native = (bytes as Base64Bytes).toBase64;
  if (native) return native.call(bytes);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, Math.min(bytes.length, i + 0x8000)));
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array {
  const native = (Uint8Array as unknown as Base64Uint8).fromBase64;
  if (native) return native(text);
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function typedName(value: unknown): TypedName | null {
  if (!ArrayBuffer.isView(value)) return null;
  for (const name of Object.keys(TYPED) as TypedName[]) if (value instanceof TYPED[name]) return name;
  return null;
}

/** Replaces every typed array in `value` with a reference into one byte block (8-byte aligned). */
function splitBytes(value: unknown, chunks: Typed[], size: { bytes: number }): unknown {
  const name = typedName(value);
  if (name) {
    const typed = value as Typed;
    const at = size.bytes;
    chunks.push(typed);
    size.bytes += Math.ceil(typed.byteLength / 8) * 8;
    return { $bytes: name, at, n: typed.length } satisfies BytesRef;
  }
  if (Array.isArray(value)) return value.map((v) => splitBytes(v, chunks, size));
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, splitBytes(v, chunks, size)]));
  return value;
}

function joinBytes(value: unknown, buffer: ArrayBuffer): unknown {
  if (Array.isArray(value)) return value.map((v) => joinBytes(v, buffer));
  if (value && typeof value === 'object') {
    const ref = value as Partial<BytesRef>;
    if (typeof ref.$bytes === 'string') {
      const Type = TYPED[ref.$bytes];
      if (!Type || typeof ref.at !== 'number' || typeof ref.n !== 'number')
        throw new Error('damaged quick copy: bad byte reference');
      return new Type(buffer, ref.at, ref.n);
    }
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, joinBytes(v, buffer)]));
  }
  return value;
}

/** The pack as one storable string (see the module comment for its layout). */
export function encodeQuickCopy(pack: PanelPack): string {
  const chunks: Typed[] = [];
  const size = { bytes: 0 };
  const { trimmed, ...rest } = pack;
  const head = splitBytes(rest, chunks, size);
  const block = new Uint8Array(size.bytes);
  let at = 0;
  for (const c of chunks) {
    block.set(new Uint8Array(c.buffer, c.byteOffset, c.byteLength), at);
    at += Math.ceil(c.byteLength / 8) * 8;
  }
  return `${JSON.stringify(head)}\n${trimmed}\n${toBase64(block)}`;
}

/** The pack back from `encodeQuickCopy`'s string; throws on a damaged one. */
export function decodeQuickCopy(text: string): PanelPack {
  const first = text.indexOf('\n');
  const second = first < 0 ? -1 : text.indexOf('\n', first + 1);
  if (second < 0) throw new Error('damaged quick copy: missing parts');
  const block = fromBase64(text.slice(second + 1));
  const head = joinBytes(JSON.parse(text.slice(0, first)), block.buffer as ArrayBuffer) as PanelPack;
  return { ...head, trimmed: text.slice(first + 1, second) };
}

/** The stored quick copy, or null when there is none or it cannot be read. */
export function readQuickCopy(store: TextStore | null): PanelPack | null {
  try {
    const text = store?.getItem(QUICK_COPY_KEY);
    return text ? decodeQuickCopy(text) : null;
  } catch {
    return null;
  }
}

/**
 * Stores `pack` as the quick copy. A directory over the storage quota (or blocked storage) leaves none,
 * rather than an older one, and the panel opens from IndexedDB as before. Returns whether it was stored.
 */
export function writeQuickCopy(store: TextStore | null, pack: PanelPack): boolean {
  if (!store) return false;
  try {
    store.setItem(QUICK_COPY_KEY, encodeQuickCopy(pack));
    return true;
  } catch {
    try {
      store.removeItem(QUICK_COPY_KEY);
    } catch {
      // Storage blocked outright: there is no copy to remove.
    }
    return false;
  }
}

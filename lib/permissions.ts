import { browser } from 'wxt/browser';

/**
 * Host permission for the one directory feed the practice connects. The manifest only declares
 * `optional_host_permissions` for any https host; we ask for exactly the feed's origin, when the lead
 * clicks "Connect", and never for anything wider.
 */
export interface PermissionsApi {
  request(permissions: { origins: string[] }): Promise<boolean>;
  contains(permissions: { origins: string[] }): Promise<boolean>;
  remove?(permissions: { origins: string[] }): Promise<boolean>;
}

export class FeedAddressError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FeedAddressError';
  }
}

/** The browser's permissions API; tests pass their own fake because fakeBrowser has none. */
export function browserPermissions(): PermissionsApi {
  return browser.permissions as unknown as PermissionsApi;
}

/** Checks a feed address and returns the match pattern for its origin only, e.g. https://x.org/ followed by a star. */
export function feedOriginPattern(address: string): string {
  const text = address.trim();
  if (text === '')
    throw new FeedAddressError('Enter the feed address, for example https://api.example.org/ or similar.');
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new FeedAddressError(`"${text}" is not a web address. It should start with https://`);
  }
  if (url.protocol !== 'https:')
    throw new FeedAddressError('The feed address must start with https:// so the directory cannot be tampered with.');
  if (url.username || url.password)
    throw new FeedAddressError('The feed address must not contain a user name or password.');
  // Match patterns have no port part; an origin with a port is matched by its host pattern.
  return `https://${url.hostname}/*`;
}

/**
 * Asks the browser for access to the feed's origin. Call it straight from the click handler: browsers
 * only show the prompt during a user gesture, so nothing may be awaited before `request` is called.
 */
export function requestFeedPermission(address: string, api: PermissionsApi = browserPermissions()): Promise<boolean> {
  let pattern: string;
  try {
    pattern = feedOriginPattern(address);
  } catch (err) {
    return Promise.reject(err);
  }
  return api.request({ origins: [pattern] });
}

/** Whether access to the feed's origin is still granted (the user can withdraw it at any time). */
export async function hasFeedPermission(address: string, api: PermissionsApi = browserPermissions()): Promise<boolean> {
  let pattern: string;
  try {
    pattern = feedOriginPattern(address);
  } catch {
    return false;
  }
  try {
    return await api.contains({ origins: [pattern] });
  } catch {
    return false;
  }
}

/** Gives the permission back when the lead disconnects the feed. */
export async function removeFeedPermission(address: string, api: PermissionsApi = browserPermissions()): Promise<void> {
  let pattern: string;
  try {
    pattern = feedOriginPattern(address);
  } catch {
    return;
  }
  await api.remove?.({ origins: [pattern] }).catch(() => false);
}

import { describe, expect, it } from 'vitest';
import {
  FeedAddressError,
  feedOriginPattern,
  hasFeedPermission,
  type PermissionsApi,
  removeFeedPermission,
  requestFeedPermission,
} from '@/lib/permissions';

/** In-memory permissions API: fakeBrowser has no `permissions`. */
function fakePermissions(grantOnRequest = true) {
  const granted = new Set<string>();
  const calls: { method: string; origins: string[] }[] = [];
  const api: PermissionsApi = {
    async request({ origins }) {
      calls.push({ method: 'request', origins });
      if (grantOnRequest) for (const o of origins) granted.add(o);
      return grantOnRequest;
    },
    async contains({ origins }) {
      calls.push({ method: 'contains', origins });
      return origins.every((o) => granted.has(o));
    },
    async remove({ origins }) {
      calls.push({ method: 'remove', origins });
      for (const o of origins) granted.delete(o);
      return true;
    },
  };
  return { api, granted, calls };
}

describe('feedOriginPattern', () => {
  it.each([
    ['https://api.example.org/', 'https://api.example.org/*'],
    ['https://api.example.org/oruk/v1', 'https://api.example.org/*'],
    ['  https://Example.ORG/services?page=1  ', 'https://example.org/*'],
    ['https://example.org:8443/api', 'https://example.org/*'],
  ])('%s → %s', (address, pattern) => {
    expect(feedOriginPattern(address)).toBe(pattern);
  });

  it.each([
    ['', /Enter the feed address/],
    ['http://example.org/api', /must start with https/],
    ['ftp://example.org/', /must start with https/],
    ['example.org/api', /not a web address/],
    ['https://user:pw@example.org/', /user name or password/],
  ])('rejects %j', (address, message) => {
    expect(() => feedOriginPattern(address)).toThrow(FeedAddressError);
    expect(() => feedOriginPattern(address)).toThrow(message);
  });
});

describe('requestFeedPermission', () => {
  it('asks for the feed origin only', async () => {
    const { api, calls } = fakePermissions();
    await expect(requestFeedPermission('https://feed.example.org/api/v1', api)).resolves.toBe(true);
    expect(calls).toEqual([{ method: 'request', origins: ['https://feed.example.org/*'] }]);
  });

  it('calls request synchronously so the click still counts as a user gesture', () => {
    const { api, calls } = fakePermissions();
    void requestFeedPermission('https://feed.example.org/', api);
    expect(calls).toHaveLength(1);
  });

  it('reports a refusal', async () => {
    const { api } = fakePermissions(false);
    await expect(requestFeedPermission('https://feed.example.org/', api)).resolves.toBe(false);
  });

  it('never asks for an http address', async () => {
    const { api, calls } = fakePermissions();
    await expect(requestFeedPermission('http://feed.example.org/', api)).rejects.toThrow(/https/);
    expect(calls).toEqual([]);
  });
});

describe('hasFeedPermission and removeFeedPermission', () => {
  it('follows grant and removal', async () => {
    const { api } = fakePermissions();
    const url = 'https://feed.example.org/api';
    expect(await hasFeedPermission(url, api)).toBe(false);
    await requestFeedPermission(url, api);
    expect(await hasFeedPermission(url, api)).toBe(true);
    expect(await hasFeedPermission('https://other.example.org/', api)).toBe(false);
    await removeFeedPermission(url, api);
    expect(await hasFeedPermission(url, api)).toBe(false);
  });

  it('treats an invalid address or a throwing API as not granted', async () => {
    const broken: PermissionsApi = {
      request: async () => true,
      contains: async () => {
        throw new Error('boom');
      },
    };
    expect(await hasFeedPermission('not a url', broken)).toBe(false);
    expect(await hasFeedPermission('https://x.org/', broken)).toBe(false);
  });
});

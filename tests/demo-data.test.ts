import { describe, expect, it } from 'vitest';
import evalQueries from '../bench/eval-queries.json';
import secondJudge from '../bench/eval-second-judge.json';
import categoryData from '../data/categories.json';
import demoDirectory from '../data/demo-directory.json';
import { type Asset, CATEGORY_IDS, COSTS, DELIVERIES, REFERRALS, STATUSES } from '../lib/types';

interface EvalQuery {
  query: string;
  relevant: string[];
  split: string;
}

const assets = demoDirectory as Asset[];
const queries = evalQueries as EvalQuery[];
const active = assets.filter((a) => a.status === 'active');
const activeIds = new Set(active.map((a) => a.id));
const allIds = new Set(assets.map((a) => a.id));

// The bundled data pretends today is this date; staleness is measured against it.
const TODAY = '2026-11-25';
const SIX_MONTHS_AGO = '2026-05-25';

function isRealIsoDate(text: unknown): boolean {
  if (typeof text !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text;
}

const byId = (a: Asset) => [a.id, a] as const;

describe('demo directory', () => {
  it('is big enough to demo and benchmark against', () => {
    expect(assets.length).toBeGreaterThanOrEqual(110);
  });

  it('has unique kebab-case ids', () => {
    expect(allIds.size).toBe(assets.length);
    const bad = assets.filter((a) => !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(a.id)).map((a) => a.id);
    expect(bad).toEqual([]);
  });

  it('uses the same category ids as the domain types', () => {
    expect(categoryData.map((c) => c.id).sort()).toEqual([...CATEGORY_IDS].sort());
  });

  it.each(CATEGORY_IDS.map((c) => [c]))('has at least 5 active assets for %s', (category) => {
    expect(active.filter((a) => a.categories.includes(category)).length).toBeGreaterThanOrEqual(5);
  });

  it('has many assets in more than one category', () => {
    expect(assets.filter((a) => a.categories.length > 1).length).toBeGreaterThanOrEqual(assets.length / 2);
  });

  it.each(assets.map(byId))('%s has a name, known categories and a contact route', (_id, a) => {
    expect(a.name?.trim()).toBeTruthy();
    expect(a.categories.length).toBeGreaterThan(0);
    for (const c of a.categories) expect(CATEGORY_IDS).toContain(c);
    expect(Boolean(a.phone || a.email || a.website || a.address)).toBe(true);
  });

  it.each(assets.map(byId))('%s has valid enumerated values, ages and waiting time', (_id, a) => {
    expect(STATUSES).toContain(a.status);
    if (a.cost !== undefined) expect(COSTS).toContain(a.cost);
    if (a.referral !== undefined) expect(REFERRALS).toContain(a.referral);
    for (const d of a.delivery ?? []) expect(DELIVERIES).toContain(d);
    expect(a.source).toBe('bundled');
    if (a.minAge !== undefined && a.maxAge !== undefined) expect(a.minAge).toBeLessThanOrEqual(a.maxAge);
    if (a.waitingWeeks !== undefined) {
      expect(Number.isInteger(a.waitingWeeks)).toBe(true);
      expect(a.waitingWeeks).toBeGreaterThanOrEqual(0);
      expect(a.waitingWeeks).toBeLessThanOrEqual(16);
    }
  });

  it.each(assets.map(byId))('%s has a real ISO lastVerified date no later than today', (_id, a) => {
    expect(isRealIsoDate(a.lastVerified)).toBe(true);
    expect(a.lastVerified! <= TODAY).toBe(true);
    expect(a.lastVerified! >= '2025-01-01').toBe(true);
  });

  // Contact details must never reach a real person or organisation.
  it.each(assets.map(byId))('%s uses only fictional contact details', (_id, a) => {
    if (a.phone !== undefined) {
      expect(a.phone).toMatch(/^01632 960\d{3}$/);
    }
    if (a.email !== undefined) expect(a.email).toMatch(/^[a-z0-9.-]+@example\.(org|net)$/);
    if (a.website !== undefined) expect(a.website).toMatch(/^https:\/\/www\.example\.org\//);
    if (a.postcode !== undefined) expect(a.postcode).toMatch(/^AS[1-9] \d[A-Z]{2}$/);
  });

  it('gives each asset its own phone number', () => {
    const phones = assets.flatMap((a) => (a.phone ? [a.phone] : []));
    expect(new Set(phones).size).toBe(phones.length);
  });

  it('has 3 or 4 inactive assets', () => {
    const inactive = assets.length - active.length;
    expect(inactive).toBeGreaterThanOrEqual(3);
    expect(inactive).toBeLessThanOrEqual(4);
  });

  it('has roughly 15% of entries needing re-verification (older than six months)', () => {
    const stale = assets.filter((a) => a.lastVerified! < SIX_MONTHS_AGO).length;
    expect(stale / assets.length).toBeGreaterThanOrEqual(0.1);
    expect(stale / assets.length).toBeLessThanOrEqual(0.2);
  });

  it('shows realistic variety in cost, referral route, delivery, ages, languages and waits', () => {
    for (const cost of COSTS) expect(assets.some((a) => a.cost === cost)).toBe(true);
    for (const referral of REFERRALS) expect(assets.some((a) => a.referral === referral)).toBe(true);
    for (const delivery of DELIVERIES) expect(assets.some((a) => a.delivery?.includes(delivery))).toBe(true);
    expect(assets.some((a) => a.minAge !== undefined && a.maxAge !== undefined)).toBe(true);
    expect(assets.filter((a) => a.languages?.length).length).toBeGreaterThanOrEqual(5);
    expect(assets.filter((a) => a.waitingWeeks !== undefined).length).toBeGreaterThanOrEqual(20);
  });
});

describe('search evaluation set', () => {
  it('has enough queries', () => {
    expect(queries.length).toBeGreaterThanOrEqual(110);
  });

  it('has no duplicate queries', () => {
    const normalised = queries.map((q) => q.query.trim().toLowerCase());
    expect(new Set(normalised).size).toBe(queries.length);
  });

  // The split is fixed by position before anyone tunes, so it cannot drift towards easy holdout queries.
  // holdout2 was written later as one block and appended, so the positional rule covers what comes before it.
  it('assigns every third query to the holdout split', () => {
    const firstHoldout2 = queries.findIndex((q) => q.split === 'holdout2');
    const positional = firstHoldout2 < 0 ? queries : queries.slice(0, firstHoldout2);
    const wrong = positional.filter((q, i) => q.split !== (i % 3 === 2 ? 'holdout' : 'tune')).map((q) => q.query);
    expect(wrong).toEqual([]);
    expect(queries.some((q) => q.split === 'tune')).toBe(true);
    expect(queries.some((q) => q.split === 'holdout')).toBe(true);
  });

  // tune2 was written later still, as a second tuning block after holdout2, and tune3 after that.
  it('keeps holdout2 as one block, followed only by the later tuning blocks tune2 to tune114, each whole and in order', () => {
    const firstHoldout2 = queries.findIndex((q) => q.split === 'holdout2');
    expect(firstHoldout2).toBeGreaterThan(0);
    const firstTune2 = queries.findIndex((q) => q.split === 'tune2');
    const end = firstTune2 < 0 ? queries.length : firstTune2;
    const block = queries.slice(firstHoldout2, end);
    expect(block.every((q) => q.split === 'holdout2')).toBe(true);
    expect(block.length).toBeGreaterThanOrEqual(40);
    // Runs of the same split after holdout2, in file order: each later block once, in the order written.
    const runs = queries
      .slice(end)
      .map((q) => q.split)
      .filter((split, i, all) => i === 0 || split !== all[i - 1]);
    const written = Array.from({ length: 113 }, (_, i) => `tune${i + 2}`);
    expect(runs).toEqual(written.slice(0, runs.length));
  });

  it.each(queries.map((q) => [q.query, q]))('"%s" lists existing, active, distinct relevant assets', (_query, q) => {
    expect(q.query.trim()).not.toBe('');
    expect(q.relevant.length).toBeGreaterThan(0);
    expect(new Set(q.relevant).size).toBe(q.relevant.length);
    const missing = q.relevant.filter((id) => !allIds.has(id));
    const inactive = q.relevant.filter((id) => allIds.has(id) && !activeIds.has(id));
    expect(missing).toEqual([]);
    expect(inactive).toEqual([]);
  });

  it('covers every need category in both splits', () => {
    const categoriesOf = new Map(assets.map((a) => [a.id, a.categories]));
    for (const split of ['tune', 'holdout', 'holdout2', 'tune2']) {
      const covered = new Set(
        queries.filter((q) => q.split === split).flatMap((q) => q.relevant.flatMap((id) => categoriesOf.get(id) ?? [])),
      );
      expect([...CATEGORY_IDS].filter((c) => !covered.has(c))).toEqual([]);
    }
  });
});

describe("second judge's picks for the held-out queries", () => {
  const second = secondJudge as { query: string; split: string; ranked: string[] }[];

  it('judges exactly the held-out queries, each once, in their split', () => {
    const heldOut = queries.filter((q) => q.split === 'holdout' || q.split === 'holdout2');
    expect(second.map((j) => `${j.split}|${j.query}`).sort()).toEqual(
      heldOut.map((q) => `${q.split}|${q.query}`).sort(),
    );
  });

  it('picks only active services, at least one per query, none twice', () => {
    const bad = second.filter(
      (j) =>
        j.ranked.length === 0 ||
        new Set(j.ranked).size !== j.ranked.length ||
        j.ranked.some((id) => !activeIds.has(id)),
    );
    expect(bad.map((j) => j.query)).toEqual([]);
  });
});

import type { Asset, SearchFilters } from './types';

/**
 * PLACEHOLDER (search engineer replaces this file). The exported shapes below are the contract the UI uses.
 */
export interface SearchHit {
  asset: Asset;
  score: number;
  /** Plain-English reasons this asset matched, e.g. `"skint" → Money, debt and benefits`. */
  why: string[];
}

export interface CategorySuggestion {
  category: string;
  /** The words in the query that pointed to it. */
  because: string[];
}

export interface AssetSearch {
  search(query: string, filters?: SearchFilters): SearchHit[];
  /** Need categories the query's words point to, best first (for chips and the "find the need" step). */
  suggestCategories(query: string): CategorySuggestion[];
}

export interface SearchOptions {
  /** ISO date used for recency ranking; defaults to today. */
  today?: string;
}

export function createAssetSearch(assets: Asset[], _options: SearchOptions = {}): AssetSearch {
  const active = assets.filter((a) => a.status !== 'inactive');
  return {
    search(query, filters = {}) {
      const q = query.trim().toLowerCase();
      return active
        .filter((a) => !filters.categories?.length || a.categories.some((c) => filters.categories?.includes(c)))
        .filter((a) => !q || `${a.name} ${a.description ?? ''}`.toLowerCase().includes(q))
        .map((asset) => ({ asset, score: 1, why: [] }));
    },
    suggestCategories() {
      return [];
    },
  };
}

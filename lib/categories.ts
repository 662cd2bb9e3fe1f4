import categoryData from '../data/categories.json';
import { CATEGORY_IDS, UNCATEGORISED } from './types';

export interface Category {
  id: string;
  label: string;
}

export const categories: readonly Category[] = categoryData;

const byId = new Map(categories.map((c) => [c.id, c]));
const byLabel = new Map(categories.map((c) => [normaliseLabel(c.label), c.id]));

function normaliseLabel(text: string): string {
  return text.trim().toLowerCase().replace(/\s+/g, ' ');
}

export function categoryLabel(id: string): string {
  if (id === UNCATEGORISED) return 'Uncategorised (needs review)';
  return byId.get(id)?.label ?? id;
}

/** Accepts a category id or its label, case-insensitively (the CSV rule in PRODUCT.md). */
export function resolveCategory(text: string): string | undefined {
  const key = normaliseLabel(text);
  if (byId.has(key)) return key;
  return byLabel.get(key);
}

export function isCategoryId(id: string): boolean {
  return (CATEGORY_IDS as readonly string[]).includes(id);
}

import type { AssetSearch } from '@/lib/search';
import type { Asset } from '@/lib/types';

/** PLACEHOLDER (lead engineer builds this): search box, need chips, filters, results, details, selection. */
export interface SupportFinderProps {
  search: AssetSearch;
  /** Need categories chosen in the previous step: used as the starting category filter. */
  needs: string[];
  selected: Asset[];
  onToggle(asset: Asset): void;
  /** ISO date for "needs checking" flags. */
  today: string;
  staleAfterMonths: number;
}

export function SupportFinder(_props: SupportFinderProps) {
  return <p>Support finder is not built yet.</p>;
}

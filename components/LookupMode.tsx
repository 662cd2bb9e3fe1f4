import { useState } from 'preact/hooks';
import type { AssetSearch } from '@/lib/search';
import type { Asset } from '@/lib/types';
import { SupportFinder } from './SupportFinder';

export interface LookupModeProps {
  search: AssetSearch;
  today: string;
  staleAfterMonths: number;
  practiceName: string;
  onReport?(asset: Asset): void;
}

/**
 * Look something up outside a conversation (a colleague asks "who does benefits advice?").
 * Nothing is logged here: only a conversation produces a signposting event.
 */
export function LookupMode({ search, today, staleAfterMonths, onReport }: LookupModeProps) {
  const [selected, setSelected] = useState<Asset[]>([]);
  return (
    <section aria-labelledby="lookup-heading">
      <h2 id="lookup-heading">Look up support</h2>
      <SupportFinder
        search={search}
        needs={[]}
        selected={selected}
        onToggle={(a) =>
          setSelected(selected.some((s) => s.id === a.id) ? selected.filter((s) => s.id !== a.id) : [...selected, a])
        }
        today={today}
        staleAfterMonths={staleAfterMonths}
        onReport={onReport}
      />
    </section>
  );
}

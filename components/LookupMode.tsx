import { useState } from 'preact/hooks';
import { copyText } from '@/lib/clipboard';
import { handoutText } from '@/lib/handout';
import type { ReportReason } from '@/lib/reports';
import type { AssetSearch } from '@/lib/search';
import type { Asset } from '@/lib/types';
import { SupportFinder } from './SupportFinder';

export interface LookupModeProps {
  search: AssetSearch;
  today: string;
  staleAfterMonths: number;
  practiceName: string;
  onReport?(asset: Asset, reason: ReportReason): Promise<void>;
  /** The directory is still being read (see SupportFinder). */
  pending?: boolean;
}

/**
 * Look something up outside a conversation (a colleague asks "who does benefits advice?").
 * Nothing is logged here: only a conversation produces a signposting event.
 */
export function LookupMode({ search, today, staleAfterMonths, practiceName, onReport, pending }: LookupModeProps) {
  const [selected, setSelected] = useState<Asset[]>([]);
  const [copied, setCopied] = useState<string | null>(null);
  const copy = async () => {
    const text = handoutText(selected, {
      practiceName,
      intro: 'Here are the details of local support we talked about:',
      closing: 'If anything has changed, please let the practice know.',
    });
    setCopied((await copyText(text)) ? `Details of ${selected.length} copied.` : 'Copying was blocked by the browser.');
  };
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
        pending={pending}
      />
      {selected.length > 0 && (
        <div class="lookup-actions">
          <button type="button" class="primary" onClick={copy}>
            Copy details of {selected.length} chosen
          </button>
          <p role="status" class="hint">
            {copied}
          </p>
        </div>
      )}
    </section>
  );
}

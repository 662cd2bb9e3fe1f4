import { categoryLabel } from '@/lib/categories';
import { ageText, COST_LABELS, DELIVERY_LABELS, longDate, REFERRAL_LABELS, waitingText } from '@/lib/format';
import type { Asset } from '@/lib/types';

export interface AssetDetailsProps {
  asset: Asset;
  stale: boolean;
  why: string[];
  onReport?: () => void;
}

/** Everything a receptionist needs to hand over one asset, in the order they are asked for it. */
export function AssetDetails({ asset, stale, why, onReport }: AssetDetailsProps) {
  const rows: [string, preact.ComponentChildren][] = [];
  if (asset.phone) rows.push(['Phone', <a href={`tel:${asset.phone.replace(/\s/g, '')}`}>{asset.phone}</a>]);
  if (asset.email) rows.push(['Email', <a href={`mailto:${asset.email}`}>{asset.email}</a>]);
  if (asset.website)
    rows.push([
      'Website',
      <a href={asset.website} target="_blank" rel="noreferrer">
        {asset.website.replace(/^https?:\/\//, '')}
      </a>,
    ]);
  if (asset.address || asset.postcode)
    rows.push(['Address', [asset.address, asset.postcode].filter(Boolean).join(', ')]);
  if (asset.openingTimes) rows.push(['Opening times', asset.openingTimes]);
  if (asset.cost) rows.push(['Cost', COST_LABELS[asset.cost]]);
  if (asset.referral) rows.push(['How to get in', REFERRAL_LABELS[asset.referral]]);
  rows.push(['Waiting time', waitingText(asset)]);
  const age = ageText(asset);
  if (age) rows.push(['Age', age]);
  if (asset.delivery?.length)
    rows.push(['How it is delivered', asset.delivery.map((d) => DELIVERY_LABELS[d]).join(', ')]);
  if (asset.area) rows.push(['Area', asset.area]);
  if (asset.eligibility) rows.push(['Who it is for', asset.eligibility]);
  if (asset.accessibility) rows.push(['Accessibility', asset.accessibility]);
  if (asset.languages?.length) rows.push(['Languages', asset.languages.join(', ')]);
  rows.push(['Needs', asset.categories.map(categoryLabel).join('; ')]);
  rows.push([
    'Last verified',
    asset.lastVerified ? (
      <>
        {longDate(asset.lastVerified)} {stale && <span class="tag stale">Needs checking</span>}
      </>
    ) : (
      <span class="tag stale">Never verified</span>
    ),
  ]);

  return (
    <div class="asset-details">
      {asset.organisation && asset.organisation !== asset.name && <p class="hint">{asset.organisation}</p>}
      {asset.description && <p>{asset.description}</p>}
      <dl>
        {rows.map(([term, value]) => (
          <div class="row" key={term}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {why.length > 0 && <p class="hint">Why it matched: {why.join('; ')}</p>}
      {onReport && (
        <button type="button" onClick={onReport}>
          Report a problem with this entry
        </button>
      )}
    </div>
  );
}

import type { Asset } from './types';

/** Plain-English wording for asset fields, shared by the panel, the handout and the dashboard. */

export const COST_LABELS: Record<string, string> = { free: 'Free', low: 'Low cost', paid: 'Paid' };
export const REFERRAL_LABELS: Record<string, string> = {
  self: 'Self-referral: the patient can contact them directly',
  professional: 'Needs a referral from a professional (GP, nurse, social worker)',
  link_worker: 'Referral through the social prescribing link worker',
};
export const REFERRAL_SHORT: Record<string, string> = {
  self: 'Self-referral',
  professional: 'Professional referral',
  link_worker: 'Via link worker',
};
export const DELIVERY_LABELS: Record<string, string> = { in_person: 'In person', phone: 'By phone', online: 'Online' };

export function waitingText(asset: Asset): string {
  if (asset.waitingWeeks === undefined) return 'Waiting time not known';
  if (asset.waitingWeeks === 0) return 'No waiting list';
  return `About ${asset.waitingWeeks} week${asset.waitingWeeks === 1 ? '' : 's'} wait`;
}

export function ageText(asset: Asset): string | null {
  if (asset.minAge !== undefined && asset.maxAge !== undefined) return `Ages ${asset.minAge} to ${asset.maxAge}`;
  if (asset.minAge !== undefined) return `Ages ${asset.minAge} and over`;
  if (asset.maxAge !== undefined) return `Ages up to ${asset.maxAge}`;
  return null;
}

/** "3 March 2026" — dates are shown in words so there is no day/month confusion. */
export function longDate(iso: string): string {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  if (!y || !m || !d) return iso;
  const months = [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ];
  return `${d} ${months[m - 1]} ${y}`;
}

/** Local calendar date as YYYY-MM-DD. */
export function isoDay(date: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${p(date.getMonth() + 1)}-${p(date.getDate())}`;
}

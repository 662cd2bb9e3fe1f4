import type { Asset } from './types';

/**
 * The written handout: the chosen assets in plain English, for a text message, a letter or a printed slip.
 * It is built only from directory entries and practice wording, so it can never contain anything about
 * the patient.
 */

export interface HandoutOptions {
  practiceName: string;
  intro: string;
  closing: string;
}

export interface HandoutItem {
  title: string;
  lines: string[];
}

export interface HandoutContent {
  heading: string;
  intro: string;
  items: HandoutItem[];
  closing: string;
}

const COST_TEXT: Record<string, string> = {
  free: 'Free',
  low: 'Low cost',
  paid: 'There is a charge',
};

const REFERRAL_TEXT: Record<string, string> = {
  self: 'You can contact them yourself.',
  professional: 'You need a referral from a professional: ask the practice.',
  link_worker: 'Through the practice social prescribing link worker: ask the practice.',
};

const DELIVERY_TEXT: Record<string, string> = {
  in_person: 'in person',
  phone: 'by phone',
  online: 'online',
};

function clean(text: string | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

function joinWithAnd(parts: string[]): string {
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

function weeks(n: number): string {
  if (n === 0) return 'no waiting list';
  return n === 1 ? 'about 1 week' : `about ${n} weeks`;
}

export function handoutItem(asset: Asset): HandoutItem {
  const name = clean(asset.name);
  const org = clean(asset.organisation);
  const title = org && org.toLowerCase() !== name.toLowerCase() ? `${name} (${org})` : name;
  const lines: string[] = [];
  const description = clean(asset.description);
  if (description) lines.push(description);
  if (clean(asset.phone)) lines.push(`Phone: ${clean(asset.phone)}`);
  if (clean(asset.email)) lines.push(`Email: ${clean(asset.email)}`);
  if (clean(asset.website)) lines.push(`Website: ${clean(asset.website)}`);
  const address = [clean(asset.address), clean(asset.postcode)].filter(Boolean).join(', ');
  if (address) lines.push(`Address: ${address}`);
  if (clean(asset.openingTimes)) lines.push(`Open: ${clean(asset.openingTimes)}`);
  if (asset.delivery?.length) lines.push(`How: ${joinWithAnd(asset.delivery.map((d) => DELIVERY_TEXT[d] ?? d))}`);
  if (asset.cost) lines.push(`Cost: ${COST_TEXT[asset.cost] ?? asset.cost}`);
  if (asset.referral) lines.push(REFERRAL_TEXT[asset.referral] ?? '');
  if (typeof asset.waitingWeeks === 'number') lines.push(`Usual wait: ${weeks(asset.waitingWeeks)}`);
  return { title, lines: lines.filter(Boolean) };
}

export function handoutContent(assets: Asset[], options: HandoutOptions): HandoutContent {
  const practice = clean(options.practiceName);
  return {
    heading: practice ? `Local support from ${practice}` : 'Local support',
    intro: clean(options.intro),
    items: assets.map(handoutItem),
    closing: clean(options.closing),
  };
}

/** Plain text for copying into a text message or letter: no formatting that a phone would mangle. */
export function handoutText(assets: Asset[], options: HandoutOptions): string {
  const content = handoutContent(assets, options);
  const blocks = [content.heading, content.intro].filter(Boolean);
  content.items.forEach((item, i) => {
    blocks.push([`${assets.length > 1 ? `${i + 1}. ` : ''}${item.title}`, ...item.lines].join('\n'));
  });
  if (content.closing) blocks.push(content.closing);
  return `${blocks.join('\n\n')}\n`;
}

/** Domain types shared by the whole extension. PRODUCT.md is the contract for these shapes. */

export const CATEGORY_IDS = [
  'loneliness',
  'money',
  'housing',
  'bereavement',
  'carers',
  'wellbeing',
  'activity',
  'food',
  'work',
  'family',
  'abuse',
  'substance',
  'legal',
  'digital',
  'transport',
  'practical',
  'conditions',
] as const;
export type CategoryId = (typeof CATEGORY_IDS)[number];

/** Feed services that map to no category are kept under this id and listed for review. */
export const UNCATEGORISED = 'uncategorised';

export const COSTS = ['free', 'low', 'paid'] as const;
export type Cost = (typeof COSTS)[number];
export const REFERRALS = ['self', 'professional', 'link_worker'] as const;
export type Referral = (typeof REFERRALS)[number];
export const DELIVERIES = ['in_person', 'phone', 'online'] as const;
export type Delivery = (typeof DELIVERIES)[number];
export const STATUSES = ['active', 'inactive'] as const;
export type AssetStatus = (typeof STATUSES)[number];

export interface Asset {
  id: string;
  name: string;
  organisation?: string;
  description?: string;
  /** Category ids; `uncategorised` only for feed services awaiting review. */
  categories: string[];
  keywords?: string[];
  phone?: string;
  email?: string;
  website?: string;
  address?: string;
  postcode?: string;
  area?: string;
  openingTimes?: string;
  cost?: Cost;
  referral?: Referral;
  minAge?: number;
  maxAge?: number;
  eligibility?: string;
  accessibility?: string;
  languages?: string[];
  delivery?: Delivery[];
  waitingWeeks?: number;
  /** ISO date (YYYY-MM-DD). */
  lastVerified?: string;
  status: AssetStatus;
  source?: string;
}

export const OUTCOMES = ['signposted', 'link_worker', 'declined', 'urgent', 'clinical', 'no_suitable'] as const;
export type Outcome = (typeof OUTCOMES)[number];
export const HANDOUTS = ['copied', 'printed', 'none'] as const;
export type Handout = (typeof HANDOUTS)[number];
export const CHANNELS = ['desk', 'phone'] as const;
export type Channel = (typeof CHANNELS)[number];

/**
 * One conversation. These fields and nothing else are ever stored or exported:
 * no names, dates of birth, NHS numbers, addresses, phone numbers or free text about a patient.
 */
export interface SignpostEvent {
  id: string;
  at: string;
  outcome: Outcome;
  categories: string[];
  assetIds: string[];
  handout: Handout;
  channel: Channel;
  durationSec: number;
  desk?: string;
  scriptVersion: string;
}

export interface Issue {
  line?: number;
  field?: string;
  message: string;
}
export interface Warning {
  line?: number;
  message: string;
}
export interface ParseResult {
  assets: Asset[];
  errors: Issue[];
  warnings: Warning[];
}

export interface SearchFilters {
  categories?: string[];
  cost?: string[];
  delivery?: string[];
  referral?: string[];
  /** Patient's age: assets whose min/max age exclude it are left out. */
  age?: number;
}

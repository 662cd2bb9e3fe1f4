import type { EventInput } from './log';
import type { Channel, Handout, Outcome } from './types';

/**
 * The guided conversation as a pure state machine: `conversationReducer(state, action) → state`, no DOM.
 * Every path through it ends on a screen whose only way forward is logging exactly one outcome, and
 * `buildEvent` turns the finished state into the PRODUCT.md event fields and nothing else.
 *
 * Screens: explain → redFlags → needs → support → handover → record, with two side exits:
 * a red flag goes to `urgent` (which logs directly: nobody should be filling in a form in an emergency),
 * and declined / clinical / link worker / nothing suitable jump straight to `record`.
 */

export type ScreenId = 'explain' | 'redFlags' | 'urgent' | 'needs' | 'support' | 'handover' | 'record';

export type ConsentAnswer = 'yes' | 'not_now' | 'declined';

export interface ConversationState {
  screen: ScreenId;
  /** Screens passed through to get here, so Escape retraces the actual path. */
  history: ScreenId[];
  /** Epoch ms of the first thing the receptionist did in this conversation; null while untouched. */
  startedAtMs: number | null;
  consent: ConsentAnswer | null;
  redFlagId: string | null;
  categories: string[];
  assetIds: string[];
  outcome: Outcome | null;
  handout: Handout;
  channel: Channel;
}

export type ConversationAction = { at?: number } & (
  | { type: 'touch' }
  | { type: 'consent'; answer: ConsentAnswer }
  | { type: 'noRedFlags' }
  | { type: 'redFlag'; id: string }
  | { type: 'toggleCategory'; id: string }
  | { type: 'clinical' }
  | { type: 'continue' }
  | { type: 'toggleAsset'; id: string }
  | { type: 'linkWorker' }
  | { type: 'nothingSuitable' }
  | { type: 'handout'; handout: Handout }
  | { type: 'channel'; channel: Channel }
  | { type: 'back' }
  /** Start the next patient's conversation; the channel carries over as the desk's usual one. */
  | { type: 'reset' }
  /** Put back a conversation whose log entry was undone, so it can be corrected and logged again. */
  | { type: 'restore'; state: ConversationState }
);

export function initialConversation(channel: Channel = 'desk'): ConversationState {
  return {
    screen: 'explain',
    history: [],
    startedAtMs: null,
    consent: null,
    redFlagId: null,
    categories: [],
    assetIds: [],
    outcome: null,
    handout: 'none',
    channel,
  };
}

/** Screens from which "refer to the link worker" is one key away: after consent and the red-flag check. */
export const LINK_WORKER_SCREENS: readonly ScreenId[] = ['needs', 'support', 'handover'];

/** Screens whose main action is logging. */
export const LOGGING_SCREENS: readonly ScreenId[] = ['urgent', 'record'];

function go(state: ConversationState, screen: ScreenId, changes: Partial<ConversationState> = {}): ConversationState {
  return { ...state, ...changes, screen, history: [...state.history, state.screen] };
}

function toggle(list: string[], id: string): string[] {
  return list.includes(id) ? list.filter((x) => x !== id) : [...list, id];
}

export function conversationReducer(state: ConversationState, action: ConversationAction): ConversationState {
  const s: ConversationState =
    state.startedAtMs === null && action.at !== undefined && action.type !== 'reset' && action.type !== 'restore'
      ? { ...state, startedAtMs: action.at }
      : state;
  switch (action.type) {
    case 'touch':
      return s;
    case 'reset':
      return initialConversation(state.channel);
    case 'restore':
      return action.state;
    case 'channel':
      return { ...s, channel: action.channel };
    case 'back': {
      if (s.history.length === 0) return s;
      const screen = s.history[s.history.length - 1];
      const back: ConversationState = { ...s, screen, history: s.history.slice(0, -1) };
      // Leaving an outcome screen takes the outcome back: nothing is decided until it is logged.
      if (s.screen === 'record' || s.screen === 'urgent') back.outcome = null;
      if (s.screen === 'urgent') back.redFlagId = null;
      if (screen === 'explain') back.consent = null;
      return back;
    }
    default:
      break;
  }
  switch (s.screen) {
    case 'explain':
      if (action.type !== 'consent') return s;
      // "Not now" is logged as `declined`: the log has no "deferred" outcome and must hold no free text,
      // and from the service's point of view the patient did not take up support in this conversation.
      // Treating it as `declined` keeps every conversation to exactly one of the six PRODUCT.md outcomes.
      if (action.answer !== 'yes')
        return go(s, 'record', { consent: action.answer, outcome: 'declined', categories: [], assetIds: [] });
      return go(s, 'redFlags', { consent: 'yes' });
    case 'redFlags':
      if (action.type === 'noRedFlags') return go(s, 'needs');
      if (action.type === 'redFlag') return go(s, 'urgent', { redFlagId: action.id, outcome: 'urgent' });
      return s;
    case 'urgent':
      return s;
    case 'needs':
      switch (action.type) {
        case 'toggleCategory':
          return { ...s, categories: toggle(s.categories, action.id) };
        case 'clinical':
          return go(s, 'record', { outcome: 'clinical' });
        case 'continue':
          return s.categories.length > 0 ? go(s, 'support') : s;
        case 'linkWorker':
          return go(s, 'record', { outcome: 'link_worker' });
        default:
          return s;
      }
    case 'support':
      switch (action.type) {
        case 'toggleAsset':
          return { ...s, assetIds: toggle(s.assetIds, action.id) };
        case 'continue':
          return s.assetIds.length > 0 ? go(s, 'handover') : s;
        case 'linkWorker':
          return go(s, 'record', { outcome: 'link_worker' });
        case 'nothingSuitable':
          return go(s, 'record', { outcome: 'no_suitable' });
        default:
          return s;
      }
    case 'handover':
      if (action.type === 'handout') return go(s, 'record', { handout: action.handout, outcome: 'signposted' });
      if (action.type === 'linkWorker') return go(s, 'record', { outcome: 'link_worker' });
      return s;
    case 'record':
      return s;
  }
}

/** True when the screen's only way forward is logging the outcome. */
export function readyToLog(state: ConversationState): boolean {
  return LOGGING_SCREENS.includes(state.screen) && state.outcome !== null;
}

export interface EventContext {
  nowMs: number;
  scriptVersion: string;
  desk: string;
}

/**
 * The one event a finished conversation logs. Fields are picked per outcome, so nothing chosen on the way
 * (a category ticked before a red flag, an asset looked at before escalating) leaks into a different outcome.
 */
export function buildEvent(state: ConversationState, ctx: EventContext): EventInput {
  if (!readyToLog(state) || state.outcome === null)
    throw new Error(`Nothing to log yet: the conversation is on the "${state.screen}" screen.`);
  const outcome = state.outcome;
  const keepsCategories = outcome === 'signposted' || outcome === 'link_worker' || outcome === 'no_suitable';
  const event: EventInput = {
    outcome,
    categories: keepsCategories ? [...state.categories] : [],
    assetIds: outcome === 'signposted' ? [...state.assetIds] : [],
    handout: outcome === 'signposted' ? state.handout : 'none',
    channel: state.channel,
    durationSec: durationSec(state, ctx.nowMs),
    scriptVersion: ctx.scriptVersion,
  };
  if (ctx.desk.trim()) event.desk = ctx.desk.trim();
  return event;
}

export function durationSec(state: ConversationState, nowMs: number): number {
  if (state.startedAtMs === null) return 0;
  return Math.max(0, Math.round((nowMs - state.startedAtMs) / 1000));
}

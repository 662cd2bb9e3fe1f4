import fc from 'fast-check';
import {
  buildEvent,
  type ConversationAction,
  type ConversationState,
  conversationReducer,
  initialConversation,
  LINK_WORKER_SCREENS,
  readyToLog,
  type ScreenId,
} from '@/lib/conversation';
import type { EventInput } from '@/lib/log';
import { OUTCOMES, type Outcome } from '@/lib/types';

const CTX = { nowMs: 1_000_000 + 95_000, scriptVersion: '1.0+abcdef12', desk: 'Front desk' };
const PRODUCT_FIELDS = [
  'outcome',
  'categories',
  'assetIds',
  'handout',
  'channel',
  'durationSec',
  'desk',
  'scriptVersion',
];

type Step = ConversationAction | 'log';

/** Drives the machine the way the panel does: each 'log' writes one event and starts the next patient. */
function run(steps: Step[], start = initialConversation()): { state: ConversationState; events: EventInput[] } {
  let state = conversationReducer(start, { type: 'touch', at: 1_000_000 });
  const events: EventInput[] = [];
  for (const step of steps) {
    if (step === 'log') {
      events.push(buildEvent(state, CTX));
      state = conversationReducer(state, { type: 'reset' });
    } else state = conversationReducer(state, step);
  }
  return { state, events };
}

const yes: ConversationAction = { type: 'consent', answer: 'yes' };
const clear: ConversationAction = { type: 'noRedFlags' };
const need = (id: string): ConversationAction => ({ type: 'toggleCategory', id });
const asset = (id: string): ConversationAction => ({ type: 'toggleAsset', id });
const next: ConversationAction = { type: 'continue' };
const back: ConversationAction = { type: 'back' };

describe('every path ends in exactly one logged outcome', () => {
  it.each<[string, Step[], Partial<EventInput> & { outcome: Outcome }]>([
    ['patient declines', [{ type: 'consent', answer: 'declined' }, 'log'], { outcome: 'declined', categories: [] }],
    [
      'patient says "not now" (logged as declined)',
      [{ type: 'consent', answer: 'not_now' }, 'log'],
      { outcome: 'declined' },
    ],
    [
      'red flag',
      [yes, { type: 'redFlag', id: 'crisis' }, 'log'],
      { outcome: 'urgent', categories: [], assetIds: [], handout: 'none' },
    ],
    [
      'red flag after going back from needs with a need ticked',
      [yes, clear, need('money'), back, { type: 'redFlag', id: 'physical' }, 'log'],
      { outcome: 'urgent', categories: [] },
    ],
    [
      'sounds medical',
      [yes, clear, need('wellbeing'), { type: 'clinical' }, 'log'],
      { outcome: 'clinical', categories: [] },
    ],
    [
      'link worker from the needs screen',
      [yes, clear, need('carers'), { type: 'linkWorker' }, 'log'],
      { outcome: 'link_worker', categories: ['carers'], assetIds: [] },
    ],
    [
      'link worker from the support screen, with an asset ticked',
      [yes, clear, need('money'), next, asset('a1'), { type: 'linkWorker' }, 'log'],
      { outcome: 'link_worker', categories: ['money'], assetIds: [], handout: 'none' },
    ],
    [
      'link worker from the hand-over screen',
      [yes, clear, need('money'), next, asset('a1'), next, { type: 'linkWorker' }, 'log'],
      { outcome: 'link_worker', assetIds: [] },
    ],
    [
      'nothing suitable',
      [yes, clear, need('housing'), need('legal'), next, { type: 'nothingSuitable' }, 'log'],
      { outcome: 'no_suitable', categories: ['housing', 'legal'], assetIds: [] },
    ],
    [
      'signposted, handout copied',
      [
        yes,
        clear,
        need('loneliness'),
        next,
        asset('a1'),
        asset('a2'),
        next,
        { type: 'handout', handout: 'copied' },
        'log',
      ],
      { outcome: 'signposted', categories: ['loneliness'], assetIds: ['a1', 'a2'], handout: 'copied' },
    ],
    [
      'signposted, slip printed, by phone',
      [
        { type: 'channel', channel: 'phone' },
        yes,
        clear,
        need('food'),
        next,
        asset('a3'),
        next,
        { type: 'handout', handout: 'printed' },
        'log',
      ],
      { outcome: 'signposted', handout: 'printed', channel: 'phone' },
    ],
    [
      'signposted with no handout',
      [yes, clear, need('food'), next, asset('a3'), next, { type: 'handout', handout: 'none' }, 'log'],
      { outcome: 'signposted', assetIds: ['a3'], handout: 'none' },
    ],
    [
      'asset ticked then unticked is not logged',
      [
        yes,
        clear,
        need('food'),
        next,
        asset('a3'),
        asset('a4'),
        asset('a3'),
        next,
        { type: 'handout', handout: 'none' },
        'log',
      ],
      { outcome: 'signposted', assetIds: ['a4'] },
    ],
  ])('%s', (_name, steps, expected) => {
    const { state, events } = run(steps);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      ...expected,
      durationSec: 95,
      scriptVersion: CTX.scriptVersion,
      desk: 'Front desk',
    });
    expect(state.screen).toBe('explain');
    expect(state.outcome).toBeNull();
  });

  it('covers all six outcomes', () => {
    const seen = new Set(
      [
        [{ type: 'consent', answer: 'declined' } as ConversationAction, 'log'],
        [yes, { type: 'redFlag', id: 'x' }, 'log'],
        [yes, clear, { type: 'clinical' }, 'log'],
        [yes, clear, { type: 'linkWorker' }, 'log'],
        [yes, clear, need('a'), next, { type: 'nothingSuitable' }, 'log'],
        [yes, clear, need('a'), next, asset('x'), next, { type: 'handout', handout: 'copied' }, 'log'],
      ].map((steps) => run(steps as Step[]).events[0].outcome),
    );
    expect([...seen].sort()).toEqual([...OUTCOMES].sort());
  });
});

describe('moving on needs something chosen', () => {
  it.each<[string, Step[], ScreenId]>([
    ['needs without a category', [yes, clear, next], 'needs'],
    ['support without an asset', [yes, clear, need('money'), next, next], 'support'],
    ['red-flag screen ignores "continue"', [yes, next], 'redFlags'],
    ['link worker is not offered before the red-flag check', [yes, { type: 'linkWorker' }], 'redFlags'],
    ['link worker is not offered before consent', [{ type: 'linkWorker' }], 'explain'],
    ['assets cannot be ticked on the needs screen', [yes, clear, asset('a1')], 'needs'],
  ])('%s', (_name, steps, screen) => {
    const { state } = run(steps);
    expect(state.screen).toBe(screen);
    expect(state.assetIds).toEqual([]);
    expect(readyToLog(state)).toBe(false);
  });

  it('cannot build an event before the conversation is finished', () => {
    const { state } = run([yes, clear, need('money')]);
    expect(() => buildEvent(state, CTX)).toThrow(/Nothing to log yet/);
  });
});

describe('Escape goes back', () => {
  it.each<[string, Step[], ScreenId]>([
    ['red-flag check → explain', [yes], 'explain'],
    ['needs → red-flag check', [yes, clear], 'redFlags'],
    ['support → needs', [yes, clear, need('money'), next], 'needs'],
    ['hand-over → support', [yes, clear, need('money'), next, asset('a'), next], 'support'],
    ['urgent → red-flag check', [yes, { type: 'redFlag', id: 'danger' }], 'redFlags'],
    ['record after declining → explain', [{ type: 'consent', answer: 'declined' }], 'explain'],
    ['record after "sounds medical" → needs', [yes, clear, { type: 'clinical' }], 'needs'],
    [
      'record after link worker from support → support',
      [yes, clear, need('a'), next, { type: 'linkWorker' }],
      'support',
    ],
    ['record after nothing suitable → support', [yes, clear, need('a'), next, { type: 'nothingSuitable' }], 'support'],
    [
      'record after handout → hand-over',
      [yes, clear, need('a'), next, asset('x'), next, { type: 'handout', handout: 'copied' }],
      'handover',
    ],
    ['explain stays on explain', [], 'explain'],
  ])('%s', (_name, steps, screen) => {
    const { state } = run([...steps, back]);
    expect(state.screen).toBe(screen);
    expect(state.outcome).toBeNull();
    expect(readyToLog(state)).toBe(false);
  });

  it('keeps what was chosen, so going forward again is quick', () => {
    const { state } = run([yes, clear, need('money'), next, asset('a1'), back, next]);
    expect(state.screen).toBe('support');
    expect(state.categories).toEqual(['money']);
    expect(state.assetIds).toEqual(['a1']);
  });

  it('forgets the red flag chosen when backing out of the urgent screen', () => {
    const { state } = run([yes, { type: 'redFlag', id: 'danger' }, back]);
    expect(state.redFlagId).toBeNull();
  });
});

describe('the event', () => {
  it('starts timing at the first action, not when the panel opened', () => {
    let s = initialConversation();
    s = conversationReducer(s, { type: 'consent', answer: 'declined', at: 50_000 });
    expect(buildEvent(s, { ...CTX, nowMs: 62_400 }).durationSec).toBe(12);
  });

  it('leaves out an empty desk label', () => {
    const { state } = run([{ type: 'consent', answer: 'declined' }]);
    expect(buildEvent(state, { ...CTX, desk: '  ' })).not.toHaveProperty('desk');
  });

  it('remembers the channel for the next patient', () => {
    const { state } = run([{ type: 'channel', channel: 'phone' }, { type: 'consent', answer: 'declined' }, 'log']);
    expect(state.channel).toBe('phone');
  });

  it('restores an undone conversation so it can be corrected', () => {
    const finished = run([yes, clear, need('money'), { type: 'linkWorker' }]).state;
    const restored = conversationReducer(initialConversation(), { type: 'restore', state: finished });
    expect(restored).toEqual(finished);
  });
});

describe('random walks (property)', () => {
  const actionArb: fc.Arbitrary<ConversationAction> = fc.oneof(
    fc.constantFrom<ConversationAction>(
      { type: 'consent', answer: 'yes' },
      { type: 'consent', answer: 'not_now' },
      { type: 'consent', answer: 'declined' },
      { type: 'noRedFlags' },
      { type: 'redFlag', id: 'physical' },
      { type: 'clinical' },
      { type: 'continue' },
      { type: 'linkWorker' },
      { type: 'nothingSuitable' },
      { type: 'handout', handout: 'copied' },
      { type: 'handout', handout: 'printed' },
      { type: 'channel', channel: 'phone' },
      { type: 'back' },
      { type: 'back' },
    ),
    fc.constantFrom('money', 'food', 'housing').map((id): ConversationAction => ({ type: 'toggleCategory', id })),
    fc.constantFrom('a1', 'a2').map((id): ConversationAction => ({ type: 'toggleAsset', id })),
  );

  it('has an outcome exactly on the logging screens, and every event holds only PRODUCT.md fields', () => {
    fc.assert(
      fc.property(fc.array(actionArb, { maxLength: 40 }), (actions) => {
        let state = initialConversation();
        for (const action of actions) {
          state = conversationReducer(state, { ...action, at: 0 });
          const logging = state.screen === 'urgent' || state.screen === 'record';
          expect(state.outcome !== null).toBe(logging);
          expect(readyToLog(state)).toBe(logging);
          if (logging) {
            const event = buildEvent(state, CTX);
            for (const key of Object.keys(event)) expect(PRODUCT_FIELDS).toContain(key);
            expect(OUTCOMES).toContain(event.outcome);
            if (event.outcome === 'signposted') expect(event.assetIds.length).toBeGreaterThan(0);
            else expect(event.assetIds).toEqual([]);
          }
          if (LINK_WORKER_SCREENS.includes(state.screen)) {
            expect(conversationReducer(state, { type: 'linkWorker' }).outcome).toBe('link_worker');
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('can always reach a logged outcome from wherever it is (no dead ends)', () => {
    fc.assert(
      fc.property(fc.array(actionArb, { maxLength: 30 }), (actions) => {
        let state = initialConversation();
        for (const action of actions) state = conversationReducer(state, action);
        // Backing out to the start and declining always finishes; this proves no screen traps the receptionist.
        for (let i = 0; i < 10 && state.screen !== 'explain'; i++) state = conversationReducer(state, back);
        expect(state.screen).toBe('explain');
        state = conversationReducer(state, { type: 'consent', answer: 'declined' });
        expect(readyToLog(state)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});

import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { categories, categoryLabel } from '@/lib/categories';
import { copyText } from '@/lib/clipboard';
import {
  buildEvent,
  type ConversationAction,
  type ConversationState,
  conversationReducer,
  initialConversation,
  LINK_WORKER_SCREENS,
  readyToLog,
} from '@/lib/conversation';
import { handoutContent, handoutText } from '@/lib/handout';
import type { EventInput } from '@/lib/log';
import type { AssetLookup } from '@/lib/panel-boot';
import { printSlip } from '@/lib/print';
import type { ReportReason } from '@/lib/reports';
import { stepOf } from '@/lib/script';
import type { LoadedScript } from '@/lib/script-store';
import type { AssetSearch } from '@/lib/search';
import type { Settings } from '@/lib/settings';
import type { Asset, Handout, Outcome, SignpostEvent } from '@/lib/types';
import { HandoutSlip } from './HandoutSlip';
import { SignOffBanner } from './SignOffBanner';
import { StepExplain } from './StepExplain';
import { StepHandover } from './StepHandover';
import { categoryKey, StepNeeds } from './StepNeeds';
import { OUTCOME_LABELS, StepRecord } from './StepRecord';
import { StepRecordControls } from './StepRecordControls';
import { StepRedFlags } from './StepRedFlags';
import { linkWorkerWait, StepSupport } from './StepSupport';
import { StepUrgent } from './StepUrgent';

export interface ConversationProps {
  /** The script in force + sign-off state + any load problem. */
  script: LoadedScript;
  search: AssetSearch;
  assetsById: AssetLookup;
  settings: Settings;
  /** ISO date. */
  today: string;
  /** Clock, injectable for tests. */
  now(): Date;
  /** Resolves when the event is durable. */
  onRecord(input: EventInput): Promise<SignpostEvent>;
  onUndo(id: string): Promise<void>;
  /** "Report a problem" with a directory entry (asset id and reason code only). */
  onReport?(asset: Asset, reason: ReportReason): Promise<void>;
}

/** How long "Logged" offers Undo. */
export const UNDO_MS = 10_000;

interface Confirmation {
  id: string;
  outcome: Outcome;
  snapshot: ConversationState;
}

function isTyping(el: Element | null): boolean {
  if (!el) return false;
  if (el instanceof HTMLTextAreaElement) return !el.readOnly;
  if (el instanceof HTMLInputElement)
    return !['checkbox', 'radio', 'button', 'submit', 'reset'].includes(el.type) && !el.readOnly;
  if (el instanceof HTMLSelectElement) return true;
  return (el as HTMLElement).isContentEditable === true;
}

/** Elements whose own Enter behaviour must win over "go on". */
function activatesOnEnter(el: Element | null): boolean {
  return !!el && ['BUTTON', 'A', 'SUMMARY', 'SELECT'].includes(el.tagName);
}

/**
 * The guided care-navigation conversation: one screen per step, entirely keyboard-operable.
 * Number keys choose options, Enter goes on, Escape goes back, L refers to the link worker (Alt+L while
 * typing). The heading of each screen takes focus when the step changes, so screen readers announce it.
 */
export function Conversation({
  script,
  search,
  assetsById,
  settings,
  today,
  now,
  onRecord,
  onUndo,
  onReport,
}: ConversationProps) {
  const [state, setState] = useState<ConversationState>(() => initialConversation());
  // What the patient said: component memory only, gone when the conversation ends. Never logged.
  const [said, setSaid] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [logError, setLogError] = useState<string | null>(null);
  const [confirm, setConfirm] = useState<Confirmation | null>(null);
  const [undoNote, setUndoNote] = useState<string | null>(null);
  const [copyBlocked, setCopyBlocked] = useState(false);
  const [focusTick, setFocusTick] = useState(0);

  const rootRef = useRef<HTMLElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const saidRef = useRef<HTMLInputElement>(null);
  const textRef = useRef<HTMLTextAreaElement>(null);
  const undoTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const busy = useRef(false);
  const stateRef = useRef(state);
  stateRef.current = state;

  const s = script.script;
  const explain = stepOf(s, 'explain');
  const redFlags = stepOf(s, 'redFlags');
  const needsStep = stepOf(s, 'needs');
  const supportStep = stepOf(s, 'support');
  const handoverStep = stepOf(s, 'handover');
  const recordStep = stepOf(s, 'record');

  const dispatch = (action: ConversationAction) => {
    if (busy.current) return;
    setMessage(null);
    setState((prev) => conversationReducer(prev, { ...action, at: now().getTime() }));
  };

  const screen = state.screen;
  // Focus moves only on a new screen or an explicit request (after logging or undoing).
  useEffect(() => {
    headingRef.current?.focus();
  }, [screen, focusTick]);

  useEffect(
    () => () => {
      if (undoTimer.current) clearTimeout(undoTimer.current);
    },
    [],
  );

  const suggestions = useMemo(() => (said.trim() ? search.suggestCategories(said) : []), [search, said]);
  const chosenAssets = state.assetIds.map((id) => assetsById.get(id)).filter((a): a is Asset => !!a);
  const handoutOptions = {
    practiceName: settings.practiceName,
    intro: handoverStep.handoutIntro,
    closing: handoverStep.handoutClosing,
  };
  const text = handoutText(chosenAssets, handoutOptions);

  const toggleAsset = (asset: Asset) => dispatch({ type: 'toggleAsset', id: asset.id });

  const goOn = () => {
    const current = stateRef.current;
    if (current.screen === 'needs' && current.categories.length === 0) {
      setMessage('Choose at least one need (press its number), or press M if it sounds medical.');
      return;
    }
    if (current.screen === 'support' && current.assetIds.length === 0) {
      setMessage(
        'Choose at least one result (press its number), press N if nothing is suitable, or L for the link worker.',
      );
      return;
    }
    dispatch({ type: 'continue' });
  };

  const handout = async (kind: Handout) => {
    if (kind === 'copied' && !copyBlocked) {
      const ok = await copyText(text);
      if (!ok) {
        // The browser refused (focus lost, policy): the receptionist can still copy it by hand.
        setCopyBlocked(true);
        textRef.current?.focus();
        textRef.current?.select();
        setMessage('Copying was blocked by the browser. The text is selected: press Ctrl+C, then Copy text again.');
        return;
      }
    }
    if (kind === 'printed' && !printSlip()) {
      setMessage('Printing is not available here. Copy the text instead.');
      return;
    }
    setCopyBlocked(false);
    dispatch({ type: 'handout', handout: kind });
  };

  const log = async () => {
    const current = stateRef.current;
    if (busy.current || !readyToLog(current)) return;
    const input = buildEvent(current, {
      nowMs: now().getTime(),
      scriptVersion: script.scriptVersion,
      desk: settings.deskLabel,
    });
    busy.current = true;
    setSaving(true);
    setLogError(null);
    try {
      const event = await onRecord(input);
      if (undoTimer.current) clearTimeout(undoTimer.current);
      setConfirm({ id: event.id, outcome: input.outcome, snapshot: current });
      setUndoNote(null);
      undoTimer.current = setTimeout(() => setConfirm(null), UNDO_MS);
      setState(conversationReducer(current, { type: 'reset' }));
      setSaid('');
      setMessage(null);
      setCopyBlocked(false);
      setFocusTick((n) => n + 1);
    } catch (err) {
      setLogError(
        `Not logged: ${err instanceof Error ? err.message : String(err)} Nothing was saved. Try again, or tell your practice lead if it keeps happening.`,
      );
    } finally {
      busy.current = false;
      setSaving(false);
    }
  };

  const undo = async () => {
    const c = confirm;
    if (!c || busy.current) return;
    if (undoTimer.current) clearTimeout(undoTimer.current);
    try {
      await onUndo(c.id);
      setConfirm(null);
      const current = stateRef.current;
      // Put the undone conversation back only if the next one has not started.
      if (current.screen === 'explain' && current.startedAtMs === null) {
        setState(conversationReducer(current, { type: 'restore', state: c.snapshot }));
        setUndoNote('Undone: that outcome was removed from the log. Correct it and log it again.');
      } else {
        setUndoNote('Undone: that outcome was removed from the log.');
      }
      setFocusTick((n) => n + 1);
    } catch (err) {
      setLogError(`Could not undo: ${err instanceof Error ? err.message : String(err)}`);
    }
  };

  const chooseNthResult = (n: number) => {
    const boxes = rootRef.current?.querySelectorAll<HTMLInputElement>('#support-results input[type="checkbox"]');
    const box = boxes?.[n - 1];
    if (!box) return false;
    box.click();
    return true;
  };

  /** Step keys (not typing). Returns true when the key did something. */
  const screenKey = (k: string): boolean => {
    const current = stateRef.current;
    const digit = /^[0-9]$/.test(k) ? Number(k) : null;
    if (k === 'l' && LINK_WORKER_SCREENS.includes(current.screen)) {
      dispatch({ type: 'linkWorker' });
      return true;
    }
    switch (current.screen) {
      case 'explain':
        if (k === 'Enter' || k === '1') dispatch({ type: 'consent', answer: 'yes' });
        else if (k === '2') dispatch({ type: 'consent', answer: 'not_now' });
        else if (k === '3') dispatch({ type: 'consent', answer: 'declined' });
        else return false;
        return true;
      case 'redFlags': {
        if (k === 'Enter' || k === '0') dispatch({ type: 'noRedFlags' });
        else if (digit && redFlags.redFlags[digit - 1])
          dispatch({ type: 'redFlag', id: redFlags.redFlags[digit - 1].id });
        else return false;
        return true;
      }
      case 'needs': {
        if (k === 'Enter') goOn();
        else if (k === 'm') dispatch({ type: 'clinical' });
        else if (k === '/') saidRef.current?.focus();
        else if (digit !== null) {
          const index = categories.findIndex((_, i) => categoryKey(i) === k);
          if (index < 0) return false;
          dispatch({ type: 'toggleCategory', id: categories[index].id });
        } else return false;
        return true;
      }
      case 'support':
        if (k === 'Enter') goOn();
        else if (k === 'n') dispatch({ type: 'nothingSuitable' });
        else if (k === '/') document.getElementById('support-search')?.focus();
        else if (digit) return chooseNthResult(digit);
        else return false;
        return true;
      case 'handover':
        if (k === 'Enter' || k === '1') void handout('copied');
        else if (k === '2' || k === 'p') void handout('printed');
        else if (k === '3') void handout('none');
        else return false;
        return true;
      case 'urgent':
      case 'record':
        if (k === 'Enter') void log();
        else if (k === 'c') dispatch({ type: 'channel', channel: current.channel === 'desk' ? 'phone' : 'desk' });
        else return false;
        return true;
    }
  };

  const onKey = (e: KeyboardEvent) => {
    if (e.defaultPrevented || e.ctrlKey || e.metaKey) return;
    const root = rootRef.current;
    const target = e.target as HTMLElement | null;
    if (!root || !target) return;
    const onPage = target === document.body || target === document.documentElement;
    if (!onPage && !root.contains(target)) return;
    const k = e.key.length === 1 ? e.key.toLowerCase() : e.key;
    const typing = isTyping(target);
    if (k === 'u' && !typing && !e.altKey && confirm) {
      e.preventDefault();
      void undo();
      return;
    }
    if (stateRef.current.startedAtMs === null && !target.closest('.logged')) dispatch({ type: 'touch' });
    if (busy.current) return;
    if (k === 'Escape') {
      // A field with text clears itself first; the next Escape goes back.
      if (typing && (target as HTMLInputElement).value) return;
      e.preventDefault();
      dispatch({ type: 'back' });
      return;
    }
    if (e.altKey) {
      if (e.code === 'KeyL' && LINK_WORKER_SCREENS.includes(stateRef.current.screen)) {
        e.preventDefault();
        dispatch({ type: 'linkWorker' });
      }
      return;
    }
    if (typing) return;
    if (k === 'Enter' && activatesOnEnter(target)) return;
    if (screenKey(k)) e.preventDefault();
  };
  const keyRef = useRef(onKey);
  keyRef.current = onKey;
  useEffect(() => {
    const listener = (e: KeyboardEvent) => keyRef.current(e);
    document.addEventListener('keydown', listener);
    return () => document.removeEventListener('keydown', listener);
  }, []);

  const controls = (
    <StepRecordControls
      channel={state.channel}
      saving={saving}
      logLabel={state.outcome === 'urgent' ? 'Log as urgent' : 'Log outcome'}
      onChannel={(channel) => dispatch({ type: 'channel', channel })}
      onLog={() => void log()}
    />
  );

  const flag = redFlags.redFlags.find((f) => f.id === state.redFlagId);

  return (
    <section
      class="conversation"
      ref={rootRef}
      aria-labelledby="conversation-heading"
      onPointerDown={(e) => {
        if (stateRef.current.startedAtMs === null && !(e.target as HTMLElement).closest('.logged'))
          dispatch({ type: 'touch' });
      }}
    >
      <div class="logged-region" role="status" aria-live="polite">
        {confirm && (
          <p class="success logged">
            <strong>Logged:</strong> {OUTCOME_LABELS[confirm.outcome]}.{' '}
            <button type="button" aria-keyshortcuts="U" onClick={() => void undo()}>
              <kbd>U</kbd> Undo
            </button>
          </p>
        )}
        {undoNote && <p class="notice">{undoNote}</p>}
      </div>
      {script.problems.length > 0 && (
        <div class="problem" role="alert">
          <p>
            <strong>The practice's script could not be used.</strong>
          </p>
          <ul>
            {script.problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </div>
      )}
      {logError && (
        <p class="problem" role="alert">
          {logError}
        </p>
      )}
      <SignOffBanner signOff={script.signOff} />

      {screen === 'explain' && (
        <StepExplain
          step={explain}
          headingRef={headingRef}
          onAnswer={(answer) => dispatch({ type: 'consent', answer })}
        />
      )}
      {screen === 'redFlags' && (
        <StepRedFlags
          step={redFlags}
          headingRef={headingRef}
          onRedFlag={(id) => dispatch({ type: 'redFlag', id })}
          onClear={() => dispatch({ type: 'noRedFlags' })}
        />
      )}
      {screen === 'urgent' && flag && (
        <StepUrgent flag={flag} headingRef={headingRef}>
          <p class="hint">{recordStep.outcomes.urgent}</p>
          {controls}
        </StepUrgent>
      )}
      {screen === 'needs' && (
        <StepNeeds
          step={needsStep}
          headingRef={headingRef}
          inputRef={saidRef}
          categories={categories}
          chosen={state.categories}
          said={said}
          suggestions={suggestions}
          message={message}
          onSaid={setSaid}
          onToggle={(id) => dispatch({ type: 'toggleCategory', id })}
          onClinical={() => dispatch({ type: 'clinical' })}
          onLinkWorker={() => dispatch({ type: 'linkWorker' })}
          onContinue={goOn}
        />
      )}
      {screen === 'support' && (
        <StepSupport
          step={supportStep}
          headingRef={headingRef}
          search={search}
          needs={state.categories}
          selected={chosenAssets}
          today={today}
          staleAfterMonths={settings.staleAfterMonths}
          linkWorkerWaitWeeks={settings.linkWorkerWaitWeeks}
          message={message}
          onToggle={toggleAsset}
          onLinkWorker={() => dispatch({ type: 'linkWorker' })}
          onNothingSuitable={() => dispatch({ type: 'nothingSuitable' })}
          onContinue={goOn}
          onReport={onReport}
        />
      )}
      {screen === 'handover' && (
        <>
          <StepHandover
            step={handoverStep}
            headingRef={headingRef}
            text={text}
            textRef={textRef}
            message={message}
            onHandout={(kind) => void handout(kind)}
            onLinkWorker={() => dispatch({ type: 'linkWorker' })}
          />
          <HandoutSlip content={handoutContent(chosenAssets, handoutOptions)} />
        </>
      )}
      {screen === 'record' && state.outcome && (
        <StepRecord
          step={recordStep}
          headingRef={headingRef}
          outcome={state.outcome}
          needs={
            state.outcome === 'signposted' || state.outcome === 'link_worker' || state.outcome === 'no_suitable'
              ? state.categories.map(categoryLabel)
              : []
          }
          assets={state.outcome === 'signposted' ? chosenAssets.map((a) => a.name) : []}
          handout={state.handout}
          note={
            state.outcome === 'link_worker' ? `Link worker: ${linkWorkerWait(settings.linkWorkerWaitWeeks)}.` : null
          }
        >
          {controls}
        </StepRecord>
      )}

      {screen !== 'explain' && (
        <p class="back-row">
          <button
            type="button"
            class="link-button"
            aria-keyshortcuts="Escape"
            onClick={() => dispatch({ type: 'back' })}
          >
            Back <kbd>Esc</kbd>
          </button>
        </p>
      )}
    </section>
  );
}

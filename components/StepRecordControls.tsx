import { CHANNELS, type Channel } from '@/lib/types';

const CHANNEL_LABELS: Record<Channel, string> = { desk: 'At the desk', phone: 'On the phone' };

export interface StepRecordControlsProps {
  channel: Channel;
  saving: boolean;
  logLabel: string;
  onChannel(channel: Channel): void;
  onLog(): void;
}

/** Desk/phone toggle and the one "Log" button that ends every conversation. */
export function StepRecordControls({ channel, saving, logLabel, onChannel, onLog }: StepRecordControlsProps) {
  return (
    <div class="record-controls">
      <fieldset class="channel">
        <legend>
          How the patient was talking to you <span class="hint">(C to change)</span>
        </legend>
        {CHANNELS.map((c) => (
          <label class="inline" for={`channel-${c}`} key={c}>
            <input
              type="radio"
              id={`channel-${c}`}
              name="channel"
              checked={channel === c}
              onChange={() => onChannel(c)}
            />
            {CHANNEL_LABELS[c]}
          </label>
        ))}
      </fieldset>
      <button type="button" class="primary log" aria-keyshortcuts="Enter" disabled={saving} onClick={onLog}>
        {saving ? 'Saving…' : logLabel} <kbd>Enter</kbd>
      </button>
    </div>
  );
}

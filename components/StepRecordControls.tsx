import type { Channel } from '@/lib/types';

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
        <label class="inline" for="channel-desk">
          <input
            type="radio"
            id="channel-desk"
            name="channel"
            checked={channel === 'desk'}
            onChange={() => onChannel('desk')}
          />
          At the desk
        </label>
        <label class="inline" for="channel-phone">
          <input
            type="radio"
            id="channel-phone"
            name="channel"
            checked={channel === 'phone'}
            onChange={() => onChannel('phone')}
          />
          On the phone
        </label>
      </fieldset>
      <button type="button" class="primary log" aria-keyshortcuts="Enter" disabled={saving} onClick={onLog}>
        {saving ? 'Saving…' : logLabel} <kbd>Enter</kbd>
      </button>
    </div>
  );
}

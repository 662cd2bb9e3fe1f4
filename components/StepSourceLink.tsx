import type { ScriptSource } from '@/lib/script';

/** The cited source next to an instruction or phone number, so staff can see where the wording came from. */
export function StepSourceLink({ source }: { source: ScriptSource }) {
  return (
    <span class="source">
      Source:{' '}
      <a href={source.url} target="_blank" rel="noreferrer noopener">
        {source.organisation}, “{source.title}”<span class="visually-hidden"> (opens in a new tab)</span>
      </a>
    </span>
  );
}

import type { SignOff } from '@/lib/script-store';

export interface SignOffBannerProps {
  signOff: SignOff | null;
}

/**
 * Shown on every step until a practice lead has signed off exactly this script content: the red-flag
 * wording is clinical, so an unchecked local version must never look approved.
 */
export function SignOffBanner({ signOff }: SignOffBannerProps) {
  if (signOff) return null;
  return (
    <p class="signoff-banner">
      <strong>Script awaiting local clinical sign-off.</strong> A practice lead must check and sign it off in the
      dashboard (Script tab).
    </p>
  );
}

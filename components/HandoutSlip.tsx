import type { HandoutContent } from '@/lib/handout';

/**
 * The printable slip. Hidden on screen; the print stylesheet shows only this. It holds directory details
 * and practice wording only: no patient data.
 */
export function HandoutSlip({ content }: { content: HandoutContent }) {
  return (
    <div class="handout-slip" aria-hidden="true">
      <h2>{content.heading}</h2>
      {content.intro && <p>{content.intro}</p>}
      {content.items.map((item) => (
        <section key={item.title}>
          <h3>{item.title}</h3>
          {item.lines.map((line) => (
            <p key={line}>{line}</p>
          ))}
        </section>
      ))}
      {content.closing && <p>{content.closing}</p>}
    </div>
  );
}

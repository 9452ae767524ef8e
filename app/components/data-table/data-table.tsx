// A data table that never makes the page scroll sideways (WCAG 1.4.10): when its columns do not fit, the table
// scrolls inside its own region, which the keyboard can reach and which is named by the table's caption.
import { useId, type ReactNode } from "react";

export function DataTable({ caption, showCaption = false, children }: { caption: string; showCaption?: boolean; children: ReactNode }) {
  const captionId = useId();
  return (
    // A scrollable region must be focusable so keyboard users can scroll it (axe: scrollable-region-focusable).
    // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
    <div className="table-region" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table>
        <caption id={captionId} className={showCaption ? undefined : "visually-hidden"}>
          {caption}
        </caption>
        {children}
      </table>
    </div>
  );
}

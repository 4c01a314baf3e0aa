// The top of every phone intake (ticket, callback, booking, waiting list): who is calling — known by name or new —,
// the number as understood, and the way back to type another one. What follows (their open tickets, callbacks,
// bookings) is each intake's own, passed as children.
import type { ReactNode } from "react";
import { Link } from "~/ui/kit/Link";

export function CallerHeader({
  id,
  heading,
  numberLabel,
  number,
  about,
  restartTo,
  restartLabel,
  links,
  className,
  children,
}: {
  /** The heading's id; the section is labelled by it. */
  id: string;
  heading: string;
  numberLabel: string;
  /** The number for reading out (left to right in every language). */
  number: string;
  /** Said right after the number: its kind, the place. */
  about?: ReactNode;
  /** The intake's first step, to start again with another number. */
  restartTo: string;
  restartLabel: string;
  /** Further links after the restart link (the person page). */
  links?: ReactNode;
  className?: string;
  children?: ReactNode;
}) {
  return (
    <section aria-labelledby={id} className={className}>
      <h2 id={id}>{heading}</h2>
      <p>
        {numberLabel} <strong dir="ltr">{number}</strong>
        {about ? <> {about}</> : null} ·{" "}
        <Link to={restartTo} reloadDocument>
          {restartLabel}
        </Link>
        {links}
      </p>
      {children}
    </section>
  );
}

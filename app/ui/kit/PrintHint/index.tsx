// "Sie können diese Seite ausdrucken": a visible hint on pages meant for paper (no print button: citizen pages
// have no JavaScript). Its presence also trims the printout to what matters: no footer, addresses of key links.
import type { ReactNode } from "react";
import "./PrintHint.css";

export function PrintHint({ children }: { children: ReactNode }) {
  return <p className="print-hint no-print">{children}</p>;
}

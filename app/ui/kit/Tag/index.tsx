// A short status label ("Überfällig", "Intern"): text on a tinted background, never colour alone.
import type { ReactNode } from "react";
import "./Tag.css";

export type TagTone = "neutral" | "info" | "warning" | "success";

export function Tag({ children, tone = "neutral" }: { children: ReactNode; tone?: TagTone }) {
  return <strong className={`tag tag--${tone}`}>{children}</strong>;
}

// Plain text from the database as readable HTML, never as markup: a blank line starts a paragraph, lines
// starting with "- " become a list, "1. " a numbered list, "## " a heading. Everything else is text (React
// escapes it), so "<script>" in an article is shown as the characters it is.
import { Fragment, type ReactNode } from "react";
import "./PlainText.css";

type Block =
  | { kind: "heading"; text: string }
  | { kind: "paragraph"; lines: string[] }
  | { kind: "list"; ordered: boolean; start: number; items: string[] };

const BULLET = /^[-•*]\s+/;
const NUMBER = /^\d{1,2}[.)]\s+/;
const HEADING = /^#{2,3}\s+/;

export function parsePlainText(text: string): Block[] {
  const blocks: Block[] = [];
  for (const chunk of text.replace(/\r\n?/g, "\n").split(/\n[ \t]*\n/)) {
    let current: Block | null = null;
    for (const raw of chunk.split("\n")) {
      const line = raw.trim();
      if (!line) continue;
      if (HEADING.test(line)) {
        current = { kind: "heading", text: line.replace(HEADING, "") };
        blocks.push(current);
        current = null;
        continue;
      }
      const ordered = NUMBER.test(line);
      if (ordered || BULLET.test(line)) {
        const item = line.replace(ordered ? NUMBER : BULLET, "");
        if (current?.kind === "list" && current.ordered === ordered) current.items.push(item);
        else blocks.push((current = { kind: "list", ordered, start: ordered ? parseInt(line, 10) : 1, items: [item] }));
        continue;
      }
      if (current?.kind === "paragraph") current.lines.push(line);
      else blocks.push((current = { kind: "paragraph", lines: [line] }));
    }
  }
  return blocks;
}

export interface PlainTextProps {
  text: string;
  /** Language of the text when it differs from the page (e.g. a German article on the Arabic page)… */
  lang?: string;
  /** …and its direction, so its punctuation stays in place on a right-to-left page. */
  dir?: "ltr" | "rtl";
  /** Larger type and more space between lines, for Leichte Sprache. */
  easy?: boolean;
}

export function PlainText({ text, lang, dir, easy }: PlainTextProps) {
  return (
    <div className={easy ? "plain-text plain-text--easy" : "plain-text"} lang={lang} dir={dir}>
      {parsePlainText(text).map((block, index): ReactNode => {
        if (block.kind === "heading") return <h2 key={index}>{block.text}</h2>;
        if (block.kind === "list") {
          const items = block.items.map((item, i) => <li key={i}>{item}</li>);
          return block.ordered ? (
            <ol key={index} start={block.start === 1 ? undefined : block.start}>
              {items}
            </ol>
          ) : (
            <ul key={index}>{items}</ul>
          );
        }
        return (
          <p key={index}>
            {block.lines.map((line, i) => (
              <Fragment key={i}>
                {i > 0 ? <br /> : null}
                {line}
              </Fragment>
            ))}
          </p>
        );
      })}
    </div>
  );
}

// iCalendar text with its lines as RFC 5545 (3.1) wants them: at most 75 octets, longer ones folded onto lines that
// begin with one space — never inside a UTF-8 sequence. The `ics` package folds at 75 characters, which is more
// than 75 octets as soon as a line has an umlaut (a place's address) and up to 150 in Arabic.
const MAX_OCTETS = 75;

/** Octets of one code point in UTF-8. */
const octetsOf = (codePoint: number) => (codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4);

/** One content line folded: the first part up to 75 octets, each continuation a space and up to 74 more. */
export function foldContentLine(line: string): string {
  const parts: string[] = [];
  let part = "";
  let octets = 0;
  let room = MAX_OCTETS;
  for (const char of line) {
    const size = octetsOf(char.codePointAt(0)!);
    if (octets + size > room) {
      parts.push(part);
      part = "";
      octets = 0;
      room = MAX_OCTETS - 1; // the leading space counts
    }
    part += char;
    octets += size;
  }
  parts.push(part);
  return parts.join("\r\n ");
}

/** A whole calendar file folded anew: whatever folding it had is undone first, then every line is folded by octets. */
export function foldIcs(text: string): string {
  return text
    .replace(/\r\n[ \t]/g, "")
    .split("\r\n")
    .map(foldContentLine)
    .join("\r\n");
}

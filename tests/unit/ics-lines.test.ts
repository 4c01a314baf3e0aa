// RFC 5545 line folding by octets: no line over 75 octets, no UTF-8 sequence cut, and unfolding gives back the line.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { foldContentLine, foldIcs } from "~/lib/ics-lines";

const octets = (s: string) => Buffer.byteLength(s, "utf8");
const unfold = (s: string) => s.replace(/\r\n[ \t]/g, "");
/** Every physical line, as bytes: each must decode on its own (no sequence cut in two). */
const physicalLines = (s: string) => s.split("\r\n");
const decodesAlone = (line: string) => new TextDecoder("utf-8", { fatal: true }).decode(Buffer.from(line, "utf8")) === line;

function expectFolded(line: string) {
  const folded = foldContentLine(line);
  for (const physical of physicalLines(folded)) {
    expect(octets(physical), physical).toBeLessThanOrEqual(75);
    expect(decodesAlone(physical)).toBe(true);
  }
  physicalLines(folded).slice(1).forEach((l) => expect(l.startsWith(" ")).toBe(true));
  expect(unfold(folded)).toBe(line);
  return folded;
}

describe("iCalendar line folding", () => {
  it("leaves a line of 75 octets alone and folds the 76th onto a line that begins with a space", () => {
    expect(foldContentLine("X".repeat(75))).toBe("X".repeat(75));
    expect(foldContentLine("X".repeat(76))).toBe(`${"X".repeat(75)}\r\n X`);
    // Continuations hold 74 octets after their space.
    expect(foldContentLine("X".repeat(75 + 74 + 1))).toBe(`${"X".repeat(75)}\r\n ${"X".repeat(74)}\r\n X`);
  });

  it("counts umlauts as two octets: the LOCATION of a German address fits in 75 octets per line", () => {
    // 75 characters, 77 octets: what the `ics` package left as one line.
    const location = "LOCATION:Begegnungszentrum Gröpelingen, Lindenhofstraße 53, 28237 Bremen-Nord";
    const folded = expectFolded(location.padEnd(75, "X").slice(0, 75));
    expect(physicalLines(folded)).toHaveLength(2);
    expectFolded(location);
    // An umlaut that would straddle the 75th octet goes to the next line whole.
    expect(foldContentLine(`${"X".repeat(74)}ö`)).toBe(`${"X".repeat(74)}\r\n ö`);
  });

  it("never cuts Arabic letters (2 octets) or an emoji (4 octets) in two", () => {
    expectFolded(`SUMMARY:${"استشارة رقمية في المكتبة ".repeat(6)}`);
    expectFolded(`DESCRIPTION:${"😀".repeat(40)}`);
    expect(foldContentLine(`${"X".repeat(73)}😀`)).toBe(`${"X".repeat(73)}\r\n 😀`);
  });

  it("holds for any text", () => {
    fc.assert(fc.property(fc.string({ unit: "grapheme", maxLength: 200 }).map((s) => s.replace(/[\r\n]/g, "")), (line) => void expectFolded(line)));
  });

  it("refolds a whole file: the package's folds by characters (a tab) are undone, then every line is folded by octets", () => {
    const byCharacters = `BEGIN:VCALENDAR\r\nLOCATION:${"ä".repeat(65)}\r\n\t${"ü".repeat(10)}\r\nEND:VCALENDAR\r\n`;
    const folded = foldIcs(byCharacters);
    expect(unfold(folded)).toBe(`BEGIN:VCALENDAR\r\nLOCATION:${"ä".repeat(65)}${"ü".repeat(10)}\r\nEND:VCALENDAR\r\n`);
    for (const line of physicalLines(folded)) expect(octets(line)).toBeLessThanOrEqual(75);
  });
});

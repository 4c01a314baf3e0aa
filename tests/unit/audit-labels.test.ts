// The access log speaks the staff member's language: every action the code records and every kind of record it
// names has a label in every language, so a data-protection officer never reads a raw key like `person.viewed`.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { TICKET_EVENT_KINDS } from "~/capabilities/helpdesk/values";
import { csvLine } from "~/lib/csv-write";

const LANGUAGES = fs.readdirSync("locales");
const labels = (lng: string) => JSON.parse(fs.readFileSync(`locales/${lng}/team.json`, "utf8")).audit as { actions: Record<string, string>; subjects: Record<string, string> };

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const file = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === "generated" ? [] : sources(file);
    return /\.tsx?$/.test(e.name) ? [fs.readFileSync(file, "utf8")] : [];
  });
}

/** The object literals handed to audit(…): an `action` beside a `subjectType`. */
const auditCalls = sources("app").flatMap((text) => [...text.matchAll(/action: ([`"])([^`"]+)\1,[^;]{0,200}?subjectType: "(\w+)"/gs)]);

/** Actions named from a value (`ticket.${event.kind}`): the values each can take. */
const TEMPLATED: Record<string, readonly string[]> = {
  "ticket.${event.kind}": TICKET_EVENT_KINDS,
  "loan.${input.kind}": ["lost", "stolen"],
  "reservation.${input.answer}": ["accepted", "declined"],
  "walkIn.${input.outcome}": ["done", "left"],
};

const actions = new Set(
  auditCalls.flatMap(([, quote, action]) => {
    if (quote === '"') return [action];
    const values = TEMPLATED[action];
    if (!values) throw new Error(`audit action ${action}: add its values to TEMPLATED in this test`);
    return values.map((v) => action.replace(/\$\{[^}]+\}/, v));
  }),
);
const subjects = new Set([...auditCalls.map(([, , , subject]) => subject), "Page"]);

describe("access log labels", () => {
  it("finds the audit calls it checks (the pattern still matches the code)", () => {
    expect(actions.size).toBeGreaterThan(60);
    expect(actions).toContain("person.viewed");
    expect(actions).toContain("ticket.classified");
  });

  it.each(LANGUAGES)("every recorded action and kind of record has a label in %s", (lng) => {
    const { actions: actionLabels, subjects: subjectLabels } = labels(lng);
    expect([...actions].filter((a) => !actionLabels[a]?.trim())).toEqual([]);
    expect([...subjects].filter((s) => !subjectLabels[s]?.trim())).toEqual([]);
  });
});

describe("CSV lines", () => {
  it("quotes separators, quotes and line breaks, and defuses formulas", () => {
    expect(csvLine(["a", 1, null, undefined])).toBe("a;1;;\r\n");
    expect(csvLine(['Sagt "Hallo"', "a;b", "zwei\nZeilen"])).toBe('"Sagt ""Hallo""";"a;b";"zwei\nZeilen"\r\n');
    expect(csvLine(["=1+1", "+49 151", "-x", "@SUM(A1)", "\tTab"])).toBe("'=1+1;'+49 151;'-x;'@SUM(A1);'\tTab\r\n");
  });
});

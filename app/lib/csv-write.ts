// Writing CSV for spreadsheets used in German offices: semicolons, CRLF, quotes where needed, and no cell that a
// spreadsheet would run as a formula (OWASP "CSV injection": a leading = + - @ or tab is defused with a quote mark).
export const CSV_BOM = "\uFEFF";

function cell(value: string | number | null | undefined): string {
  let text = value == null ? "" : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[";\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One line, ending in CRLF as RFC 4180 says. */
export const csvLine = (cells: (string | number | null | undefined)[]): string => `${cells.map(cell).join(";")}\r\n`;

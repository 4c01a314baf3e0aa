// Writes the record of processing (docs/privacy/verarbeitungsverzeichnis.md) from app/capabilities/privacy/data-classes.ts.
// Run after changing the schema's personal data: `npx tsx scripts/record-of-processing.ts`; a unit test checks it is current.
import fs from "node:fs";
import { DATA_CLASSES } from "~/capabilities/privacy/data-classes";

export function recordOfProcessing(): string {
  const rows = DATA_CLASSES.map(
    (c) => `| ${c.model} | ${c.purpose} | ${c.subjects.join(", ") || "–"} | ${c.fields.map((f) => `\`${f}\``).join(", ") || "–"} | ${c.retention} |`,
  );
  return [
    "# Verzeichnis der Verarbeitungstätigkeiten (Art. 30 DSGVO) – Datenbestand",
    "",
    "Erzeugt aus `app/capabilities/privacy/data-classes.ts` mit `npx tsx scripts/record-of-processing.ts`; ein Test prüft,",
    "dass jede Tabelle des Schemas und jedes personenbezogen klingende Feld hier steht. Nicht ändern, sondern neu erzeugen.",
    "",
    "| Tabelle | Zweck | Betroffene | Personenbezogene Felder | Aufbewahrung heute |",
    "|---|---|---|---|---|",
    ...rows,
    "",
    "## Technische und organisatorische Maßnahmen (Art. 32 DSGVO), soweit die Anwendung sie trifft",
    "",
    "- Verschlüsselung im Ruhezustand: Datenbankdatei und Write-Ahead-Log mit ChaCha20-Poly1305 (SQLite3 Multiple Ciphers);",
    "  Schlüssel aus `DATABASE_KEY` oder einer Schlüsseldatei, getrennt von Sicherungen aufzubewahren, Wechsel mit `npm run db:rekey`.",
    "- Gelöschte Zeilen werden überschrieben (`PRAGMA secure_delete`), nicht nur als frei markiert.",
    "- Zugriff nur nach Rolle und Standort (eine Berechtigungsprüfung); jeder Blick auf und jede Änderung an Personendaten",
    "  steht im Zugriffsprotokoll (`/team/audit`).",
    "- Keine personenbezogenen Daten in Protokollen (Logs) und Adressen (URLs); private Seiten werden nicht im Browser gespeichert.",
    "",
  ].join("\n");
}

if (process.argv[1]?.endsWith("record-of-processing.ts")) {
  fs.writeFileSync("docs/privacy/verarbeitungsverzeichnis.md", recordOfProcessing());
  console.log("docs/privacy/verarbeitungsverzeichnis.md written");
}

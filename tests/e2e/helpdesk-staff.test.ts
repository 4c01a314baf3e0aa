// The staff side of the helpdesk in the browser: phone intake by keyboard, working a ticket to the end, wrong
// input, the working views and the search, and who may open what.
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { baseUrl, newPage, tabTo, useBrowser, waitForHydration, useStaffPages } from "../helpers/browser";

const browser = useBrowser();

/** Six characters from the code alphabet (no 0/O, 1/I/L, 2/Z, 5/S, 8/B). */
const REFERENCE = /^[34679ACDEFGHJKMNPQRTUVWXY]{6}$/;
const spelled = (reference: string) => reference.split("").join(" ");

// Sign-ins are rate-limited per address, and the whole browser suite comes from one: each role signs in once
// per file, later pages reuse its session cookie (in their own context, with their own language).
const staffPage = useStaffPages(browser);

/** The intake page after looking up `phone` (typed as given). */
async function lookUp(page: Page, phone: string, { js = true } = {}): Promise<void> {
  await page.goto("/team/tickets/new");
  if (js) await waitForHydration(page);
  await page.locator('input[name="phone"]').fill(phone);
  await page.locator('form#intake-lookup button[type="submit"]').click();
  await page.locator("#intake-caller-heading").waitFor();
}

/** Takes a ticket with the mouse (the keyboard journey has its own test); returns its id and reference. */
async function openTicket(page: Page, input: { phone: string; firstName?: string; description: string }) {
  await lookUp(page, input.phone);
  if (input.firstName) await page.locator('input[name="person.firstName"]').fill(input.firstName);
  await page.locator('textarea[name="description"]').fill(input.description);
  await Promise.all([
    page.waitForURL(/\/team\/tickets\/[^/?]+\?created=1$/),
    page.locator('form#intake button[type="submit"]').click(),
  ]);
  const reference = ((await page.locator(".ticket-reference").textContent()) ?? "").trim();
  return { id: new URL(page.url()).pathname.split("/").pop()!, reference };
}

/** Every reference in a view, following the pagination to its end. */
async function referencesInView(page: Page): Promise<string[]> {
  const references: string[] = [];
  for (;;) {
    references.push(...(await page.locator(".ticket-reference-link").allTextContents()));
    const next = page.locator('.pagination a[rel="next"]');
    if ((await next.count()) === 0) return references;
    await page.goto(new URL((await next.getAttribute("href"))!, page.url()).toString());
  }
}

/** Searches from the list page; returns the references found. */
async function search(page: Page, q: string): Promise<string[]> {
  await page.goto("/team/tickets");
  await waitForHydration(page);
  await page.locator('input[name="q"]').fill(q);
  await Promise.all([page.waitForURL(/[?&]search=/), page.locator('form#ticket-search button[type="submit"]').click()]);
  await page.locator("caption", { hasText: "Suchergebnis" }).waitFor();
  return page.locator(".ticket-reference-link").allTextContents();
}

async function outboxText(): Promise<string> {
  const page = await staffPage("coordinator");
  await page.goto("/team/outbox");
  return (await page.locator("main").textContent()) ?? "";
}

/** Waits for the error summary (an alert) to list `message` as a link to its field. */
async function errorSummaryWith(page: Page, message: string): Promise<void> {
  await page.getByRole("alert").locator("a", { hasText: message }).waitFor();
}

const timelineEntry = (page: Page, text: string) => page.locator(".timeline__item", { hasText: text });

describe("helpdesk for staff", () => {
  it("a librarian takes a phone ticket by keyboard alone; the caller gets the reference", async () => {
    // Signing in by keyboard is tested in staff-sign-in.test.ts; the journey starts on the staff home.
    const page = await staffPage("librarian");
    await page.goto("/team");
    await waitForHydration(page);

    await tabTo(page, 'nav a[href="/team/tickets"]');
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/team\/tickets$/);
    await tabTo(page, 'a[href="/team/tickets/new"]');
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/team\/tickets\/new$/);

    // The number field has the focus on arrival: type what the caller says (Heinz, a seed person's landline).
    await page.waitForFunction(() => document.activeElement?.getAttribute("name") === "phone");
    await page.keyboard.type("0421 / 98 76 54-3");
    await page.keyboard.press("Enter");
    await expect(page.locator("#intake-caller-heading").textContent()).resolves.toBe("Bekannt: Heinz K.");
    expect(new URL(page.url()).search).toBe("");

    // Known caller: straight to the problem.
    await page.waitForFunction(() => document.activeElement?.getAttribute("name") === "description");
    await page.keyboard.type("Das Telefon zeigt keine neuen Nachrichten mehr an.");
    await tabTo(page, 'select[name="priority"]');
    await page.keyboard.press("ArrowDown"); // Normal → Hoch
    await tabTo(page, 'input[name="callbackWanted"]');
    await page.keyboard.press("Space");
    await tabTo(page, 'form#intake button[type="submit"]');
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/team\/tickets\/[^/?]+\?created=1$/);

    const reference = ((await page.locator(".ticket-reference").textContent()) ?? "").trim();
    expect(reference).toMatch(REFERENCE);
    await expect(page.locator(".ticket-spelled").textContent()).resolves.toContain(spelled(reference));
    // The confirmation takes the focus, so the next Tab starts there.
    await page.waitForFunction(() => document.activeElement?.classList.contains("ticket-created"));
    const facts = (await page.locator(".ticket-facts").textContent()) ?? "";
    expect(facts).toContain("Heinz K.");
    expect(facts).toContain("Hoch");
    expect(facts).toContain("Telefon");
    expect(facts).toContain("Stadtbibliothek");
    // The wish is handed over: a callback linked to the ticket, planned in the callback hours (or waiting for someone).
    expect(facts).toMatch(/Rückruf gewünscht\s*Rückruf [34679ACDEFGHJKMNPQRTUVWXY]{6}: (Geplant, .+|Braucht jemanden)/);

    // Heinz has a landline: the reference goes out as a voice message, spelled out.
    expect(await outboxText()).toContain(`Ihre Vorgangsnummer ist: ${spelled(reference)}`);
  });

  it("a volunteer notes, replies, records a call, sets a follow-up and resolves; the timeline shows each", async () => {
    const page = await staffPage("volunteer");
    const { reference } = await openTicket(page, {
      phone: "0157 7100 0002",
      firstName: "Erika",
      description: "Mein Tablet zeigt nur noch einen schwarzen Bildschirm.",
    });

    await page.locator("#ticket-note-body").fill("Ladegerät mitbringen lassen");
    await page.locator('form#ticket-note button[type="submit"]').click();
    const note = timelineEntry(page, "Ladegerät mitbringen lassen");
    await note.waitFor();
    expect(await note.textContent()).toContain("Interne Notiz");
    expect(await note.locator(".tag").textContent()).toBe("Intern");
    expect(await note.getAttribute("class")).toContain("timeline__item--internal");
    expect(await page.locator("#ticket-note-body").inputValue()).toBe("");
    await expect(page.locator("form#ticket-note [role=status]").textContent()).resolves.toBe("Die Notiz ist gespeichert.");

    const replyText = "Guten Tag, wir rufen Sie morgen um 10 Uhr an.";
    await page.locator("#ticket-reply-body").fill(replyText);
    await page.locator('form#ticket-reply button[type="submit"]').click();
    const reply = timelineEntry(page, replyText);
    await reply.waitFor();
    expect(await reply.textContent()).toContain("Nachricht an die Person");
    expect(await reply.locator(".tag").count()).toBe(0); // the citizen got it: not internal

    await page.locator("form#ticket-call label", { hasText: /^Erreicht$/ }).click();
    expect(await page.getByRole("radio", { name: "Erreicht", exact: true }).isChecked()).toBe(true);
    await page.locator("#ticket-call-note").fill("Hat den Einschaltknopf gefunden");
    await page.locator('form#ticket-call button[type="submit"]').click();
    const call = timelineEntry(page, "Hat den Einschaltknopf gefunden");
    await call.waitFor();
    expect(await call.textContent()).toContain("Anruf: Erreicht");
    expect(await page.getByRole("radio", { name: "Erreicht", exact: true }).isChecked()).toBe(false);

    await page.locator('#ticket-pending-until [role="spinbutton"]').first().click();
    await page.keyboard.type("01122099");
    await page.locator("#ticket-pending-note").fill("Wartet auf den neuen Akku");
    await page.locator('form#ticket-pending button[type="submit"]').click();
    const pending = timelineEntry(page, "Wartet auf den neuen Akku");
    await pending.waitFor();
    expect(await pending.textContent()).toContain("Wiedervorlage gesetzt");
    expect(await pending.textContent()).toContain("01.12.2099");

    // The reply made the ticket wait for Erika; now it is solved.
    await page.locator("#ticket-status-status").selectOption("resolved");
    await page.locator('form#ticket-status button[type="submit"]').click();
    await timelineEntry(page, "Status: Wartet auf Antwort der Person → Gelöst").waitFor();
    expect(await page.locator(".ticket-facts").textContent()).toMatch(/Status\s*Gelöst/);
    expect(await page.locator("#ticket-status-status option").allTextContents()).toEqual(["In Bearbeitung", "Abgeschlossen"]);

    const outbox = await outboxText();
    expect(outbox).toContain(`${replyText} – Digitale Ambulanz, Vorgang ${reference}`);
    expect(outbox).not.toContain("Ladegerät mitbringen lassen");
  });

  it("a librarian links a help article in a reply and takes the ticket herself; the SMS carries the address, the timeline shows both", async () => {
    const page = await staffPage("librarian");
    const { reference } = await openTicket(page, {
      phone: "0157 7100 0011",
      firstName: "Helga",
      description: "Ich finde das WLAN-Passwort nicht.",
    });
    const replyText = "Schauen Sie bitte auf den Aufkleber am Router.";
    await page.locator("#ticket-reply-body").fill(replyText);
    const choice = page.locator("#ticket-reply-article");
    expect(await choice.locator("option").allTextContents()).toEqual(
      expect.arrayContaining(["Keine Anleitung", "WLAN am Tablet einrichten"]),
    );
    await choice.selectOption({ label: "WLAN am Tablet einrichten" });
    await page.locator('form#ticket-reply button[type="submit"]').click();
    const reply = timelineEntry(page, replyText);
    await reply.waitFor();
    expect(await reply.textContent()).toContain(`WLAN am Tablet einrichten: ${baseUrl()}/help/wlan-einrichten`);
    // The form empties itself, the choice included.
    expect(await choice.inputValue()).toBe("");

    // She takes it herself, in her library's queue: the timeline says so, and it is under "Meine".
    await page.locator("#ticket-assign-assigneeId").selectOption({ label: "Maria Schulz" });
    await page.locator("#ticket-assign-locationId").selectOption({ label: "Stadtbibliothek Bremen – Zentralbibliothek" });
    await page.locator('form#ticket-assign button[type="submit"]').click();
    const assigned = timelineEntry(page, "Zugewiesen an Maria Schulz");
    await assigned.waitFor();
    expect(await assigned.textContent()).toContain("Standort: Stadtbibliothek Bremen");
    expect(await page.locator(".ticket-facts").textContent()).toMatch(/Zuständig\s*Maria Schulz/);
    await page.goto("/team/tickets?view=mine");
    expect(await referencesInView(page)).toContain(reference);

    const outbox = await outboxText();
    expect(outbox).toContain(`${replyText} Anleitung „WLAN am Tablet einrichten“: ${baseUrl()}/help/wlan-einrichten – Digitale Ambulanz, Vorgang ${reference}`);

    // Helga checks the status without JavaScript: the reply, with the guide as a link she can follow.
    const citizen = await newPage(browser(), { javaScript: false });
    await citizen.goto("/status");
    await citizen.locator('input[name="reference"]').fill(reference);
    await citizen.locator('input[name="phoneLast4"]').fill("0011");
    await citizen.getByRole("button", { name: "Stand prüfen" }).click();
    const result = citizen.locator("section[aria-labelledby=result-heading]");
    await expect(result.textContent()).resolves.toContain(replyText);
    const guide = result.getByRole("link", { name: `${baseUrl()}/help/wlan-einrichten` });
    await Promise.all([citizen.waitForURL(/\/help\/wlan-einrichten$/), guide.click()]);
    await expect(citizen.locator("h1").textContent()).resolves.toContain("WLAN am Tablet einrichten");
    await citizen.context().close();
  });

  it("refuses bad input with a 400, a translated message and no ticket; markup stays text", async () => {
    const page = await staffPage("librarian", { javaScript: false });
    const post = () => page.waitForResponse((r) => r.request().method() === "POST");

    await page.goto("/team/tickets/new");
    await page.locator('input[name="phone"]').fill("0421 12");
    const [impossible] = await Promise.all([post(), page.locator('form#intake-lookup button[type="submit"]').click()]);
    expect(impossible.status()).toBe(400);
    await errorSummaryWith(page, "Diese Telefonnummer können wir nicht erreichen");
    expect(await page.title()).toMatch(/^Fehler: /);
    expect(await page.locator('input[name="phone"]').getAttribute("aria-invalid")).toBe("true");

    await lookUp(page, "0157 7100 0003", { js: false });
    await expect(page.locator("#intake-caller-heading").textContent()).resolves.toContain("Neue Person");
    await page.locator('input[name="person.firstName"]').fill("Walter");
    const [empty] = await Promise.all([post(), page.locator('form#intake button[type="submit"]').click()]);
    expect(empty.status()).toBe(400);
    await errorSummaryWith(page, "Beschreiben Sie bitte kurz, wobei Sie Hilfe brauchen.");
    expect(await page.locator('textarea[name="description"]').getAttribute("aria-invalid")).toBe("true");
    expect(await page.locator('input[name="person.firstName"]').inputValue()).toBe("Walter");

    await page.locator('textarea[name="description"]').fill("x".repeat(10_000));
    const [long] = await Promise.all([post(), page.locator('form#intake button[type="submit"]').click()]);
    expect(long.status()).toBe(400);
    await errorSummaryWith(page, "Die Beschreibung ist zu lang");

    // Nothing was created: the number is still unknown.
    await lookUp(page, "0157 7100 0003", { js: false });
    await expect(page.locator("#intake-caller-heading").textContent()).resolves.toContain("Neue Person");

    // Markup in a description is shown as the characters it is, with and without JavaScript.
    const jsPage = await staffPage("librarian");
    const dialogs: string[] = [];
    jsPage.on("dialog", (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    const markup = "<script>alert(1)</script><b>fett</b>";
    await openTicket(jsPage, { phone: "0157 7100 0004", firstName: "Klaus", description: markup });
    for (const load of ["client", "server"]) {
      if (load === "server") await jsPage.reload();
      await expect(jsPage.locator(".ticket-description").textContent()).resolves.toBe(markup);
      expect(await jsPage.locator(".ticket-description script, .ticket-description b").count()).toBe(0);
    }
    expect(dialogs).toEqual([]);
  });

  it("a new unassigned ticket is under 'Nicht zugewiesen' and found by its reference and by phone", async () => {
    const page = await staffPage("librarian");
    const { reference } = await openTicket(page, { phone: "0157 7100 0005", firstName: "Ilse", description: "Wie richte ich WhatsApp ein?" });

    await page.goto("/team/tickets");
    await waitForHydration(page);
    await page.locator(".view-tabs a", { hasText: "Nicht zugewiesen" }).click();
    await page.locator('.view-tabs a[aria-current="page"]', { hasText: "Nicht zugewiesen" }).waitFor();
    await page.locator("caption", { hasText: "Nicht zugewiesen" }).waitFor();
    expect(await referencesInView(page)).toContain(reference);

    await page.goto("/team/tickets?view=mine");
    expect(await referencesInView(page)).not.toContain(reference);

    // As a caller reads it out: lower case, with spaces.
    expect(await search(page, spelled(reference).toLowerCase())).toEqual([reference]);
    expect([...new URL(page.url()).searchParams.keys()].sort()).toEqual(["search", "view"]);

    // By phone, in another German format than it was typed in: the number never reaches the URL.
    expect(await search(page, "+49 (0)157 71000005")).toEqual([reference]);
    expect(page.url()).not.toMatch(/157|71000005/);
    expect(await search(page, "0049 157-7100 0005")).toEqual([reference]);
  });

  it("a volunteer cannot open or change a ticket of a location they do not belong to", async () => {
    const librarian = await staffPage("librarian");
    const { id, reference } = await openTicket(librarian, { phone: "0157 7100 0006", firstName: "Hans", description: "Drucker verbinden" });

    const volunteer = await staffPage("volunteer");
    const response = await volunteer.goto(`/team/tickets/${id}`);
    expect(response?.status()).toBe(403);
    await expect(volunteer.locator("h1").textContent()).resolves.toBe("Kein Zugriff");

    const change = await volunteer.request.post(`/team/tickets/${id}`, {
      form: { intent: "note", body: "Darf ich nicht" },
      headers: { Origin: baseUrl() },
    });
    expect(change.status()).toBe(403);
    expect(await search(volunteer, reference)).toEqual([]);

    // The librarian's own view is unchanged: no note from the volunteer.
    await librarian.goto(`/team/tickets/${id}`);
    expect(await librarian.locator(".timeline").textContent()).not.toContain("Darf ich nicht");
  });
});

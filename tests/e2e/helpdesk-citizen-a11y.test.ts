// axe (WCAG 2.2 AA) finds nothing on the citizen helpdesk pages (in every state a person can see them), the help
// articles and the staff pages that maintain articles and categories — in every shipped language.
// Citizen pages ship no scripts, so their DOM is the same with JavaScript on; axe itself needs it to run.
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "~/db.server";
import { newReferenceCode } from "~/lib/reference-code";
import { expectNoAxeViolations, LANGUAGES, newPage, sharedApp, signIn, useBrowser, waitForHydration } from "../helpers/browser";

const browser = useBrowser();

// One new mobile number per language: reports are limited per number.
const PHONES = { de: "0151 20000001", en: "0151 20000002", ar: "0151 20000003" } as const;
const STATUS_PHONES = { de: "0151 20000011", en: "0151 20000012", ar: "0151 20000013" } as const;

// A report with its call (one reference), a callback, an appointment and two tablet places (waiting, offered) per language, written straight into the app's
// database: each is a result state of /status (clicking them together through four forms would test nothing more).
const KIND_PHONES = { de: "+4915120000021", en: "+4915120000022", ar: "+4915120000023" } as const;
const KINDS = ["ticketWithCall", "callback", "appointment", "waiting", "offered"] as const;
const references: Record<string, Record<(typeof KINDS)[number], string>> = {};

beforeAll(async () => {
  const db = await openDatabase(sharedApp().databaseUrl);
  try {
    const centre = await db.location.findUniqueOrThrow({ where: { slug: "bz-vahr" } });
    const soon = (days: number) => new Date(Date.now() + days * 86_400_000);
    for (const lng of LANGUAGES) {
      const person = await db.person.create({ data: { firstName: "Samira", phone: KIND_PHONES[lng], phoneType: "mobile", language: lng } });
      const codes = { ticketWithCall: newReferenceCode(), callback: newReferenceCode(), appointment: newReferenceCode(), waiting: newReferenceCode(), offered: newReferenceCode() };
      const ticket = await db.ticket.create({ data: { reference: codes.ticketWithCall, personId: person.id, channel: "web", description: "Kein WLAN", callbackWanted: true } });
      await db.callback.create({
        data: { reference: codes.ticketWithCall, personId: person.id, channel: "web", status: "scheduled", scheduledAt: soon(1), ticketId: ticket.id },
      });
      await db.callback.create({ data: { reference: codes.callback, personId: person.id, channel: "web", status: "scheduled", scheduledAt: soon(1) } });
      await db.appointment.create({
        data: { reference: codes.appointment, personId: person.id, locationId: centre.id, startsAt: soon(2), endsAt: soon(2.02), pool: "web", channel: "web" },
      });
      // Waiting at the care home, which has no free tablet: at the centre the offers job would hold a free tablet
      // for Samira within a minute, and the lending journeys lend those tablets by their tags.
      const other = await db.location.findFirstOrThrow({ where: { kind: "care_home" } });
      await db.reservation.create({ data: { reference: codes.waiting, personId: person.id, locationId: other.id, channel: "web", position: 1000 } });
      await db.reservation.create({
        data: { reference: codes.offered, personId: person.id, locationId: other.id, channel: "web", position: 1000, status: "offered", offeredAt: new Date(), offerExpiresAt: soon(3) },
      });
      references[lng] = codes;
    }
  } finally {
    await db.$disconnect();
  }
});

async function submit(page: Page): Promise<number> {
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === "POST"),
    page.locator('main form button[type="submit"]').last().click(),
  ]);
  await page.waitForLoadState();
  return response.status();
}

describe.each(LANGUAGES)("helpdesk pages in %s", (lng) => {
  it("reporting a problem: empty, with errors, and the confirmation", async () => {
    const page = await newPage(browser(), { lng });
    await page.goto("/report");
    await expectNoAxeViolations(page);

    expect(await submit(page)).toBe(400);
    await page.getByRole("alert").waitFor();
    await expectNoAxeViolations(page);

    await page.locator('input[name="firstName"]').fill("Gisela");
    await page.locator('input[name="phone"]').fill(PHONES[lng]);
    await page.locator('textarea[name="description"]').fill("Mein Tablet lädt nicht mehr.");
    await page.locator('select[name="categoryId"]').selectOption({ index: 2 });
    // With the callback wish: the confirmation also says when we call.
    const wish = page.locator('input[name="callbackWanted"]');
    await page.locator("label.checkboxes__label").filter({ has: wish }).click();
    expect(await wish.isChecked()).toBe(true);
    expect(await submit(page)).toBe(302);
    expect(new URL(page.url()).pathname).toBe("/report/done");
    expect(await page.locator(".callback-panel").count()).toBe(1);
    await expectNoAxeViolations(page);
  });

  it("checking the status: empty, with errors, not found, and with a result", async () => {
    const page = await newPage(browser(), { lng });
    // A report of our own to look up.
    await page.goto("/report");
    await page.locator('input[name="firstName"]').fill("Yusuf");
    await page.locator('input[name="phone"]').fill(STATUS_PHONES[lng]);
    await page.locator('textarea[name="description"]').fill("WhatsApp zeigt keine Nachrichten.");
    expect(await submit(page)).toBe(302);
    const reference = (await page.locator(".reference-panel__code").textContent()) ?? "";

    await page.goto("/status");
    await expectNoAxeViolations(page);

    expect(await submit(page)).toBe(400);
    await page.getByRole("alert").waitFor();
    await expectNoAxeViolations(page);

    await page.locator('input[name="reference"]').fill(reference);
    await page.locator('input[name="phoneLast4"]').fill("0000");
    expect(await submit(page)).toBe(400);
    await expectNoAxeViolations(page);

    await page.goto("/status");
    await page.locator('input[name="reference"]').fill(reference);
    await page.locator('input[name="phoneLast4"]').fill(STATUS_PHONES[lng].slice(-4));
    expect(await submit(page)).toBe(200);
    await page.locator("#result-heading").waitFor();
    await expectNoAxeViolations(page);
  });

  it.each(KINDS)("the status result: %s", async (kind) => {
    const page = await newPage(browser(), { lng });
    await page.goto("/status");
    await page.locator('input[name="reference"]').fill(references[lng]![kind]);
    await page.locator('input[name="phoneLast4"]').fill(KIND_PHONES[lng].slice(-4));
    expect(await submit(page)).toBe(200);
    await page.locator("#result-heading").waitFor();
    await expectNoAxeViolations(page);
  });

  it("the help articles, one article and its Leichte Sprache version", async () => {
    const page = await newPage(browser(), { lng });
    for (const path of ["/help", "/help/wlan-einrichten", "/help/wlan-einrichten/leichte-sprache"]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(200);
      await expectNoAxeViolations(page);
    }
  });

  it("the staff pages for articles and categories, also with errors", async () => {
    const page = await newPage(browser(), { lng });
    await signIn(page, "admin");
    for (const path of ["/team/articles", "/team/articles/new", "/team/categories"]) {
      await page.goto(path);
      await waitForHydration(page);
      await expectNoAxeViolations(page);
    }

    await page.goto("/team/articles");
    await waitForHydration(page);
    await page.locator("main table a").first().click();
    await page.locator('input[name="slug"]').waitFor();
    await waitForHydration(page);
    await expectNoAxeViolations(page);

    await page.goto("/team/articles/new");
    await waitForHydration(page);
    await page.locator('main form button[type="submit"]').click();
    await page.getByRole("alert").waitFor();
    await expectNoAxeViolations(page);

    await page.goto("/team/categories");
    await waitForHydration(page);
    await page.locator('main form button[value="create"]').click();
    await page.getByRole("alert").waitFor();
    await expectNoAxeViolations(page);
  });
});

// Volunteers' work without a connection, with the real service worker: a check-out and a mentoring-session note
// made offline wait on the device ("N waiting"), then are sent exactly once when the connection is back; a
// check-out that meanwhile became impossible (someone else lent the device) is reported with what to do next.
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { expectNoAxeViolations, newPage, signIn, tabTo, useBrowser, useStaffPages, waitForHydration } from "../helpers/browser";
import { fillCheckOut } from "../helpers/lending-e2e";
import { controlledByWorker, readyForOffline } from "./offline-helpers";

const browser = useBrowser();
const staffPage = useStaffPages(browser);

const unique = () => Math.random().toString(36).slice(2, 7).toUpperCase();
const phone = () => `0151 ${String(Math.floor(1000 + Math.random() * 8999))} ${String(Math.floor(1000 + Math.random() * 8999))}`;

/** A device of our own at Begegnungszentrum Vahr, so no other test's devices are touched. */
async function newDevice(page: Page): Promise<string> {
  const tag = `OFF-${unique()}`;
  await page.goto("/team/devices/new");
  await waitForHydration(page);
  await page.locator("#device-new-locationId").selectOption({ label: "Begegnungszentrum Vahr" });
  await page.locator("#device-new-assetTag").fill(tag);
  await page.locator("#device-new-model").fill("Lenovo Tab M10");
  await Promise.all([page.waitForURL(/\/team\/devices\/[^/?]+\?created=1$/), page.locator('form#device-new button[type="submit"]').click()]);
  return tag;
}

const waiting = (page: Page) => page.locator(".offline-status__waiting");

/** A phone ticket: the caller is looked up with a connection, then the line drops while the problem is written down. */
async function ticketTakenOffline(page: Page, firstName: string, description: string) {
  const caller = phone();
  await page.goto("/team/tickets/new");
  await waitForHydration(page);
  await page.locator('input[name="phone"]').fill(caller);
  await page.locator('form#intake-lookup button[type="submit"]').click();
  await page.locator("#intake-caller-heading").waitFor();
  await page.context().setOffline(true);
  await page.locator('input[name="person.firstName"]').fill(firstName);
  await page.locator('textarea[name="description"]').fill(description);
  await Promise.all([page.waitForURL(/\/team\/today\?saved=offline$/), page.locator('form#intake button[type="submit"]').click()]);
  await waiting(page).waitFor();
  return caller;
}

describe("offline actions", () => {
  it("a check-out and a session note made offline are kept, then sent exactly once when online again", async () => {
    const page = await staffPage("coordinator", { serviceWorkers: true });
    const tag = await newDevice(page);
    const firstName = `Offlina${unique().toLowerCase()}`;
    await readyForOffline(page, ["/team/today", "/team/loans"]);

    // The connection drops while the details are filled in: the check-out is kept on the device.
    await fillCheckOut(page, { phone: phone(), firstName, assetTag: tag });
    await page.context().setOffline(true);
    await Promise.all([page.waitForURL(/\/team\/loans\?saved=offline$/), page.locator("form#loan-details button[type=submit]").click()]);
    await waiting(page).waitFor();
    expect(await waiting(page).innerText()).toContain("Auf diesem Gerät gespeichert – wird gesendet, sobald Sie online sind (1 wartet).");
    expect(await page.locator('[aria-live="polite"]').filter({ has: waiting(page) }).count()).toBe(1);

    // Back online: sent once, the device is lent to her.
    await page.context().setOffline(false);
    await page.locator(".offline-status__sent").waitFor();
    await page.goto("/team/loans");
    await waitForHydration(page);
    const rows = page.locator("main tr", { hasText: tag });
    await expect(rows.count()).resolves.toBe(1);
    expect(await rows.innerText()).toContain(firstName);
    const loanPath = (await rows.locator(`a[href^="/team/loans/"]`).first().getAttribute("href"))!;

    // A mentoring session noted offline on that loan.
    await readyForOffline(page, [loanPath, `${loanPath}/sessions/new`]);
    await page.context().setOffline(true);
    await page.locator("#session-new-time [role=spinbutton]").first().click();
    await page.keyboard.type("0005");
    await page.locator('input[name="topics"]').first().check({ force: true });
    await page.locator('input[name="attendance"][value="attended"]').check({ force: true });
    await page.locator('textarea[name="notes"]').fill("Offline notiert: WLAN im Zimmer eingerichtet.");
    await Promise.all([
      page.waitForURL(new RegExp(`${loanPath}\\?saved=offline$`)),
      page.locator('form#session-new button[type="submit"]').click(),
    ]);
    await waiting(page).waitFor();
    expect(await waiting(page).innerText()).toContain("(1 wartet)");

    await page.context().setOffline(false);
    await page.locator(".offline-status__sent").waitFor();
    // Asking the worker again sends nothing twice.
    await page.evaluate(() => new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = resolve;
      navigator.serviceWorker.controller!.postMessage({ type: "REPLAY" }, [channel.port2]);
    }));
    await page.goto(loanPath);
    await waitForHydration(page);
    const sessions = page.locator('section[aria-labelledby="loan-sessions-heading"] li');
    await expect(sessions.count()).resolves.toBe(1);
    expect(await sessions.innerText()).toMatch(/00:05[\s\S]*Teilgenommen/);
    await page.context().close();
  });

  it("an offline check-out of a device someone else lent meanwhile is reported, with a way to do it again", async () => {
    const page = await staffPage("coordinator", { serviceWorkers: true });
    const tag = await newDevice(page);
    await readyForOffline(page, ["/team/today", "/team/loans"]);
    await fillCheckOut(page, { phone: phone(), firstName: "Konrad", assetTag: tag });
    await page.context().setOffline(true);
    await Promise.all([page.waitForURL(/\/team\/loans\?saved=offline$/), page.locator("form#loan-details button[type=submit]").click()]);
    await waiting(page).waitFor();

    // Meanwhile at the desk, with a connection: the same device goes to someone else.
    const desk = await staffPage("coordinator");
    await fillCheckOut(desk, { phone: phone(), firstName: "Hiltrud", assetTag: tag });
    await Promise.all([desk.waitForURL(/\/team\/loans\/[^/?]+\?created=1$/), desk.locator("form#loan-details button[type=submit]").click()]);
    await desk.context().close();

    await page.context().setOffline(false);
    const conflicts = page.locator('section[aria-labelledby="offline-conflicts-heading"]');
    await conflicts.waitFor();
    const text = await conflicts.innerText();
    expect(text).toContain("Nicht gespeichert – bitte prüfen");
    expect(text).toContain("Ausleihe");
    expect(text).toMatch(/Grund: .*(ausgeliehen|nicht ausgeliehen werden)/);
    expect(await conflicts.locator('a[href="/team/loans/new"]').innerText()).toBe("Noch einmal eingeben");
    await expect(waiting(page).count()).resolves.toBe(0);
    await expectNoAxeViolations(page);

    // Still listed on the next page, until the volunteer removes it.
    await page.goto("/team/today");
    await waitForHydration(page);
    await conflicts.waitFor();
    await tabTo(page, 'section[aria-labelledby="offline-conflicts-heading"] button', 80);
    await page.keyboard.press("Enter");
    await conflicts.waitFor({ state: "detached" });
    await page.context().close();
  });

  it("a new request and a return with its checklist, both made offline, are sent once each", async () => {
    const page = await staffPage("coordinator", { serviceWorkers: true });
    const tag = await newDevice(page);
    await fillCheckOut(page, { phone: phone(), firstName: "Ingeborg", assetTag: tag });
    await Promise.all([page.waitForURL(/\/team\/loans\/[^/?]+\?created=1$/), page.locator("form#loan-details button[type=submit]").click()]);
    const loanPath = new URL(page.url()).pathname;
    await readyForOffline(page, ["/team/today", loanPath, `${loanPath}/check-in`]);

    // The caller is looked up with a connection; the line drops while the problem is written down.
    const caller = await ticketTakenOffline(page, "Waltraud", "Offline aufgenommen: Tablet lädt nicht.");
    expect(await waiting(page).innerText()).toContain("(1 wartet)");

    // Still offline: the return, from the check-in page kept on this device.
    await page.goto(`${loanPath}/check-in`);
    await waitForHydration(page);
    for (const [name, value] of [
      ["accessoriesComplete", "yes"],
      ["condition", "good"],
      ["factoryReset", "yes"],
      ["accountRemoved", "yes"],
      ["sim", "deactivated"],
      ["outcome", "returned"],
    ]) {
      const radio = page.locator(`input[name="${name}"][value="${value}"]`);
      if (await radio.count()) await radio.check({ force: true });
    }
    await Promise.all([
      page.waitForURL(new RegExp(`${loanPath}\\?saved=offline$`)),
      page.locator("form#loan-check-in button[type=submit]").click(),
    ]);
    await waiting(page).waitFor();
    expect(await waiting(page).innerText()).toContain("(2 warten)");

    await page.context().setOffline(false);
    await page.locator(".offline-status__sent").waitFor();
    await page.goto(loanPath);
    await waitForHydration(page);
    expect(await page.locator(".loan-facts").innerText()).toContain("Muss zurückgesetzt werden");
    await page.goto("/team/tickets/new");
    await waitForHydration(page);
    await page.locator('input[name="phone"]').fill(caller);
    await page.locator('form#intake-lookup button[type="submit"]').click();
    await page.locator("#intake-caller-heading").waitFor();
    expect(await page.locator("#intake-caller-heading").innerText()).toContain("Waltraud");
    await expect(page.locator(".phone-intake__caller li").count()).resolves.toBe(1);
    await page.context().close();
  });

  it("an entry waits for the person who made it: not sent in someone else's session, nor lost at their sign-out", async () => {
    const page = await newPage(browser(), { serviceWorkers: true });
    await signIn(page, "volunteer");
    await readyForOffline(page, ["/team/today"]);
    const caller = await ticketTakenOffline(page, "Hannelore", "Offline: E-Mail geht nicht.");

    // The volunteer's session ends meanwhile; back online, nothing is sent without her.
    await page.context().clearCookies({ name: "da_session" });
    await page.context().setOffline(false);
    await page.getByText("Sie wurden abgemeldet.").waitFor();

    // A coordinator signs in on the same tablet: the entry is not sent as theirs, and their sign-out keeps it.
    await signIn(page, "coordinator");
    await controlledByWorker(page);
    await page.getByText("1 Eintrag, den jemand anderes auf diesem Gerät gemacht hat, wartet").waitFor();
    await expect(waiting(page).count()).resolves.toBe(0);
    await Promise.all([page.waitForURL(/\/team\/sign-in/), page.locator("form.staff-signout button[type=submit]").click()]);

    // She signs in again: sent, once.
    await signIn(page, "volunteer");
    await controlledByWorker(page);
    await page.locator(".offline-status__sent").waitFor();
    await page.goto("/team/tickets/new");
    await waitForHydration(page);
    await page.locator('input[name="phone"]').fill(caller);
    await page.locator('form#intake-lookup button[type="submit"]').click();
    await page.locator("#intake-caller-heading").waitFor();
    expect(await page.locator("#intake-caller-heading").innerText()).toContain("Hannelore");
    await expect(page.locator(".phone-intake__caller li").count()).resolves.toBe(1);
    await page.context().close();
  }, 180_000); // three sign-ins and a replay through the service worker: slow on a busy machine
});

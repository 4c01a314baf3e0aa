// The consultation desk in the browser: a librarian books for a caller by keyboard alone and reads out the
// reference, finds the booking in the day view, moves it to another time and cancels it; the walk-in queue by
// keyboard; and a citizen joins a day's waiting list with JavaScript off — on a day of this file's own that it
// first books full.

import { describe, expect, it } from "vitest";
import { baseUrl, newPage, tabTo, useBrowser, waitForHydration, useStaffPages } from "../helpers/browser";
import { addOneOffHour, bookFirstPlace, dayAhead } from "../helpers/scheduling-e2e";

const browser = useBrowser();
const REFERENCE = /^[34679ACDEFGHJKMNPQRTUVWXY]{6}$/;

// Sign-ins are rate-limited per address: each role signs in once per file, later pages reuse its cookie.
const staffPage = useStaffPages(browser);

describe("the desk", () => {
  it("a librarian books for a caller by keyboard, finds it in the day view, moves it and cancels it", async () => {
    const page = await staffPage("librarian");
    await page.goto("/team/appointments/new");
    await waitForHydration(page);
    // The number field has focus on arrival: type, Tab past the place, Enter on "look up".
    await page.keyboard.type("0151 6123 4567");
    await tabTo(page, "form#desk-lookup button[type=submit]");
    await page.keyboard.press("Enter");
    await page.locator("#desk-caller-heading").waitFor();
    expect(await page.locator("#desk-caller-heading").textContent()).toBe("Neue anrufende Person");
    // The first name has focus; the first free phone place is already chosen: Enter books it.
    const firstChoice = page.locator('input[name="choice"]').first();
    expect(await firstChoice.isChecked()).toBe(true);
    await page.keyboard.type("Marta");
    // She also wants the reminder two hours before: Tab to it, Space, Tab to "book", Enter.
    await tabTo(page, 'form#desk-book input[name="wantsEarlyReminder"]');
    await page.keyboard.press("Space");
    await tabTo(page, "form#desk-book button[type=submit]");
    await Promise.all([page.waitForURL(/\/team\/appointments\/[^/?]+\?booked=1$/), page.keyboard.press("Enter")]);
    const reference = ((await page.locator(".reference-panel__code").textContent()) ?? "").trim();
    expect(reference).toMatch(REFERENCE);
    expect(await page.locator(".reference-panel__spelled-code").textContent()).toBe(reference.split("").join(" "));
    await expect(page.getByText("Telefon", { exact: true }).count()).resolves.toBeGreaterThan(0);
    await expect(page.getByText("Am Vortag und 2 Stunden vorher", { exact: true }).count()).resolves.toBe(1);
    // Not started yet: no outcome form, only cancelling.
    await expect(page.getByText("Was passiert ist, lässt sich ab Beginn des Termins festhalten.").count()).resolves.toBe(1);

    // The day view shows the booking with the caller's first name and the phone channel.
    await tabTo(page, "a.link--back");
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/team\/appointments\?location=/);
    await waitForHydration(page);
    const row = page.locator("tr", { hasText: "Marta" });
    await row.first().waitFor();
    await expect(row.count()).resolves.toBe(1);
    await expect(row.getByText("Telefon", { exact: true }).count()).resolves.toBe(1);

    // Marta calls again for another time: her number finds her and her booking, one Enter from its page. There
    // the next free place is chosen already; Enter on "move" books it and shows the new reference to read out.
    await page.goto("/team/appointments/new");
    await waitForHydration(page);
    await page.keyboard.type("0151 6123 4567");
    await tabTo(page, "form#desk-lookup button[type=submit]");
    await page.keyboard.press("Enter");
    await page.locator("#desk-upcoming-heading").waitFor();
    expect(await page.locator("#desk-caller-heading").textContent()).toContain("Marta");
    // The first name has focus; the booking is listed just before the form: Shift+Tab reaches it.
    const upcoming = page.locator(`.desk-booking__upcoming a:has-text("${reference}")`);
    for (let i = 0; i < 5 && !(await upcoming.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press("Shift+Tab");
    expect(await upcoming.evaluate((el) => el === document.activeElement)).toBe(true);
    await Promise.all([page.waitForURL(/\/team\/appointments\/[^/?]+$/), page.keyboard.press("Enter")]);
    await waitForHydration(page);
    const firstPath = new URL(page.url()).pathname;
    expect(await page.locator('form#desk-move input[name="choice"]').first().isChecked()).toBe(true);
    await tabTo(page, "form#desk-move button[type=submit]");
    await Promise.all([page.waitForURL((url) => url.search === "?booked=1" && url.pathname !== firstPath), page.keyboard.press("Enter")]);
    const moved = ((await page.locator(".reference-panel__code").textContent()) ?? "").trim();
    expect(moved).toMatch(REFERENCE);
    expect(moved).not.toBe(reference);
    await expect(page.getByText("Am Vortag und 2 Stunden vorher", { exact: true }).count()).resolves.toBe(1); // kept

    // Then cancel by keyboard: the place is free again.
    await page.goto(new URL(page.url()).pathname);
    await waitForHydration(page);
    await tabTo(page, "form button.button--danger");
    await page.keyboard.press("Enter");
    await page.getByRole("status").filter({ hasText: "Der Termin ist abgesagt" }).waitFor();
    await page.context().close();
  });

  it("a refused or incomplete booking comes back in the form with the next free places", async () => {
    const page = await staffPage("librarian");
    await page.goto("/team/appointments/new");
    await waitForHydration(page);
    await page.keyboard.type("12");
    await page.keyboard.press("Enter");
    await page.locator(".error-summary, [role=alert]").first().waitFor();
    await page.locator('input[name="phone"]').fill("0151 6123 4568");
    await page.locator("form#desk-lookup button[type=submit]").click();
    await page.locator("#desk-caller-heading").waitFor();
    // No first name: 400, the form comes back with the places.
    const [response] = await Promise.all([page.waitForResponse((r) => r.request().method() === "POST"), page.locator("form#desk-book button[type=submit]").click()]);
    expect(response.status()).toBe(400);
    await page.getByText("Vornamen", { exact: false }).first().waitFor();
    expect(await page.locator('input[name="choice"]').count()).toBeGreaterThan(0);
    await page.context().close();
  });

  it("runs the walk-in queue by keyboard: add two, call the next, done", async () => {
    const page = await staffPage("librarian");
    await page.goto("/team/walk-ins");
    await waitForHydration(page);
    for (const name of ["Erna", "Kurt"]) {
      await tabTo(page, 'form#walk-in input[name="displayName"]', 80);
      await page.keyboard.type(name);
      await tabTo(page, "form#walk-in button[type=submit]");
      await page.keyboard.press("Enter");
      await page.locator(".walk-ins__entry", { hasText: name }).waitFor();
    }
    const erna = page.locator(".walk-ins__entry", { hasText: "Erna" });
    const ernaNumber = Number(((await erna.locator("h3").textContent()) ?? "").match(/\d+/)![0]);
    await expect(page.locator(".walk-ins__entry", { hasText: "Kurt" }).getByText("wartet seit").count()).resolves.toBe(1);

    // "Call next" calls in arrival order (others may have come earlier today) until Erna's turn.
    const serving = page.locator(".walk-ins__serving");
    for (let i = 0; i < 5 && !((await serving.textContent()) ?? "").includes(`Nummer ${ernaNumber} – Erna`); i++) {
      const before = await serving.textContent();
      await tabTo(page, ".walk-ins__next button[type=submit]");
      await page.keyboard.press("Enter");
      await page.waitForFunction((text) => document.querySelector(".walk-ins__serving")?.textContent !== text, before);
    }
    await serving.filter({ hasText: `Nummer ${ernaNumber} – Erna` }).waitFor();
    await erna.locator(".tag", { hasText: "in Beratung" }).waitFor();

    await tabTo(page, `input[id="note-${await erna.locator("input[name=walkInId]").getAttribute("value")}"]`, 120);
    await page.keyboard.type("Fotos gesichert");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    await erna.locator(".tag", { hasText: "erledigt" }).waitFor();
    expect(await erna.locator("form").count()).toBe(0);
    await expect(page.getByText(/Durchschnittliche Wartezeit heute: \d+ Min\./).count()).resolves.toBe(1);
    await page.context().close();
  });
});

describe("the day's waiting list, without JavaScript", () => {
  it("points to free places while there are some; on the full day a citizen joins, keeps the reference, is told a second time they are on the list, staff add a caller, and a cancellation gives the place to the first waiting", async () => {
    // This file's own day: a Wednesday (no weekly hours there) with one online place, first free, then booked.
    const day = dayAhead(3, 7);
    const page = await newPage(browser(), { javaScript: false });
    // No hours that day yet: no form, a link to the list.
    await page.goto(`/book/stadtbibliothek/wait?day=${day.iso}`);
    await page.getByText("An diesem Tag gibt es keine Sprechstunde.").waitFor();
    expect(await page.locator("form#day-wait").count()).toBe(0);
    expect(await page.locator('main a[href="/book/stadtbibliothek"]').count()).toBe(1);

    const staff = await staffPage("librarian");
    await addOneOffHour(staff, day);
    await staff.context().close();

    await page.goto(`/book/stadtbibliothek/wait?day=${day.iso}`);
    expect(await page.locator("script[type=module]").count()).toBe(0);
    // Still a free place: no form, a link to the week that shows it.
    expect(await page.locator("form#day-wait").count()).toBe(0);
    await page.getByText("An diesem Tag sind noch Termine frei").waitFor();
    await Promise.all([page.waitForURL(new RegExp(`/book/stadtbibliothek\\?week=${day.week}$`)), page.getByRole("link", { name: /Freie Termine am/ }).click()]);
    expect(await page.locator(`input[name="slot"][value*="|${day.iso}T"]`).count()).toBe(1);

    // Someone books the last place: the list offers the waiting list for that day.
    const friedasReference = await bookFirstPlace(browser(), day, "0151 6123 4598");
    await page.reload();
    expect(await page.locator(`input[name="slot"][value*="|${day.iso}T"]`).count()).toBe(0);
    await Promise.all([page.waitForURL(new RegExp(`/book/stadtbibliothek/wait\\?day=${day.iso}$`)), page.locator(`a[href="/book/stadtbibliothek/wait?day=${day.iso}"]`).click()]);

    // Nothing filled in: 400 with the error summary.
    const [invalid] = await Promise.all([page.waitForResponse((r) => r.request().method() === "POST"), page.getByRole("button", { name: "Auf die Warteliste" }).click()]);
    expect(invalid.status()).toBe(400);
    await page.locator(".error-summary").waitFor();

    const join = async () => {
      await page.locator('input[name="firstName"]').fill("Ilse");
      await page.locator('input[name="phone"]').fill("0151 6123 4599");
      await page.locator("label.radios__label", { hasText: "Per Anruf" }).click();
      await Promise.all([page.waitForURL(new RegExp(`/book/stadtbibliothek/wait\\?day=${day.iso}$`)), page.getByRole("button", { name: "Auf die Warteliste" }).click()]);
    };
    await join();
    await page.locator(".reference-panel").waitFor();
    expect(((await page.locator(".reference-panel__code").textContent()) ?? "").trim()).toMatch(REFERENCE);
    expect(page.url()).not.toContain("0151");

    // A new visit to the form, same person again: nothing more is revealed.
    await page.context().clearCookies();
    await page.context().addCookies([{ name: "lng", value: "de", url: baseUrl() }]);
    await page.goto(`/book/stadtbibliothek/wait?day=${day.iso}`);
    await join();
    await page.getByText("Sie stehen schon auf der Liste.").waitFor();
    expect(await page.locator(".reference-panel").count()).toBe(0);
    await page.context().close();

    // A caller asks by phone for the same day: the librarian puts him on the list from the day view, by keyboard.
    const desk = await staffPage("librarian");
    await desk.goto(`/team/appointments?day=${day.iso}`);
    await waitForHydration(desk);
    await tabTo(desk, 'form#desk-day-wait input[name="firstName"]', 80);
    await desk.keyboard.type("Otto");
    await desk.keyboard.press("Tab");
    await desk.keyboard.type("0151 6123 4597");
    await tabTo(desk, "form#desk-day-wait button[type=submit]");
    await desk.keyboard.press("Enter");
    const added = desk.getByRole("status").filter({ hasText: "Otto steht auf der Warteliste." });
    await added.waitFor();
    expect(((await added.locator("strong").textContent()) ?? "").trim()).toMatch(REFERENCE);
    // Polled: React Router shows the action's answer (the notice) while the page's data is still reloading, so for
    // one round trip the list can lag behind it (2 of 6 runs).
    await expect
      .poll(() => desk.locator("section[aria-labelledby=day-waits] ol li").allTextContents())
      .toEqual([expect.stringContaining("Ilse"), expect.stringContaining("Otto")]);

    // Frieda cancels on the web; within the worker's minute (scheduling.dayWaitOffers) her place is Ilse's, the
    // first on the list (she stays on it, marked booked), and Otto waits on.
    const citizen = await newPage(browser(), { javaScript: false });
    await citizen.goto("/appointment");
    await citizen.locator('input[name="reference"]').fill(friedasReference);
    await citizen.locator('input[name="phone"]').fill("0151 6123 4598");
    await Promise.all([citizen.waitForLoadState(), citizen.getByRole("button", { name: "Meinen Termin finden" }).click()]);
    await citizen.getByRole("button", { name: "Termin absagen" }).click();
    await citizen.getByRole("heading", { level: 1, name: /abgesagt/ }).waitFor();
    await citizen.context().close();
    const waitingNow = async () => {
      await desk.reload();
      return desk.locator("section[aria-labelledby=day-waits] ol li").allTextContents();
    };
    await expect
      .poll(waitingNow, { timeout: 90_000, interval: 2_000 })
      .toEqual([expect.stringMatching(/Ilse.*Platz gebucht/), expect.stringMatching(/Otto.*wartet/)]);
    const dayView = (await desk.locator("main").textContent()) ?? "";
    expect(dayView).toContain("Ilse");
    expect(dayView).toMatch(/Frieda\s*online\s*abgesagt/);
    expect(dayView).toMatch(/Ilse\s*Team\s*gebucht/);
    await desk.context().close();
  }, 150_000);
});

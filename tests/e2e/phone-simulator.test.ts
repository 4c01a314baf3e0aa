// The phone simulator in the browser: staff write as a citizen from a new number, see the system's answer arrive on
// the simulated phone as an SMS bubble (the worker delivers the outbox every 10 s), ask for the status of their
// request and for a callback by keyboard; a landline's answer is a spoken call card; the forms work without JS.
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { openStaffPage, tabTo, useBrowser, useStaffPages, waitForHydration } from "../helpers/browser";

const browser = useBrowser();
const staffPage = useStaffPages(browser);
const digits = () => String(Math.floor(Math.random() * 9_000_000) + 1_000_000);
const mobile = () => `0151 7${digits()}`;
const landline = () => `0421 5${digits()}`;

const programmeBubbles = (page: Page) => page.locator("#phone-thread-heading ~ ol > li.phone-bubble--outbound");
const citizenBubbles = (page: Page) => page.locator("#phone-thread-heading ~ ol > li.phone-bubble--inbound");

/**
 * The "new number" form: ends on the thread of that number — the address holds a person's id (or, when STOP needed
 * no person, a message's id), never the number.
 */
async function textFromNewNumber(page: Page, phone: string, body: string, shownBy: "person" | "message" = "person") {
  await page.locator("form#new-number input[name=phone]").fill(phone);
  await page.locator("form#new-number textarea[name=body]").fill(body);
  await Promise.all([page.waitForURL(new RegExp(`/team/phone\\?${shownBy}=\\w+$`)), page.locator("form#new-number button[type=submit]").click()]);
}

/** Types into the reply box and sends it with the keyboard only; waits until the text is on the phone. */
async function replyByKeyboard(page: Page, text: string) {
  const before = await citizenBubbles(page).count();
  await tabTo(page, "form#reply textarea[name=body]", 80);
  await page.keyboard.type(text);
  await page.keyboard.press("Tab");
  await expect(page.locator("form#reply button[type=submit]").evaluate((el) => el === document.activeElement)).resolves.toBe(true);
  await page.keyboard.press("Enter");
  await citizenBubbles(page).nth(before).filter({ hasText: text }).waitFor();
  await page.getByRole("status").filter({ hasText: "Als Bürgerin oder Bürger gesendet" }).waitFor();
  // The box is empty again for the next text.
  await expect(page.locator("form#reply textarea[name=body]").inputValue()).resolves.toBe("");
}

describe("phone simulator", () => {
  it("shows a new number's text, the system's SMS answer once delivered, and answers STATUS and HILFE", async () => {
    const page = await staffPage("coordinator");
    await openStaffPage(page, "/team/phone");
    await expect(page.locator("h1").textContent()).resolves.toContain("Telefon-Simulator");
    await expect(page.getByText("Dies ist eine Simulation zum Testen und Üben").count()).resolves.toBe(1);
    const phone = mobile();
    await textFromNewNumber(page, phone, "Mein Tablet startet nicht mehr");
    expect(page.url()).not.toContain(phone.replace(/\s/g, "").slice(-7));
    await waitForHydration(page);

    // The citizen's own bubble, and our answer with the reference; it turns "zugestellt" when the worker ran.
    await expect(citizenBubbles(page).first().textContent()).resolves.toContain("Mein Tablet startet nicht mehr");
    await expect(citizenBubbles(page).first().textContent()).resolves.toContain("SMS der Bürgerin oder des Bürgers");
    const answer = programmeBubbles(page).filter({ hasText: "Ihre Anfrage ist angekommen" });
    await answer.filter({ hasText: "Status: zugestellt" }).waitFor({ timeout: 20_000 });
    await expect(answer.textContent()).resolves.toContain("SMS vom Programm");
    const reference = (await answer.textContent())!.match(/Vorgangsnummer: ([A-Z0-9]{6})/)![1]!;

    // STATUS with the reference, typed in lower case: the status text of the web status page.
    await replyByKeyboard(page, `status ${reference.toLowerCase()}`);
    await programmeBubbles(page).filter({ hasText: `Anfrage ${reference}: Wir haben Ihre Anfrage bekommen` }).waitFor({ timeout: 20_000 });

    // Someone else's code: the same answer as a code that does not exist.
    await replyByKeyboard(page, "STATUS AC39KM");
    await programmeBubbles(page).filter({ hasText: "finden wir für Ihr Telefon keine Anfrage" }).waitFor();

    // HILFE: a callback request, its reference by SMS.
    await replyByKeyboard(page, "Hilfe");
    await programmeBubbles(page).filter({ hasText: /Rückrufwunsch erhalten|Wir rufen Sie am/ }).waitFor();
    await expect(citizenBubbles(page).count()).resolves.toBe(4);

    // A free text joins the open request: no second confirmation.
    await replyByKeyboard(page, "Es zeigt nur einen Apfel");
    await citizenBubbles(page).filter({ hasText: "Es zeigt nur einen Apfel" }).waitFor();
    await expect(programmeBubbles(page).filter({ hasText: "Ihre Anfrage ist angekommen" }).count()).resolves.toBe(1);
    await page.context().close();
  });

  it("chooses a person from the list and shows a landline's answer as a spoken call", async () => {
    const page = await staffPage("admin");
    await openStaffPage(page, "/team/phone");
    await textFromNewNumber(page, landline(), "Ich brauche Hilfe mit dem Tablet");
    const personId = new URL(page.url()).searchParams.get("person")!;

    // Choose the same phone again from the list (a GET form with the person's id).
    await openStaffPage(page, "/team/phone");
    await page.locator("select[name=person]").selectOption(personId);
    await Promise.all([page.waitForURL(new RegExp(`person=${personId}$`)), page.getByRole("button", { name: "Telefon anzeigen" }).click()]);
    const card = programmeBubbles(page).filter({ hasText: "Anruf vom Programm – gesprochen auf Deutsch:" });
    await card.waitFor();
    await expect(card.textContent()).resolves.toContain("Hier ist die Digitale Ambulanz");
    await expect(page.locator(`a[href="/team/phone/call?person=${personId}"]`).count()).resolves.toBe(1);
    await page.context().close();
  });

  it("works as plain forms without JavaScript: STOP gets one confirmation", async () => {
    const page = await staffPage("coordinator", { javaScript: false });
    await page.goto("/team/phone");
    await textFromNewNumber(page, mobile(), "STOP", "message");
    await programmeBubbles(page).filter({ hasText: "Sie bekommen keine SMS mehr von uns" }).waitFor();
    await expect(programmeBubbles(page).count()).resolves.toBe(1);

    // An empty reply is refused beside the form.
    await page.locator("form#reply button[type=submit]").click();
    await page.getByRole("alert").filter({ hasText: "Bitte schreiben Sie den SMS-Text." }).waitFor();
    await page.context().close();
  });
});

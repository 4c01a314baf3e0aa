// Staff keep the help articles and the categories of the report form; citizens see the result without JavaScript.
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { newPage, signIn, useBrowser, waitForHydration } from "../helpers/browser";

const browser = useBrowser();

/**
 * Presses a submit button on a hydrated staff page; returns the status of its POST (202 is how Remix answers a
 * redirect to a page that fetches). A Conform validation round trip (a POST with "__intent__") would not be it.
 */
async function save(page: Page, button: string): Promise<number> {
  const [response] = await Promise.all([
    page.waitForResponse(
      (r) => r.request().method() === "POST" && !(r.request().postData() ?? "").includes("__intent__")
    ),
    page.getByRole("button", { name: button }).click(),
  ]);
  await waitForHydration(page);
  return response.status();
}

async function fillArticle(
  page: Page,
  article: { slug: string; title: string; body: string; titleEasy: string; bodyEasy: string }
) {
  await page.locator('input[name="slug"]').fill(article.slug);
  await page.locator('input[name="title"]').fill(article.title);
  await page.locator('textarea[name="body"]').fill(article.body);
  await page.locator('input[name="titleEasy"]').fill(article.titleEasy);
  await page.locator('textarea[name="bodyEasy"]').fill(article.bodyEasy);
}

/** The category choices of the public report form, as a citizen in `lng` sees them. */
async function reportCategories(lng: string): Promise<string[]> {
  const page = await newPage(browser(), { lng, javaScript: false });
  await page.goto("/report");
  return page.locator('select[name="categoryId"] option').allTextContents();
}

describe("help articles", () => {
  it("an admin writes an article; citizens find it, read it, and switch to Leichte Sprache and back", async () => {
    const page = await newPage(browser());
    await signIn(page, "admin");
    await page.getByRole("navigation", { name: "Bereiche" }).getByRole("link", { name: "Anleitungen" }).click();
    await page.waitForURL(/\/team\/articles$/);
    await page.getByRole("link", { name: "Neue Anleitung schreiben" }).click();
    await page.waitForURL(/\/team\/articles\/new$/);
    await waitForHydration(page);
    await fillArticle(page, {
      slug: "Fotos-Verschicken",
      title: "Fotos mit dem Smartphone verschicken",
      body: "So schicken Sie ein Foto.\n\n1. Öffnen Sie die Galerie.\n2. Tippen Sie auf Teilen.\n\n- Tipp: <b>Große</b> Fotos brauchen länger.\n- <script>alert(1)</script>",
      titleEasy: "Fotos schicken",
      bodyEasy: "Sie wollen ein Foto schicken.\nDas geht so.",
    });
    await page.getByText("Veröffentlicht", { exact: true }).click();
    expect(await save(page, "Anleitung speichern")).toBe(202);
    await page.waitForURL(/\/team\/articles$/);
    await expect(page.getByRole("status").textContent()).resolves.toContain(
      "„Fotos mit dem Smartphone verschicken“ wurde gespeichert"
    );
    const row = page.locator("tbody tr", { hasText: "Fotos mit dem Smartphone verschicken" });
    await expect(row.textContent()).resolves.toContain("/help/fotos-verschicken");
    await expect(row.textContent()).resolves.toContain("Veröffentlicht");

    const citizen = await newPage(browser(), { javaScript: false });
    await citizen.goto("/help");
    await citizen.getByRole("link", { name: "Fotos mit dem Smartphone verschicken" }).click();
    expect(new URL(citizen.url()).pathname).toBe("/help/fotos-verschicken");
    await expect(citizen.locator("h1").textContent()).resolves.toBe("Fotos mit dem Smartphone verschicken");
    expect(await citizen.locator("main ol li").allTextContents()).toEqual([
      "Öffnen Sie die Galerie.",
      "Tippen Sie auf Teilen.",
    ]);
    // Text from the database is text: the tags are shown as written, nothing runs.
    expect(await citizen.locator("main ul li").allTextContents()).toEqual([
      "Tipp: <b>Große</b> Fotos brauchen länger.",
      "<script>alert(1)</script>",
    ]);
    expect(await citizen.locator("main b, script:not(#sw-register)").count()).toBe(0);
    await expect(citizen.getByText("Sie können diese Anleitung ausdrucken.").isVisible()).resolves.toBe(true);
    // Printed: the steps stay, the links to elsewhere on the site (and the print hint itself) go.
    await citizen.emulateMedia({ media: "print" });
    expect(await citizen.locator("main ol li").first().isVisible()).toBe(true);
    expect(await citizen.getByRole("link", { name: "Diese Anleitung in Leichter Sprache lesen" }).isVisible()).toBe(false);
    await citizen.emulateMedia({ media: "screen" });

    await citizen.getByRole("link", { name: "Diese Anleitung in Leichter Sprache lesen" }).click();
    expect(new URL(citizen.url()).pathname).toBe("/help/fotos-verschicken/leichte-sprache");
    await expect(citizen.locator("h1").textContent()).resolves.toBe("Leichte Sprache Fotos schicken");
    await expect(
      citizen.locator("main p", { hasText: "Sie wollen ein Foto schicken." }).innerHTML()
    ).resolves.toContain("<br>");
    await citizen.getByRole("link", { name: "Zur ausführlichen Anleitung" }).click();
    expect(new URL(citizen.url()).pathname).toBe("/help/fotos-verschicken");
  });

  it("keeps drafts away from citizens", async () => {
    const page = await newPage(browser());
    await signIn(page, "coordinator");
    await page.goto("/team/articles/new");
    await waitForHydration(page);
    await fillArticle(page, {
      slug: "entwurf-tablet",
      title: "Entwurf: Tablet aufladen",
      body: "Text",
      titleEasy: "Tablet laden",
      bodyEasy: "Text",
    });
    expect(await save(page, "Anleitung speichern")).toBe(202);
    await expect(page.locator("tbody tr", { hasText: "Entwurf: Tablet aufladen" }).textContent()).resolves.toContain(
      "Entwurf"
    );

    const citizen = await newPage(browser(), { javaScript: false });
    await citizen.goto("/help");
    await expect(citizen.locator("main").textContent()).resolves.not.toContain("Entwurf: Tablet aufladen");
    expect((await citizen.goto("/help/entwurf-tablet"))?.status()).toBe(404);
    expect((await citizen.goto("/help/entwurf-tablet/leichte-sprache"))?.status()).toBe(404);
  });

  it("says so on the form when the address is taken, for a new article and when editing", async () => {
    const page = await newPage(browser());
    await signIn(page, "librarian");
    await page.goto("/team/articles/new");
    await waitForHydration(page);
    await fillArticle(page, {
      slug: "wlan-einrichten",
      title: "Noch ein WLAN-Text",
      body: "Text",
      titleEasy: "WLAN",
      bodyEasy: "Text",
    });
    expect(await save(page, "Anleitung speichern")).toBe(409);
    expect(new URL(page.url()).pathname).toBe("/team/articles/new");
    const message = "Diese Adresse wird schon für eine andere Anleitung verwendet.";
    await expect(page.getByRole("alert").textContent()).resolves.toContain(message);
    expect(await page.title()).toMatch(/^Fehler: /);
    const slug = page.locator('input[name="slug"]');
    expect(await slug.getAttribute("aria-invalid")).toBe("true");
    expect(await slug.inputValue()).toBe("wlan-einrichten");
    expect(await page.locator('input[name="title"]').inputValue()).toBe("Noch ein WLAN-Text");

    // Editing an existing article: its own address is fine, another's is not.
    await page.goto("/team/articles");
    await page.getByRole("link", { name: "Videoanruf mit WhatsApp" }).click();
    await page.waitForURL(/\/team\/articles\/(?!new)[^/]+$/);
    await waitForHydration(page);
    expect(await page.locator('input[name="slug"]').inputValue()).toBe("videoanruf-whatsapp");
    await page.locator('input[name="slug"]').fill("betrugs-sms-erkennen");
    expect(await save(page, "Anleitung speichern")).toBe(409);
    await expect(page.getByRole("alert").textContent()).resolves.toContain(message);
    await page.locator('input[name="slug"]').fill("videoanruf-whatsapp");
    expect(await save(page, "Anleitung speichern")).toBe(202);
    await page.waitForURL(/\/team\/articles$/);
  });

  it("is for staff who may keep articles", async () => {
    const page = await newPage(browser());
    await signIn(page, "volunteer");
    expect(
      await page.getByRole("navigation", { name: "Bereiche" }).getByRole("link", { name: "Anleitungen" }).count()
    ).toBe(0);
    expect((await page.goto("/team/articles"))?.status()).toBe(403);
    expect((await page.goto("/team/articles/new"))?.status()).toBe(403);
  });
});

describe("categories", () => {
  it("a coordinator adds a category with names in de, en and ar; citizens see it in their language", async () => {
    const page = await newPage(browser());
    await signIn(page, "coordinator");
    await page.getByRole("navigation", { name: "Bereiche" }).getByRole("link", { name: "Kategorien" }).click();
    await page.waitForURL(/\/team\/categories$/);
    await waitForHydration(page);
    await page.getByLabel("Name auf Deutsch").fill("Fernseher und Mediathek");
    await page.getByLabel("Name auf English").fill("TV and streaming");
    await page.getByLabel("Name auf العربية").fill("التلفاز والبث");
    expect(await save(page, "Kategorie anlegen")).toBe(202);
    await expect(page.getByRole("status").textContent()).resolves.toContain("„Fernseher und Mediathek“ wurde angelegt");
    await expect(page.locator("tbody tr", { hasText: "Fernseher und Mediathek" }).textContent()).resolves.toContain(
      "Wird angeboten"
    );

    expect(await reportCategories("de")).toContain("Fernseher und Mediathek");
    expect(await reportCategories("en")).toContain("TV and streaming");
    expect(await reportCategories("ar")).toContain("التلفاز والبث");
    // Built-in categories stay translated beside it.
    expect(await reportCategories("en")).toContain("Scams and security");

    // Renaming changes what citizens see.
    await page
      .locator("tbody tr", { hasText: "Fernseher und Mediathek" })
      .getByRole("link", { name: /Namen ändern/ })
      .click();
    await page.waitForURL(/\/team\/categories\/[^/]+$/);
    await waitForHydration(page);
    expect(await page.getByLabel("Name auf English").inputValue()).toBe("TV and streaming");
    await page.getByLabel("Name auf English").fill("TV, radio and streaming");
    expect(await save(page, "Namen speichern")).toBe(202);
    await page.waitForURL(/\/team\/categories$/);
    expect(await reportCategories("en")).toContain("TV, radio and streaming");
  });

  it("asks for every language and adds nothing when one is missing", async () => {
    const page = await newPage(browser(), { lng: "en" });
    await signIn(page, "admin");
    await page.goto("/team/categories");
    await waitForHydration(page);
    const before = await page.locator("tbody tr").count();
    await page.getByLabel("Name in Deutsch").fill("Smart-TV");
    await page.getByLabel("Name in English").fill("Smart TV");
    expect(await save(page, "Add category")).toBe(400);
    await expect(page.getByRole("alert").textContent()).resolves.toContain("Please enter a name in this language.");
    expect(await page.getByLabel("Name in العربية").getAttribute("aria-invalid")).toBe("true");
    expect(await page.getByLabel("Name in Deutsch").inputValue()).toBe("Smart-TV");
    expect(await page.locator("tbody tr").count()).toBe(before);
  });

  it("retires a built-in category and offers it again; it keeps its translated name", async () => {
    const page = await newPage(browser());
    await signIn(page, "coordinator");
    await page.goto("/team/categories");
    await waitForHydration(page);
    const row = page.locator("tbody tr", { hasText: "Gesundheits-Apps" });
    await expect(row.textContent()).resolves.toContain("Eingebaut");
    expect(await row.getByRole("link").count()).toBe(0); // built-in names are not edited here
    expect(await save(page, "Nicht mehr anbieten (Gesundheits-Apps)")).toBe(202);
    await page.getByRole("status").filter({ hasText: "„Gesundheits-Apps“ wird nicht mehr angeboten" }).waitFor();
    await expect(row.textContent()).resolves.toContain("Nicht mehr angeboten");
    expect(await reportCategories("de")).not.toContain("Gesundheits-Apps");
    expect(await reportCategories("en")).not.toContain("Health apps");

    expect(await save(page, "Wieder anbieten (Gesundheits-Apps)")).toBe(202);
    await page.getByRole("status").filter({ hasText: "„Gesundheits-Apps“ wird wieder angeboten" }).waitFor();
    await expect(row.textContent()).resolves.toContain("Wird angeboten");
    expect(await reportCategories("de")).toContain("Gesundheits-Apps");
    expect(await reportCategories("ar")).toContain("تطبيقات الصحة");
  });

  it("is for coordinators and admins only", async () => {
    const page = await newPage(browser());
    await signIn(page, "librarian");
    const nav = page.getByRole("navigation", { name: "Bereiche" });
    expect(await nav.getByRole("link", { name: "Anleitungen" }).count()).toBe(1);
    expect(await nav.getByRole("link", { name: "Kategorien" }).count()).toBe(0);
    expect((await page.goto("/team/categories"))?.status()).toBe(403);
  });
});

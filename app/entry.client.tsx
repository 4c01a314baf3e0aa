// Only staff pages hydrate (see docs/decisions/006-hydration-strategy.md); citizen pages ship no JavaScript.
// The page's texts come as their own file (docs/decisions/020-translations-file.md): loaded before hydrating, so the
// browser renders the same words the server did.
import { RemixBrowser } from "@remix-run/react";
import type { Resource } from "i18next";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { provideResources } from "~/i18n/instance";

/** The file named in the page's head (root.tsx preloads it); none when the texts came inline (`npm run dev`). */
async function loadTranslations(): Promise<boolean> {
  const link = document.querySelector<HTMLLinkElement>("link#page-translations");
  if (!link) return true;
  // A second try after a second: on a care home's Wi-Fi one lost request should not cost the page its scripts.
  for (const pause of [0, 1000]) {
    await new Promise((resolve) => setTimeout(resolve, pause));
    try {
      const response = await fetch(link.href);
      if (!response.ok) continue;
      provideResources(document.documentElement.lang, (await response.json()) as Resource);
      return true;
    } catch {
      // try again, or give up below
    }
  }
  return false;
}

void loadTranslations().then((loaded) => {
  // Without its texts the page would turn into keys: it stays the server's page, whose links and forms work anyway.
  // Marked, so that whoever waits for the page to hydrate (the browser tests) knows it will not.
  if (!loaded) {
    document.documentElement.dataset.hydration = "failed";
    return;
  }
  startTransition(() => {
    hydrateRoot(
      document,
      <StrictMode>
        <RemixBrowser />
      </StrictMode>,
    );
  });
});

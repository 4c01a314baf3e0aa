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
  try {
    const response = await fetch(link.href);
    if (!response.ok) return false;
    provideResources(document.documentElement.lang, (await response.json()) as Resource);
    return true;
  } catch {
    return false;
  }
}

void loadTranslations().then((loaded) => {
  // Without its texts the page would turn into keys: it stays the server's page, whose links and forms work anyway.
  if (!loaded) return;
  startTransition(() => {
    hydrateRoot(
      document,
      <StrictMode>
        <RemixBrowser />
      </StrictMode>,
    );
  });
});

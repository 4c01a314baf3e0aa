// The document: language and direction from the server, the page title, and scripts only where a page needs them.
import { cssBundleHref } from "@remix-run/css-bundle";
import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import {
  isRouteErrorResponse,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useMatches,
  useRouteError,
  useRouteLoaderData,
  type ShouldRevalidateFunction,
} from "@remix-run/react";
import { useContext, useEffect, useMemo, type ReactNode } from "react";
import { I18nextProvider, useTranslation } from "react-i18next";
import { UNSAFE_DataRouterStateContext } from "react-router-dom";
import { detectLanguage } from "~/i18n/detect.server";
import { builtTranslationsUrl, pageResources } from "~/i18n/page-resources.server";
import { i18nFor, provideResources, providedResources } from "~/i18n/instance";
import { DEFAULT_LANGUAGE } from "~/i18n/languages";
import { languages } from "~/i18n/locales.server";
import { phoneLink } from "~/lib/phone.server";
import type { RootData } from "~/ui/root-data";
import { ErrorPage } from "~/ui/Shell/ErrorPage";
import type { RouteHandle } from "~/web/handle";
import { serviceWorkerBuilt } from "~/web/pwa.server";
import { noticePeriods } from "~/web/privacy-page.server";
import "~/ui/kit/tokens.css";
import "~/ui/kit/base.css";

export const links: LinksFunction = () => [
  ...(cssBundleHref ? [{ rel: "stylesheet", href: cssBundleHref }] : []),
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
  { rel: "manifest", href: "/manifest.webmanifest" },
  { rel: "apple-touch-icon", href: "/icons/apple-touch-icon.png" },
];

/**
 * The one script citizen pages carry (docs/decisions/015-offline-pwa.md): registers the service worker, so the
 * entry page and the status check open offline. A few hundred bytes; staff pages add the update prompt.
 */
const REGISTER_SW =
  'if("serviceWorker"in navigator)addEventListener("load",function(){navigator.serviceWorker.register("/sw.js",{scope:"/"}).catch(function(){})})';

export async function loader({ request, context }: LoaderFunctionArgs): Promise<RootData> {
  const lng = detectLanguage(request);
  const all = languages();
  // Built: the texts travel as their own long-kept file (entry.client.tsx loads it); otherwise inline.
  const translations = builtTranslationsUrl(lng);
  if (translations) provideResources(lng, pageResources(lng));
  return {
    lng,
    dir: all.find((l) => l.code === lng)?.dir ?? "ltr",
    languages: all,
    resources: translations ? null : pageResources(lng),
    translations,
    programmePhone: phoneLink(context.services.config.programmePhone),
    privacyPeriods: noticePeriods(context.services.config),
    nonce: context.nonce,
    serviceWorker: serviceWorkerBuilt(),
    /** Set by entry.server.tsx when it loads this data for an error page itself (see there): no scripts then. */
    errorDocument: false,
  };
}

export type { RootData };

const NO_RESOURCES = {};

/**
 * The root's data (translations, languages, the programme phone) only changes with the language: moving between
 * pages keeps it instead of fetching every translation again on each click — on a care home's Wi-Fi that matters.
 */
export const shouldRevalidate: ShouldRevalidateFunction = ({ nextUrl, currentUrl, formAction, defaultShouldRevalidate }) => {
  if (nextUrl.searchParams.has("lng") && nextUrl.searchParams.get("lng") !== currentUrl.searchParams.get("lng")) return true;
  // Signing out or in changes nothing here either; a language form (if any) posts to a URL with ?lng=.
  if (formAction?.includes("lng=")) return defaultShouldRevalidate;
  return false;
};

export function Layout({ children }: { children: ReactNode }) {
  const root = useRouteLoaderData<typeof loader>("root");
  const lng = root?.lng ?? DEFAULT_LANGUAGE;
  const resources = root?.resources ?? providedResources(lng) ?? NO_RESOURCES;
  const i18n = useMemo(() => i18nFor(lng, resources), [lng, resources]);
  const matches = useMatches();
  const hydrate = !root?.errorDocument && matches.some((m) => (m.handle as RouteHandle | undefined)?.hydrate);
  return (
    <html lang={lng} dir={root?.dir ?? "ltr"}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="theme-color" content="#1d4f91" />
        {/* react-aria puts this response's nonce on the <style> it adds at run time (the CSP allows no other). */}
        {root?.nonce ? <meta name="csp-nonce" nonce={root.nonce} /> : null}
        <I18nextProvider i18n={i18n}>
          <PageTitle />
        </I18nextProvider>
        <Meta />
        <Links />
        {hydrate && root?.translations ? <link id="page-translations" rel="preload" href={root.translations} as="fetch" crossOrigin="anonymous" /> : null}
      </head>
      <body>
        <I18nextProvider i18n={i18n}>{children}</I18nextProvider>
        {root?.serviceWorker ? <script id="sw-register" nonce={root.nonce} dangerouslySetInnerHTML={{ __html: REGISTER_SW }} /> : null}
        {hydrate ? (
          <>
            <ScrollRestoration nonce={root?.nonce} />
            <Scripts nonce={root?.nonce} />
          </>
        ) : null}
      </body>
    </html>
  );
}

/** "<page> – Digitale Ambulanz"; "Error: …" when the last form came back with errors (GOV.UK pattern). */
function PageTitle() {
  const { t } = useTranslation();
  const matches = useMatches();
  const error = useRouteError();
  const actionData = useContext(UNSAFE_DataRouterStateContext)?.actionData ?? {};
  const failedForm = Object.values(actionData).some(
    (d) => (d as { result?: { status?: string } } | undefined)?.result?.status === "error",
  );
  // The deepest route that names its title; one whose title follows its state says so itself (handle.title).
  const match = [...matches].reverse().find((m) => {
    const handle = m.handle as RouteHandle | undefined;
    return handle?.title || handle?.titleKey;
  });
  const handle = match?.handle as RouteHandle | undefined;
  const state = match && handle?.title ? handle.title({ data: match.data, actionData: actionData[match.id] }) : undefined;
  const named = state?.text ?? (state?.key ? t(state.key, state.values ?? {}) : handle?.titleKey ? t(handle.titleKey) : null);
  const page = error ? t("errors.title") : named;
  const title = [page, t("appName")].filter(Boolean).join(" – ");
  return <title>{failedForm || (!error && state?.error) ? `${t("errors.prefix")} ${title}` : title}</title>;
}

export default function App() {
  // Marks the document once React has taken over (only on pages that hydrate); tests wait for it.
  useEffect(() => {
    document.documentElement.dataset.hydrated = "true";
  }, []);
  return <Outlet />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const messageKey = isRouteErrorResponse(error) ? (error.data as { messageKey?: string } | undefined)?.messageKey : undefined;
  return <ErrorPage status={status} messageKey={messageKey} />;
}

// Sign-out: ends the server session, clears the cookie, and tells the browser to drop everything this site kept
// (cached staff pages, the service worker's storage): the next person on this tablet sees nothing of it.
import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { signOut } from "~/capabilities/people/auth.server";
import { readSessionToken, sessionCookie, sessionSettings } from "~/web/session.server";

export async function action({ request, context }: ActionFunctionArgs) {
  const token = await readSessionToken(request, context);
  const url = new URL(request.url);
  const reason = url.searchParams.get("reason") === "expired" ? "expired" : "signedOut";
  if (token) await signOut(context.services, sessionSettings(context), token, reason);
  // "storage" holds the service worker's kept pages and queue. `keep=queue`: someone else's offline entries wait
  // on this device; the page had the worker drop this person's pages, so nothing more is cleared. Not "cache":
  // staff pages are not HTTP-cached, and Chromium can take many seconds to clear it, holding up the sign-out.
  const keep = url.searchParams.get("keep") === "queue";
  return redirect(`/team/sign-in?${reason}=1`, {
    headers: {
      "Set-Cookie": await sessionCookie(context).serialize("", { maxAge: 0 }),
      ...(keep ? {} : { "Clear-Site-Data": '"storage"' }),
    },
  });
}

export function loader() {
  return redirect("/team");
}

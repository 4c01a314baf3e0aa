// Sign-out: ends the server session, clears the cookie, and tells the browser to drop everything this site kept
// (cached staff pages, the service worker's storage): the next person on this tablet sees nothing of it.
import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { signOut } from "~/capabilities/people/auth.server";
import { readSessionToken, sessionCookie, sessionSettings } from "~/web/session.server";

export async function action({ request, context }: ActionFunctionArgs) {
  const token = await readSessionToken(request, context);
  if (token) await signOut(context.services.db, sessionSettings(context), token);
  const reason = new URL(request.url).searchParams.get("reason") === "expired" ? "expired" : "signedOut";
  return redirect(`/team/sign-in?${reason}=1`, {
    headers: {
      "Set-Cookie": await sessionCookie(context).serialize("", { maxAge: 0 }),
      "Clear-Site-Data": '"cache", "storage"',
    },
  });
}

export function loader() {
  return redirect("/team");
}

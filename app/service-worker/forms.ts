// Forms posted without a connection. Posted forms are never cached; a staff form whose route declares
// `offline.queue` is saved on this device and answered "303 → where to go on, ?saved=offline"; any other gets the
// offline page. The entry remembers whose it is and what was typed, should the server refuse it later.
import { offlinePage } from "./pages";
import { queue } from "./queue";
import { isStaffPath, OFFLINE_ROUTES } from "./settings";
import { fillPath } from "./routes";
import { broadcast } from "./status";
import { who } from "./state";

/** What the volunteer typed that would be lost with a refusal (a note, a description), to show it again. */
function typedText(form: URLSearchParams): string {
  return ["notes", "description", "damageNote"]
    .map((name) => form.get(name)?.trim())
    .filter(Boolean)
    .join("\n")
    .slice(0, 2_000);
}

async function queueForm(request: Request, path: string): Promise<Response> {
  const match = OFFLINE_ROUTES.match(path);
  const declared = match?.route.queue;
  if (!match || !declared) return offlinePage();
  let text = "";
  try {
    const type = request.headers.get("Content-Type") ?? "";
    if (type.includes("application/x-www-form-urlencoded"))
      text = typedText(new URLSearchParams(await request.clone().text()));
  } catch {
    text = "";
  }
  await queue.pushRequest({
    request,
    metadata: {
      kind: declared.kind,
      redo: fillPath(declared.redo, match.params),
      text,
      savedAt: new Date().toISOString(),
      who: await who(),
    },
  });
  await broadcast();
  return Response.redirect(`${fillPath(declared.then, match.params)}?saved=offline`, 303);
}

/** A posted page: sent if there is a connection; otherwise a declared staff form is kept for later. */
export async function postedForm(request: Request, url: URL): Promise<Response> {
  const copy = request.clone();
  try {
    return await fetch(request);
  } catch {
    return isStaffPath(url.pathname) ? queueForm(copy, url.pathname) : offlinePage();
  }
}

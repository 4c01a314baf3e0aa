// The service worker's offline routes come from the routes themselves (`handle.offline`, docs/decisions/015): the
// list it is given holds every declaration and nothing else, and what it then keeps, warms and queues is what
// decision 015 promises — never the outbox or the audit log; a refused form's reasons travel as translation keys.
import { describe, expect, it } from "vitest";
import { loadLocales } from "~/i18n/locales.server";
import { offlineRouter, offlineRoutes, fillPath } from "~/service-worker/routes";
import { refusalHeader } from "~/web/pwa.server";
import { AppError } from "~/lib/errors";
import { routesFromSource } from "../helpers/offline-declarations";

const manifest = routesFromSource();
const list = offlineRoutes(manifest);
const router = offlineRouter(list);
const kept = (path: string) => router.match(path)?.route.keep === true;

describe("the worker's offline routes", () => {
  it("are exactly what the routes declare, each with the URL Remix gives it", () => {
    const declared = Object.entries(manifest).filter(([, r]) => r.module.handle);
    expect(list.map((r) => r.id).sort()).toEqual(declared.map(([id]) => id).sort());
    for (const route of list) {
      const { module } = manifest[route.id]!;
      const { id: _id, path: _path, ...declaration } = route;
      expect(declaration).toEqual((module.handle as { offline: unknown }).offline);
    }
    expect(list.find((r) => r.id === "routes/team.loans.$loanId.check-in")?.path).toBe("/team/loans/:loanId/check-in");
    expect(list.find((r) => r.id === "routes/team._index")?.path).toBe("/team");
    expect(list.find((r) => r.id === "routes/_index")?.path).toBe("/");
  });

  it("keep a volunteer's day, devices, loans and the forms that can wait — never the outbox, audit log or others' data", () => {
    for (const path of ["/team", "/team/today", "/team/devices", "/team/loans", "/team/loans/new", "/team/loans/L1"])
      expect(kept(path), path).toBe(true);
    for (const path of ["/team/loans/L1/check-in", "/team/loans/L1/sessions/new", "/team/tickets/new"])
      expect(kept(path), path).toBe(true);
    for (const path of [
      "/team/outbox",
      "/team/audit",
      "/team/tickets",
      "/team/tickets/T1",
      "/team/devices/D1",
      "/team/staff",
      "/team/sign-in",
    ]) {
      expect(kept(path), path).toBe(false);
    }
  });

  it("refresh only today, devices and loans in the background", () => {
    expect([...router.warmPaths].sort()).toEqual(["/team/devices", "/team/loans", "/team/today"]);
  });

  it("keep the citizens' entry page, status check, guides and report form, not the booking pages", () => {
    for (const path of ["/", "/status", "/help", "/help/whatsapp", "/help/whatsapp/leichte-sprache", "/report"])
      expect(kept(path), path).toBe(true);
    for (const path of ["/book", "/callback", "/borrow", "/offline", "/help/a/b/c"])
      expect(kept(path), path).toBe(false);
  });

  it("queue the four volunteer forms, each leading on to its list or loan and back to its form if refused", () => {
    const queued = (path: string) => {
      const match = router.match(path);
      const queue = match?.route.queue;
      return queue && match
        ? { kind: queue.kind, then: fillPath(queue.then, match.params), redo: fillPath(queue.redo, match.params) }
        : null;
    };
    expect(queued("/team/loans/new")).toEqual({ kind: "checkOut", then: "/team/loans", redo: "/team/loans/new" });
    expect(queued("/team/loans/L1/check-in")).toEqual({
      kind: "checkIn",
      then: "/team/loans/L1",
      redo: "/team/loans/L1",
    });
    expect(queued("/team/loans/L1/sessions/new")).toEqual({
      kind: "session",
      then: "/team/loans/L1",
      redo: "/team/loans/L1/sessions/new",
    });
    expect(queued("/team/tickets/new")).toEqual({ kind: "ticket", then: "/team/today", redo: "/team/tickets/new" });
    expect(queued("/team/loans/L1")).toBeNull();
    expect(queued("/team/waiting-list/new")).toBeNull();
  });

  it("queue staff forms only, each kept for offline use and named in every language", () => {
    const locales = loadLocales();
    for (const route of list.filter((r) => r.queue)) {
      expect(route.path.startsWith("/team/"), route.id).toBe(true);
      expect(route.keep, route.id).toBe(true);
      for (const [lng, resources] of locales) {
        const kinds = (resources.offline as { staff: { conflicts: { kind: Record<string, string> } } }).staff.conflicts
          .kind;
        expect(kinds[route.queue!.kind], `${lng}: ${route.queue!.kind}`).toBeTruthy();
      }
    }
  });

  it("refuse at build time what the worker could not do: warming a page with parameters", () => {
    const routes = {
      "routes/x": { path: "x/:id", parentId: "root", module: { handle: { offline: { keep: true, warm: true } } } },
    };
    expect(() => offlineRoutes(routes)).toThrow(/without parameters/);
  });
});

describe("a refused form's reasons (the X-Refusal header the worker reads)", () => {
  const decode = (header: string | null) => (header ?? "").split(",").filter(Boolean).map(decodeURIComponent);

  it("are the error summary's keys: the form's own first, then each field's", () => {
    const header = refusalHeader({
      actionData: {
        "routes/team.loans.new": {
          step: "details",
          result: {
            status: "error",
            error: { notes: ["loans:errors.notesTooLong"], "": ["loans:errors.deviceNotAvailable"], due: null },
          },
        },
      },
      errors: null,
    });
    expect(decode(header)).toEqual(["loans:errors.deviceNotAvailable", "loans:errors.notesTooLong"]);
  });

  it("are the error page's key when the action threw, and text survives the header", () => {
    expect(
      decode(
        refusalHeader({
          actionData: null,
          errors: { "routes/team.loans.$loanId.check-in": { status: 404, data: { messageKey: "errors.notFound" } } },
        }),
      ),
    ).toEqual(["errors.notFound"]);
    expect(
      decode(refusalHeader({ actionData: null, errors: { root: new AppError(403, "errors.forbidden") } })),
    ).toEqual(["errors.forbidden"]);
    expect(decode(refusalHeader({ actionData: null, errors: { root: new Error("boom") } }))).toEqual([
      "errors.page.500.body",
    ]);
    const text = "Gerät, „TAB-1“: schon ausgeliehen";
    expect(
      decode(
        refusalHeader({ actionData: { r: { result: { status: "error", error: { "": [text] } } } }, errors: null }),
      ),
    ).toEqual([text]);
  });

  it("are absent when nothing names them", () => {
    expect(refusalHeader({ actionData: { r: { step: "lookup", result: null } }, errors: null })).toBeNull();
    expect(refusalHeader({ actionData: null, errors: null })).toBeNull();
  });
});

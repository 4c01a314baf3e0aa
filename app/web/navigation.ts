// Staff navigation. Each capability adds its entry here, with the permission that shows it.
import { can, type Permission, type StaffActor } from "~/capabilities/people/permissions";
import type { NavItem } from "~/ui/Shell/StaffShell";

const ENTRIES: (NavItem & { permission: Permission })[] = [
  { to: "/team", labelKey: "nav.home", permission: "team:view" },
  { to: "/team/today", labelKey: "nav.today", permission: "loan:view" },
  { to: "/team/tickets", labelKey: "nav.tickets", permission: "ticket:view" },
  { to: "/team/appointments", labelKey: "nav.appointments", permission: "schedule:view" },
  { to: "/team/callbacks", labelKey: "nav.callbacks", permission: "callback:manage" },
  { to: "/team/loans", labelKey: "nav.loans", permission: "loan:view" },
  { to: "/team/devices", labelKey: "nav.devices", permission: "device:view" },
  { to: "/team/waiting-list", labelKey: "nav.waitingList", permission: "waitlist:view" },
  { to: "/team/locations", labelKey: "nav.locations", permission: "location:view" },
  { to: "/team/outbox", labelKey: "nav.outbox", permission: "message:view" },
  { to: "/team/phone", labelKey: "nav.phone", permission: "message:view" },
  { to: "/team/audit", labelKey: "nav.audit", permission: "audit:view" },
  { to: "/team/articles", labelKey: "nav.articles", permission: "article:manage" },
  { to: "/team/categories", labelKey: "nav.categories", permission: "category:manage" },
  { to: "/team/topics", labelKey: "nav.topics", permission: "topic:manage" },
  { to: "/team/hours", labelKey: "nav.hours", permission: "schedule:manage" },
];

export function navigationFor(actor: StaffActor): NavItem[] {
  return ENTRIES.filter((e) => can(actor, e.permission)).map(({ to, labelKey }) => ({ to, labelKey }));
}

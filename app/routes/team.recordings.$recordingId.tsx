// A voice message's audio, for staff who may see the ticket it belongs to. Every playback is audit-logged.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { audit } from "~/capabilities/privacy/audit.server";
import { requireStaff } from "~/web/session.server";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { db } = context.services;
  const recording = await db.voiceRecording.findUnique({
    where: { id: params.recordingId ?? "" },
    select: { id: true, messageId: true, contentType: true },
  });
  const event = recording
    ? await db.ticketEvent.findFirst({ where: { messageId: recording.messageId }, select: { ticketId: true, ticket: { select: { locationId: true } } } })
    : null;
  // A recording that belongs to no ticket (yet) is for those who may read messages.
  const { ctx } = event ? await requireStaff(request, context, "ticket:view", event.ticket.locationId) : await requireStaff(request, context, "message:view");
  if (!recording) throw new Response("Not found", { status: 404 });
  await audit(ctx, db, {
    action: "recording.played",
    subjectType: event ? "Ticket" : "Message",
    subjectId: event?.ticketId ?? recording.messageId,
    locationId: event?.ticket.locationId ?? null,
    details: { recordingId: recording.id },
  });
  const { data } = await db.voiceRecording.findUniqueOrThrow({ where: { id: recording.id }, select: { data: true } });
  return new Response(Buffer.from(data), {
    headers: {
      "Content-Type": recording.contentType,
      "Content-Length": String(data.byteLength),
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}

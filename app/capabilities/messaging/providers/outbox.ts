// The built-in provider: nothing leaves the server. Delivery is recorded so staff see what would have been sent
// (the phone simulator shows it as the phone would); calls are recorded as if the staff member had dialled.
import type { MessageProvider } from "../provider";

export const outboxProvider: MessageProvider = {
  name: "outbox",
  async send(message) {
    return { providerId: `outbox:${message.idempotencyKey}`, status: "delivered" };
  },
  async findEarlierSend() {
    // Sending to the outbox is the database write itself: nothing can have gone out unrecorded.
    return null;
  },
  async purge() {
    // Nothing is held anywhere but in our own database; the retention job blanks bodies there.
  },
  async bridgeCall(input) {
    return { providerId: `outbox-call:${input.callId}` };
  },
};

// The built-in provider: nothing leaves the server. Delivery is recorded so staff see what would have been sent.
import type { MessageProvider } from "../provider";

export const outboxProvider: MessageProvider = {
  name: "outbox",
  async send(message) {
    return { providerId: `outbox:${message.idempotencyKey}`, status: "delivered" };
  },
};

-- CreateIndex
CREATE INDEX "Callback_ticketId_idx" ON "Callback"("ticketId");


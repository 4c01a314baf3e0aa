-- CreateTable
CREATE TABLE "MonthlyFigure" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "month" TEXT NOT NULL,
    "locationId" TEXT NOT NULL DEFAULT '',
    "measure" TEXT NOT NULL,
    "value" INTEGER NOT NULL DEFAULT 0
);

-- CreateIndex
CREATE UNIQUE INDEX "MonthlyFigure_month_locationId_measure_key" ON "MonthlyFigure"("month", "locationId", "measure");

-- CreateIndex
CREATE INDEX "Call_personId_idx" ON "Call"("personId");

-- CreateIndex
CREATE INDEX "Ticket_status_closedAt_idx" ON "Ticket"("status", "closedAt");

-- CreateIndex
CREATE INDEX "TicketEvent_messageId_idx" ON "TicketEvent"("messageId");

-- CreateIndex
CREATE INDEX "Loan_status_returnedAt_idx" ON "Loan"("status", "returnedAt");

-- CreateIndex
CREATE INDEX "WalkIn_personId_idx" ON "WalkIn"("personId");


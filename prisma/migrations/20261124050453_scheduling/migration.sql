-- AlterTable
ALTER TABLE "Staff" ADD COLUMN "calendarTokenHash" TEXT;

-- CreateTable
CREATE TABLE "ConsultationHour" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "locationId" TEXT NOT NULL,
    "weekday" INTEGER,
    "onDate" TEXT,
    "startTime" TEXT NOT NULL,
    "endTime" TEXT NOT NULL,
    "slotMinutes" INTEGER NOT NULL DEFAULT 30,
    "capacity" INTEGER NOT NULL DEFAULT 1,
    "onlineCapacity" INTEGER NOT NULL DEFAULT 1,
    "phoneCapacity" INTEGER NOT NULL DEFAULT 0,
    "topics" TEXT NOT NULL DEFAULT '[]',
    "validFrom" TEXT,
    "validUntil" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ConsultationHour_locationId_fkey" FOREIGN KEY ("locationId") REFERENCES "Location" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Closure" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "locationId" TEXT NOT NULL,
    "startsOn" TEXT NOT NULL,
    "endsOn" TEXT NOT NULL,
    "reason" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Closure_locationId_fkey" FOREIGN KEY ("locationId") REFERENCES "Location" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Appointment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "reference" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "locationId" TEXT NOT NULL,
    "consultationHourId" TEXT,
    "startsAt" DATETIME NOT NULL,
    "endsAt" DATETIME NOT NULL,
    "pool" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "seatKey" TEXT,
    "status" TEXT NOT NULL DEFAULT 'booked',
    "topic" TEXT,
    "concern" TEXT,
    "outcomeTopics" TEXT NOT NULL DEFAULT '[]',
    "outcomeNote" TEXT,
    "ticketId" TEXT,
    "bookedById" TEXT,
    "helperId" TEXT,
    "wantsEarlyReminder" BOOLEAN NOT NULL DEFAULT false,
    "idempotencyKey" TEXT,
    "cancelledAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Appointment_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Appointment_locationId_fkey" FOREIGN KEY ("locationId") REFERENCES "Location" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Appointment_consultationHourId_fkey" FOREIGN KEY ("consultationHourId") REFERENCES "ConsultationHour" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Appointment_bookedById_fkey" FOREIGN KEY ("bookedById") REFERENCES "Staff" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Appointment_helperId_fkey" FOREIGN KEY ("helperId") REFERENCES "Staff" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "WalkIn" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "locationId" TEXT NOT NULL,
    "personId" TEXT,
    "displayName" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "day" TEXT NOT NULL,
    "concern" TEXT,
    "arrivedAt" DATETIME NOT NULL,
    "calledAt" DATETIME,
    "finishedAt" DATETIME,
    "status" TEXT NOT NULL DEFAULT 'waiting',
    "helperId" TEXT,
    "outcomeNote" TEXT,
    "ticketId" TEXT,
    CONSTRAINT "WalkIn_locationId_fkey" FOREIGN KEY ("locationId") REFERENCES "Location" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "WalkIn_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "WalkIn_helperId_fkey" FOREIGN KEY ("helperId") REFERENCES "Staff" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "DayWait" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "reference" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "locationId" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'waiting',
    "offeredAppointmentId" TEXT,
    "offerExpiresAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "DayWait_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "DayWait_locationId_fkey" FOREIGN KEY ("locationId") REFERENCES "Location" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CallbackHour" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "staffId" TEXT NOT NULL,
    "locationId" TEXT NOT NULL,
    "weekday" INTEGER NOT NULL,
    "startTime" TEXT NOT NULL,
    "endTime" TEXT NOT NULL,
    "slotMinutes" INTEGER NOT NULL DEFAULT 15,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "CallbackHour_staffId_fkey" FOREIGN KEY ("staffId") REFERENCES "Staff" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CallbackHour_locationId_fkey" FOREIGN KEY ("locationId") REFERENCES "Location" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Callback" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "reference" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "locationId" TEXT,
    "channel" TEXT NOT NULL,
    "windows" TEXT NOT NULL DEFAULT '[]',
    "topic" TEXT,
    "concern" TEXT,
    "status" TEXT NOT NULL DEFAULT 'scheduled',
    "scheduledAt" DATETIME,
    "assignedId" TEXT,
    "slotKey" TEXT,
    "attemptCount" INTEGER NOT NULL DEFAULT 0,
    "ticketId" TEXT,
    "idempotencyKey" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Callback_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Callback_locationId_fkey" FOREIGN KEY ("locationId") REFERENCES "Location" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Callback_assignedId_fkey" FOREIGN KEY ("assignedId") REFERENCES "Staff" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CallbackAttempt" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "callbackId" TEXT NOT NULL,
    "at" DATETIME NOT NULL,
    "staffId" TEXT,
    "outcome" TEXT NOT NULL,
    "note" TEXT,
    CONSTRAINT "CallbackAttempt_callbackId_fkey" FOREIGN KEY ("callbackId") REFERENCES "Callback" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CallbackAttempt_staffId_fkey" FOREIGN KEY ("staffId") REFERENCES "Staff" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "ConsultationHour_locationId_active_idx" ON "ConsultationHour"("locationId", "active");

-- CreateIndex
CREATE INDEX "Closure_locationId_startsOn_idx" ON "Closure"("locationId", "startsOn");

-- CreateIndex
CREATE UNIQUE INDEX "Appointment_reference_key" ON "Appointment"("reference");

-- CreateIndex
CREATE UNIQUE INDEX "Appointment_seatKey_key" ON "Appointment"("seatKey");

-- CreateIndex
CREATE UNIQUE INDEX "Appointment_idempotencyKey_key" ON "Appointment"("idempotencyKey");

-- CreateIndex
CREATE INDEX "Appointment_locationId_startsAt_idx" ON "Appointment"("locationId", "startsAt");

-- CreateIndex
CREATE INDEX "Appointment_consultationHourId_startsAt_status_idx" ON "Appointment"("consultationHourId", "startsAt", "status");

-- CreateIndex
CREATE INDEX "Appointment_personId_startsAt_idx" ON "Appointment"("personId", "startsAt");

-- CreateIndex
CREATE INDEX "Appointment_status_startsAt_idx" ON "Appointment"("status", "startsAt");

-- CreateIndex
CREATE INDEX "WalkIn_locationId_day_status_idx" ON "WalkIn"("locationId", "day", "status");

-- CreateIndex
CREATE UNIQUE INDEX "WalkIn_locationId_day_number_key" ON "WalkIn"("locationId", "day", "number");

-- CreateIndex
CREATE UNIQUE INDEX "DayWait_reference_key" ON "DayWait"("reference");

-- CreateIndex
CREATE INDEX "DayWait_locationId_day_status_createdAt_idx" ON "DayWait"("locationId", "day", "status", "createdAt");

-- CreateIndex
CREATE INDEX "DayWait_status_offerExpiresAt_idx" ON "DayWait"("status", "offerExpiresAt");

-- CreateIndex
CREATE UNIQUE INDEX "DayWait_personId_locationId_day_key" ON "DayWait"("personId", "locationId", "day");

-- CreateIndex
CREATE INDEX "CallbackHour_locationId_weekday_idx" ON "CallbackHour"("locationId", "weekday");

-- CreateIndex
CREATE INDEX "CallbackHour_staffId_idx" ON "CallbackHour"("staffId");

-- CreateIndex
CREATE UNIQUE INDEX "Callback_reference_key" ON "Callback"("reference");

-- CreateIndex
CREATE UNIQUE INDEX "Callback_slotKey_key" ON "Callback"("slotKey");

-- CreateIndex
CREATE UNIQUE INDEX "Callback_idempotencyKey_key" ON "Callback"("idempotencyKey");

-- CreateIndex
CREATE INDEX "Callback_status_scheduledAt_idx" ON "Callback"("status", "scheduledAt");

-- CreateIndex
CREATE INDEX "Callback_assignedId_status_scheduledAt_idx" ON "Callback"("assignedId", "status", "scheduledAt");

-- CreateIndex
CREATE INDEX "Callback_locationId_status_scheduledAt_idx" ON "Callback"("locationId", "status", "scheduledAt");

-- CreateIndex
CREATE INDEX "Callback_personId_idx" ON "Callback"("personId");

-- CreateIndex
CREATE INDEX "CallbackAttempt_callbackId_at_idx" ON "CallbackAttempt"("callbackId", "at");

-- CreateIndex
CREATE UNIQUE INDEX "Staff_calendarTokenHash_key" ON "Staff"("calendarTokenHash");


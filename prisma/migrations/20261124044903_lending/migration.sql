-- CreateTable
CREATE TABLE "Device" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "assetTag" TEXT NOT NULL,
    "locationId" TEXT NOT NULL,
    "model" TEXT NOT NULL,
    "serial" TEXT,
    "simNumber" TEXT,
    "dataPlanEndsOn" DATETIME,
    "accessories" TEXT NOT NULL DEFAULT '[]',
    "status" TEXT NOT NULL DEFAULT 'available',
    "notes" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Device_locationId_fkey" FOREIGN KEY ("locationId") REFERENCES "Location" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "DeviceEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "deviceId" TEXT NOT NULL,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "kind" TEXT NOT NULL,
    "actorId" TEXT,
    "loanId" TEXT,
    "data" TEXT NOT NULL DEFAULT '{}',
    CONSTRAINT "DeviceEvent_deviceId_fkey" FOREIGN KEY ("deviceId") REFERENCES "Device" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "DeviceEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "Staff" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Loan" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "reference" TEXT NOT NULL,
    "deviceId" TEXT NOT NULL,
    "activeDeviceId" TEXT,
    "personId" TEXT NOT NULL,
    "locationId" TEXT NOT NULL,
    "mentorId" TEXT,
    "handedOutById" TEXT,
    "receivedById" TEXT,
    "status" TEXT NOT NULL DEFAULT 'active',
    "checkedOutAt" DATETIME NOT NULL,
    "dueAt" DATETIME NOT NULL,
    "returnedAt" DATETIME,
    "checklistOut" TEXT NOT NULL DEFAULT '{}',
    "checklistIn" TEXT,
    "agreementMode" TEXT NOT NULL,
    "agreementAcceptedAt" DATETIME NOT NULL,
    "agreementLanguage" TEXT NOT NULL DEFAULT 'de',
    "learningGoals" TEXT NOT NULL DEFAULT '[]',
    "outcome" TEXT,
    "damageNote" TEXT,
    "followUp" TEXT,
    "followUpResolvedAt" DATETIME,
    "extendedCount" INTEGER NOT NULL DEFAULT 0,
    "checkOutKey" TEXT,
    "checkInKey" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Loan_deviceId_fkey" FOREIGN KEY ("deviceId") REFERENCES "Device" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Loan_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Loan_locationId_fkey" FOREIGN KEY ("locationId") REFERENCES "Location" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Loan_mentorId_fkey" FOREIGN KEY ("mentorId") REFERENCES "Staff" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Loan_handedOutById_fkey" FOREIGN KEY ("handedOutById") REFERENCES "Staff" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Loan_receivedById_fkey" FOREIGN KEY ("receivedById") REFERENCES "Staff" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "LoanPhoto" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "loanId" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "data" BLOB NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "LoanPhoto_loanId_fkey" FOREIGN KEY ("loanId") REFERENCES "Loan" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "MentoringTopic" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "key" TEXT NOT NULL,
    "labels" TEXT NOT NULL DEFAULT '{}',
    "active" BOOLEAN NOT NULL DEFAULT true,
    "sortOrder" INTEGER NOT NULL DEFAULT 0
);

-- CreateTable
CREATE TABLE "MentoringSession" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "loanId" TEXT NOT NULL,
    "mentorId" TEXT,
    "startsAt" DATETIME NOT NULL,
    "durationMinutes" INTEGER NOT NULL DEFAULT 60,
    "topics" TEXT NOT NULL DEFAULT '[]',
    "notes" TEXT,
    "attendance" TEXT NOT NULL DEFAULT 'planned',
    "idempotencyKey" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "MentoringSession_loanId_fkey" FOREIGN KEY ("loanId") REFERENCES "Loan" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "MentoringSession_mentorId_fkey" FOREIGN KEY ("mentorId") REFERENCES "Staff" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Reservation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "reference" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "locationId" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "wishes" TEXT,
    "status" TEXT NOT NULL DEFAULT 'waiting',
    "position" REAL NOT NULL,
    "offeredDeviceId" TEXT,
    "offeredAt" DATETIME,
    "offerExpiresAt" DATETIME,
    "loanId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Reservation_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Reservation_locationId_fkey" FOREIGN KEY ("locationId") REFERENCES "Location" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Reservation_offeredDeviceId_fkey" FOREIGN KEY ("offeredDeviceId") REFERENCES "Device" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Reservation_loanId_fkey" FOREIGN KEY ("loanId") REFERENCES "Loan" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ReservationEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "reservationId" TEXT NOT NULL,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "kind" TEXT NOT NULL,
    "actorId" TEXT,
    "reason" TEXT,
    "data" TEXT NOT NULL DEFAULT '{}',
    CONSTRAINT "ReservationEvent_reservationId_fkey" FOREIGN KEY ("reservationId") REFERENCES "Reservation" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ReservationEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "Staff" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Location" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "street" TEXT NOT NULL,
    "postalCode" TEXT NOT NULL,
    "city" TEXT NOT NULL,
    "phone" TEXT NOT NULL,
    "timeZone" TEXT NOT NULL DEFAULT 'Europe/Berlin',
    "openingHours" TEXT NOT NULL DEFAULT '{}',
    "loanWeeks" INTEGER NOT NULL DEFAULT 8,
    "offerDays" INTEGER NOT NULL DEFAULT 3,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_Location" ("city", "createdAt", "id", "kind", "name", "openingHours", "phone", "postalCode", "slug", "street", "timeZone", "updatedAt") SELECT "city", "createdAt", "id", "kind", "name", "openingHours", "phone", "postalCode", "slug", "street", "timeZone", "updatedAt" FROM "Location";
DROP TABLE "Location";
ALTER TABLE "new_Location" RENAME TO "Location";
CREATE UNIQUE INDEX "Location_slug_key" ON "Location"("slug");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "Device_assetTag_key" ON "Device"("assetTag");

-- CreateIndex
CREATE INDEX "Device_locationId_status_idx" ON "Device"("locationId", "status");

-- CreateIndex
CREATE INDEX "Device_locationId_assetTag_idx" ON "Device"("locationId", "assetTag");

-- CreateIndex
CREATE INDEX "DeviceEvent_deviceId_at_idx" ON "DeviceEvent"("deviceId", "at");

-- CreateIndex
CREATE UNIQUE INDEX "Loan_reference_key" ON "Loan"("reference");

-- CreateIndex
CREATE UNIQUE INDEX "Loan_activeDeviceId_key" ON "Loan"("activeDeviceId");

-- CreateIndex
CREATE UNIQUE INDEX "Loan_checkOutKey_key" ON "Loan"("checkOutKey");

-- CreateIndex
CREATE UNIQUE INDEX "Loan_checkInKey_key" ON "Loan"("checkInKey");

-- CreateIndex
CREATE INDEX "Loan_locationId_status_dueAt_idx" ON "Loan"("locationId", "status", "dueAt");

-- CreateIndex
CREATE INDEX "Loan_personId_checkedOutAt_idx" ON "Loan"("personId", "checkedOutAt");

-- CreateIndex
CREATE INDEX "Loan_deviceId_checkedOutAt_idx" ON "Loan"("deviceId", "checkedOutAt");

-- CreateIndex
CREATE INDEX "Loan_status_dueAt_idx" ON "Loan"("status", "dueAt");

-- CreateIndex
CREATE INDEX "LoanPhoto_loanId_idx" ON "LoanPhoto"("loanId");

-- CreateIndex
CREATE UNIQUE INDEX "MentoringTopic_key_key" ON "MentoringTopic"("key");

-- CreateIndex
CREATE UNIQUE INDEX "MentoringSession_idempotencyKey_key" ON "MentoringSession"("idempotencyKey");

-- CreateIndex
CREATE INDEX "MentoringSession_loanId_startsAt_idx" ON "MentoringSession"("loanId", "startsAt");

-- CreateIndex
CREATE INDEX "MentoringSession_startsAt_idx" ON "MentoringSession"("startsAt");

-- CreateIndex
CREATE UNIQUE INDEX "Reservation_reference_key" ON "Reservation"("reference");

-- CreateIndex
CREATE UNIQUE INDEX "Reservation_loanId_key" ON "Reservation"("loanId");

-- CreateIndex
CREATE INDEX "Reservation_locationId_status_position_idx" ON "Reservation"("locationId", "status", "position");

-- CreateIndex
CREATE INDEX "Reservation_status_offerExpiresAt_idx" ON "Reservation"("status", "offerExpiresAt");

-- CreateIndex
CREATE INDEX "Reservation_personId_idx" ON "Reservation"("personId");

-- CreateIndex
CREATE INDEX "Reservation_offeredDeviceId_idx" ON "Reservation"("offeredDeviceId");

-- CreateIndex
CREATE INDEX "ReservationEvent_reservationId_at_idx" ON "ReservationEvent"("reservationId", "at");


-- Built-in mentoring topics (translated by key in locales/<lng>/lending.json); coordinators add their own.
INSERT INTO "MentoringTopic" ("id", "key", "sortOrder") VALUES
  ('topic_switching_on', 'switching_on', 10),
  ('topic_wifi', 'wifi', 20),
  ('topic_video_calls', 'video_calls', 30),
  ('topic_messengers', 'messengers', 40),
  ('topic_photos', 'photos', 50),
  ('topic_online_banking', 'online_banking', 60),
  ('topic_scams', 'scams', 70),
  ('topic_e_government', 'e_government', 80),
  ('topic_health_apps', 'health_apps', 90),
  ('topic_apps_store', 'apps_store', 100);

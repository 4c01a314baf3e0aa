-- AlterTable
ALTER TABLE "Person" ADD COLUMN "erasurePendingSince" DATETIME;


-- Built-in category for requests about a person's own data (erasure asked for by web, SMS or phone: issue 15).
INSERT INTO "TicketCategory" ("id", "key", "sortOrder") VALUES ('cat_privacy', 'privacy', 110);

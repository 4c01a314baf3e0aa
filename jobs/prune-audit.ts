// Job: the access log's own retention — entries older than AUDIT_RETENTION_DAYS are deleted.
import type { Services } from "~/context";
import { pruneAuditLog } from "~/capabilities/privacy/audit.server";

export async function pruneAudit(services: Services): Promise<void> {
  await pruneAuditLog(services, services.config.retention.auditDays);
}

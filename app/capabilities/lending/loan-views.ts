// The views of the loan list (no database: safe for pages to import).
export const LOAN_VIEWS = ["active", "dueSoon", "overdue", "followUps", "returned"] as const;
export type LoanView = (typeof LOAN_VIEWS)[number];

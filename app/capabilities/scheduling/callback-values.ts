// Callback value sets safe to import anywhere (pages too): no database, no React.

/** The length of one call slot in callback hours, in minutes. */
export const CALLBACK_SLOT_MINUTES = [10, 15, 20] as const;

// The admin console's tabs, in the order of the bar. Kept apart from the console itself so the
// router can know its addresses without loading it.

export const ADMIN_TABS = ["dashboard", "users", "moderation", "words", "announcements", "audit", "backups", "export"];

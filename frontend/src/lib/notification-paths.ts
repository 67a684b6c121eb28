/** Paths of the notification pages, shared by the bell, the navigation and the pages. */
export const NOTIFICATIONS_PATH = "/notifikasi";
export const NOTIFICATION_SETTINGS_PATH = "/notifikasi/pengaturan";

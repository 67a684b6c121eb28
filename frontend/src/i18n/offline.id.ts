/** Bahasa Indonesia for working without a connection: the offline banner and drafts kept on the device. */
export const offlineId = {
  "offline.banner":
    "Anda sedang offline. Halaman yang sudah dimuat tetap bisa dibuka; draf ide disimpan di perangkat ini dan dikirim saat koneksi kembali.",
  "offline.backOnline": "Koneksi kembali. Anda sudah online.",

  "deviceDraft.kept": "Draf disimpan di perangkat ini.",
  "deviceDraft.offline": "Anda offline. Draf disimpan di perangkat ini dan dikirim ke server saat koneksi kembali.",
  "deviceDraft.savedAfterOffline": "Tersimpan {time}. Draf yang disimpan di perangkat ini sudah masuk ke server.",
  "deviceDraft.syncedOne": "Draf “{title}” yang tersimpan di perangkat ini sudah masuk ke server.",
  "deviceDraft.syncFailed":
    "Draf “{title}” yang tersimpan di perangkat ini belum dapat dikirim ke server. {reason} Draf tetap ada di perangkat ini.",
  "deviceDraft.open": "Buka draf",
  "deviceDraft.dismiss": "Tutup pemberitahuan",
  "deviceDraft.untitled": "tanpa judul",
} as const;

/** English for daily use on a phone. Same keys as `daily.id.ts`. */
export const dailyEn = {
  "share.button": "Share",
  "share.buttonLabel": "Share “{title}”",
  "share.title": "Share",
  "share.text": "Send this link to colleagues on WhatsApp or another app.",
  "share.link": "Link",
  "share.copy": "Copy link",
  "share.copied": "Link copied. Paste it into your message.",
  "share.copyFailed": "The link could not be copied automatically. Select the link above and copy it.",
  "share.whatsapp": "Send on WhatsApp",
  "share.ideaText": "The idea “{title}” on Gagas — support it and join the discussion:",
  "share.awardText": "The award “{title}” on Gagas:",
  "share.hallText": "{agency}'s innovation Hall of Fame on Gagas:",
  "csv.excelId": "{label} for Excel (Indonesian)",
  "csv.excelIdHint": "A file for Excel set to Indonesian: semicolon separators and decimal commas.",

  "import.template": "Template for Excel (Indonesian)",
  "import.templateComma": "CSV template (comma-separated)",
  "import.templateHelp":
    "Fill in one row per employee, save as CSV or Excel (.xlsx), then upload it here. Columns: nip (18 digits, format the column as text), nama (name), email, kode_unit (unit code as in Units), jabatan (position), peran (role: pegawai/asn, penilai/reviewer, pimpinan/leader, admin; several separated by |; empty means ASN).",
  "import.readingXlsx": "Reading the Excel file…",
  "import.notXlsx":
    "This file cannot be read as an Excel workbook (.xlsx). Save it again from Excel, or upload it as CSV.",
  "offline.savedCopy": "You are offline. This is the copy kept on this device,",
  "offline.savedAgo": "saved {ago}.",
  "offline.voteNotSent": "Your support was not sent because you are offline. Press again when the connection returns.",
  "offline.followNotSent": "Not sent because you are offline. Try again when the connection returns.",
  "offline.commentNotSent":
    "Your comment was not sent because you are offline. The text stays in the comment box; send it again when the connection returns.",
} as const;

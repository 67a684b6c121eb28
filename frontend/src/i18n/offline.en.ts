/** English for working without a connection. Same keys as `offline.id.ts`. */
export const offlineEn = {
  "offline.banner":
    "You are offline. Pages already loaded still open; idea drafts are kept on this device and sent when the connection returns.",
  "offline.backOnline": "The connection is back. You are online.",

  "deviceDraft.kept": "The draft is kept on this device.",
  "deviceDraft.offline":
    "You are offline. The draft is kept on this device and sent to the server when the connection returns.",
  "deviceDraft.savedAfterOffline": "Saved {time}. The draft kept on this device is now on the server.",
  "deviceDraft.syncedOne": "The draft “{title}” kept on this device is now saved on the server.",
  "deviceDraft.syncFailed":
    "The draft “{title}” kept on this device could not be sent to the server. {reason} It is still kept on this device.",
  "deviceDraft.open": "Open the draft",
  "deviceDraft.dismiss": "Dismiss the notice",
  "deviceDraft.untitled": "untitled",
} as const;

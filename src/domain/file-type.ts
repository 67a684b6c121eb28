/**
 * What a file is, decided by its bytes alone: the name and the type a browser declares are the
 * uploader's word, the content is not. Only the types an idea may carry are recognised
 * (PDF, images without script, office documents without macros); anything else is `null`.
 *
 * Containers are looked into, not just at their first bytes: a ZIP is only a document when its
 * parts say so, and an OLE2 compound file (also the format of .msi installers and .msg mails) only
 * when its root holds the main stream of Word, Excel or PowerPoint.
 */

export const FILE_TYPES = {
  pdf: { contentType: "application/pdf", extension: "pdf" },
  png: { contentType: "image/png", extension: "png" },
  jpeg: { contentType: "image/jpeg", extension: "jpg" },
  webp: { contentType: "image/webp", extension: "webp" },
  gif: { contentType: "image/gif", extension: "gif" },
  docx: {
    contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    extension: "docx",
  },
  xlsx: { contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", extension: "xlsx" },
  pptx: {
    contentType: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    extension: "pptx",
  },
  odt: { contentType: "application/vnd.oasis.opendocument.text", extension: "odt" },
  ods: { contentType: "application/vnd.oasis.opendocument.spreadsheet", extension: "ods" },
  odp: { contentType: "application/vnd.oasis.opendocument.presentation", extension: "odp" },
  doc: { contentType: "application/msword", extension: "doc" },
  xls: { contentType: "application/vnd.ms-excel", extension: "xls" },
  ppt: { contentType: "application/vnd.ms-powerpoint", extension: "ppt" },
} as const;

export type FileType = keyof typeof FILE_TYPES;
export type DetectedFile = { type: FileType; contentType: string; extension: string };

const detected = (type: FileType): DetectedFile => ({ type, ...FILE_TYPES[type] });

const startsWith = (bytes: Uint8Array, signature: readonly number[], at = 0) =>
  bytes.length >= at + signature.length && signature.every((b, i) => bytes[at + i] === b);

const ascii = (text: string) => [...text].map((ch) => ch.charCodeAt(0));

const latin1 = (bytes: Uint8Array, start: number, length: number) => {
  if (start + length > bytes.length) throw new RangeError("past the end");
  return String.fromCharCode(...bytes.subarray(start, start + length));
};

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const ZIP_LOCAL = [0x50, 0x4b, 0x03, 0x04];
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/**
 * @param bytes the whole file (containers are read to their central directory / FAT)
 * @returns the type, its canonical content type and extension; `null` for anything not accepted
 * @example detectFileType(await file.bytes()) // { type: "png", contentType: "image/png", extension: "png" }
 */
export function detectFileType(bytes: Uint8Array): DetectedFile | null {
  if (startsWith(bytes, ascii("%PDF-"))) return detected("pdf");
  if (startsWith(bytes, PNG)) return detected("png");
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return detected("jpeg");
  if (startsWith(bytes, ascii("GIF87a")) || startsWith(bytes, ascii("GIF89a"))) return detected("gif");
  if (startsWith(bytes, ascii("RIFF")) && startsWith(bytes, ascii("WEBP"), 8)) return detected("webp");
  try {
    if (startsWith(bytes, ZIP_LOCAL)) return detectZipDocument(bytes);
    if (startsWith(bytes, OLE2)) return detectOleDocument(bytes);
  } catch (error) {
    // a container whose offsets point outside the file is not a document we accept
    if (error instanceof RangeError) return null;
    throw error;
  }
  return null;
}

const ODF_MEDIA_TYPES: Record<string, FileType> = {
  "application/vnd.oasis.opendocument.text": "odt",
  "application/vnd.oasis.opendocument.spreadsheet": "ods",
  "application/vnd.oasis.opendocument.presentation": "odp",
};

/** OOXML main parts by folder; a package has exactly one. */
const OOXML_PARTS: [prefix: string, type: FileType][] = [
  ["word/", "docx"],
  ["xl/", "xlsx"],
  ["ppt/", "pptx"],
];

/**
 * ODF: the first entry is `mimetype`, stored uncompressed, holding the media type (ODF 1.2 part 3
 * §3.3). OOXML: the package has `[Content_Types].xml` and a main part folder. The content-types
 * entry is looked up in the central directory rather than required first, because writers differ
 * in the order they emit parts. A package with a VBA project (a renamed .docm/.xlsm) is refused.
 */
function detectZipDocument(bytes: Uint8Array): DetectedFile | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const method = view.getUint16(8, true);
  const storedSize = view.getUint32(18, true);
  const nameLength = view.getUint16(26, true);
  const extraLength = view.getUint16(28, true);
  if (latin1(bytes, 30, nameLength) === "mimetype") {
    if (method !== 0) return null;
    const start = 30 + nameLength + extraLength;
    const length = Math.min(storedSize, 80, bytes.length - start);
    const type = ODF_MEDIA_TYPES[latin1(bytes, start, Math.max(length, 0))];
    return type ? detected(type) : null;
  }
  const names = zipEntryNames(bytes, view);
  if (!names.includes("[Content_Types].xml")) return null;
  if (names.some((n) => /(^|\/)vbaProject\.bin$/i.test(n))) return null;
  const found = OOXML_PARTS.filter(([prefix]) => names.some((n) => n.startsWith(prefix)));
  return found.length === 1 ? detected(found[0]![1]) : null;
}

const EOCD = 0x06054b50;
const CENTRAL_ENTRY = 0x02014b50;

/** The names in the ZIP's central directory (the end-of-central-directory record points to it). */
function zipEntryNames(bytes: Uint8Array, view: DataView): string[] {
  const lowest = Math.max(0, bytes.length - 22 - 0xffff);
  let eocd = -1;
  for (let p = bytes.length - 22; p >= lowest; p--) {
    if (view.getUint32(p, true) === EOCD) {
      eocd = p;
      break;
    }
  }
  if (eocd < 0) return [];
  const count = view.getUint16(eocd + 10, true);
  let p = view.getUint32(eocd + 16, true);
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    if (view.getUint32(p, true) !== CENTRAL_ENTRY) return [];
    const nameLength = view.getUint16(p + 28, true);
    const extraLength = view.getUint16(p + 30, true);
    const commentLength = view.getUint16(p + 32, true);
    names.push(latin1(bytes, p + 46, nameLength));
    p += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

const END_OF_CHAIN = 0xfffffffe;
const NO_STREAM = 0xffffffff;

/** The main stream at the root of a legacy Office file, by application. */
const OLE_MAIN_STREAMS: Record<string, FileType> = {
  WordDocument: "doc",
  Workbook: "xls",
  Book: "xls",
  "PowerPoint Document": "ppt",
};

/**
 * OLE2 compound file: walks the directory chain through the FAT and reads the names of the root
 * storage's own children (not those of embedded objects, so an Excel sheet embedding a Word
 * document is still a workbook).
 */
function detectOleDocument(bytes: Uint8Array): DetectedFile | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const shift = view.getUint16(30, true);
  if (shift !== 9 && shift !== 12) return null;
  const sectorSize = 1 << shift;
  const perSector = sectorSize / 4;
  const maxSectors = Math.ceil(bytes.length / sectorSize);
  const sectorAt = (s: number) => (s + 1) * sectorSize;

  // the FAT's own sectors: 109 in the header, more in a chain of DIFAT sectors
  const fatSectors: number[] = [];
  for (let i = 0; i < 109; i++) fatSectors.push(view.getUint32(76 + i * 4, true));
  let difat = view.getUint32(68, true);
  while (difat !== END_OF_CHAIN && difat !== NO_STREAM) {
    // a FAT cannot have more sectors than the file: a longer DIFAT chain is a loop
    if (fatSectors.length > maxSectors + 109) return null;
    for (let i = 0; i < perSector - 1; i++) fatSectors.push(view.getUint32(sectorAt(difat) + i * 4, true));
    difat = view.getUint32(sectorAt(difat) + (perSector - 1) * 4, true);
  }
  const nextSector = (s: number) => {
    const fat = fatSectors[Math.floor(s / perSector)];
    if (fat === undefined || fat >= END_OF_CHAIN) throw new RangeError("sector outside the FAT");
    return view.getUint32(sectorAt(fat) + (s % perSector) * 4, true);
  };

  type Entry = { name: string; left: number; right: number; child: number };
  const entries: Entry[] = [];
  let sector = view.getUint32(48, true);
  for (let hops = 0; sector !== END_OF_CHAIN; hops++) {
    if (hops > maxSectors) return null;
    for (let at = sectorAt(sector); at < sectorAt(sector) + sectorSize; at += 128) {
      const nameBytes = Math.min(Math.max(view.getUint16(at + 64, true) - 2, 0), 62);
      let name = "";
      for (let i = 0; i < nameBytes; i += 2) name += String.fromCharCode(view.getUint16(at + i, true));
      entries.push({
        name,
        left: view.getUint32(at + 68, true),
        right: view.getUint32(at + 72, true),
        child: view.getUint32(at + 76, true),
      });
    }
    sector = nextSector(sector);
  }

  // the root's children form a tree through their left and right siblings
  const rootNames: string[] = [];
  const seen = new Set<number>();
  const pending = [entries[0]?.child ?? NO_STREAM];
  while (pending.length > 0) {
    const id = pending.pop()!;
    if (id === NO_STREAM || seen.has(id)) continue;
    const entry = entries[id];
    if (!entry) return null;
    seen.add(id);
    rootNames.push(entry.name);
    pending.push(entry.left, entry.right);
  }
  const types = [...new Set(rootNames.map((n) => OLE_MAIN_STREAMS[n]).filter((t) => t !== undefined))];
  return types.length === 1 ? detected(types[0]!) : null;
}

/**
 * The CLI's host boundary: an .xlsx file → a host-neutral WorkbookSnapshot, read by streaming the package's
 * parts (./xlsxStream); the checks only ever see the snapshot. Files that are no workbook get a precise reason.
 */
import { promises as fs } from "node:fs";
import type { Lang } from "../plan/i18n";
import type { WorkbookSnapshot } from "../model/types";
import { readXlsx } from "./xlsxStream";

export type ReadErrorCode =
  | "missing"
  | "directory"
  | "empty"
  | "encrypted"
  | "xls"
  | "text"
  | "not-zip"
  | "no-workbook"
  | "corrupt"
  | "unreadable";

const READ_MESSAGES: Record<ReadErrorCode, Record<Lang, string>> = {
  missing: { sv: "filen finns inte", en: "file not found" },
  directory: { sv: "är en mapp, inte en fil", en: "is a directory, not a file" },
  empty: { sv: "filen är tom (0 byte)", en: "the file is empty (0 bytes)" },
  encrypted: {
    sv: "filen är lösenordsskyddad (krypterad); spara en kopia utan lösenord och försök igen",
    en: "the file is password-protected (encrypted); save a copy without a password and try again",
  },
  xls: {
    sv: "filen är i det gamla .xls-formatet; spara den som .xlsx i Excel och försök igen",
    en: "the file is in the old .xls format; save it as .xlsx in Excel and try again",
  },
  text: {
    sv: "filen är en textfil, inte en Excel-arbetsbok (.xlsx)",
    en: "the file is a text file, not an Excel workbook (.xlsx)",
  },
  "not-zip": {
    sv: "filen är inte en Excel-arbetsbok (.xlsx är ett zip-arkiv, det här är något annat)",
    en: "the file is not an Excel workbook (.xlsx is a zip archive; this is something else)",
  },
  "no-workbook": {
    sv: "filen är ett zip-arkiv men ingen Excel-arbetsbok (kanske ett Word- eller annat Office-dokument)",
    en: "the file is a zip archive but not an Excel workbook (perhaps a Word or other Office document)",
  },
  corrupt: {
    sv: "filen är skadad eller ofullständig och kan inte läsas som .xlsx",
    en: "the file is damaged or truncated and cannot be read as .xlsx",
  },
  unreadable: { sv: "filen kan inte läsas", en: "the file cannot be read" },
};

/**
 * The stable code of each reason in `plankoll check --format json` (`"error": { "code", "message" }`): scripts
 * branch on the code, people read the message.
 */
export const READ_ERROR_CODES: Record<ReadErrorCode, string> = {
  missing: "not-found",
  directory: "directory",
  empty: "empty",
  encrypted: "encrypted",
  xls: "xls",
  text: "not-xlsx",
  "not-zip": "not-xlsx",
  "no-workbook": "not-xlsx",
  corrupt: "corrupt",
  unreadable: "unreadable",
};

/** A file that cannot be read as a workbook; `reason(lang)` is the one-line text for users. */
export class WorkbookReadError extends Error {
  constructor(
    readonly code: ReadErrorCode,
    readonly detail?: string,
  ) {
    super(READ_MESSAGES[code].sv);
    this.name = "WorkbookReadError";
  }
  reason(lang: Lang = "sv"): string {
    return READ_MESSAGES[this.code][lang];
  }
}

const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** Looks at the first bytes so a wrong kind of file gets a precise reason instead of a zip error. */
export async function sniff(path: string): Promise<void> {
  let stat;
  try {
    stat = await fs.stat(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new WorkbookReadError(code === "ENOENT" || code === "ENOTDIR" ? "missing" : "unreadable", code);
  }
  if (stat.isDirectory()) throw new WorkbookReadError("directory");
  if (stat.size === 0) throw new WorkbookReadError("empty");
  let head: Buffer;
  try {
    const handle = await fs.open(path, "r");
    try {
      const buf = Buffer.alloc(Math.min(stat.size, 65536));
      const { bytesRead } = await handle.read(buf, 0, buf.length, 0);
      head = buf.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  } catch (e) {
    throw new WorkbookReadError("unreadable", (e as NodeJS.ErrnoException).code);
  }
  if (head.length >= 8 && CFB_MAGIC.every((b, i) => head[i] === b)) {
    // Encrypted .xlsx files are OLE compound files with "EncryptionInfo"/"EncryptedPackage" streams; old .xls
    // files are OLE files too. The stream names (UTF-16) sit in the directory, which may lie past the first
    // bytes in a big file: read its first sector as the header says.
    const names = [head];
    if (head.length >= 0x34) {
      const sectorSize = 1 << head.readUInt16LE(0x1e);
      const dirSector = head.readUInt32LE(0x30);
      if (sectorSize >= 512 && sectorSize <= 4096 && dirSector < 0xfffffffa) {
        const buf = Buffer.alloc(sectorSize);
        try {
          const handle = await fs.open(path, "r");
          try {
            const { bytesRead } = await handle.read(buf, 0, sectorSize, (dirSector + 1) * sectorSize);
            names.push(buf.subarray(0, bytesRead));
          } finally {
            await handle.close();
          }
        } catch {
          // Fall back to the first bytes only.
        }
      }
    }
    const has = (name: string) => names.some((b) => b.includes(Buffer.from(name, "utf16le")));
    throw new WorkbookReadError(has("EncryptionInfo") || has("EncryptedPackage") ? "encrypted" : "xls");
  }
  if (!(head[0] === 0x50 && head[1] === 0x4b && (head[2] === 0x03 || head[2] === 0x05))) {
    const sample = head.subarray(0, 4096);
    const printable = sample.every((b) => b === 9 || b === 10 || b === 13 || b >= 32);
    throw new WorkbookReadError(printable ? "text" : "not-zip");
  }
}

/**
 * Reads an .xlsx file into a snapshot. Throws WorkbookReadError (with a user-facing reason) for files that
 * are missing, empty, directories, encrypted, old .xls, text, not a zip, or damaged.
 */
export async function readWorkbookFile(path: string): Promise<WorkbookSnapshot> {
  await sniff(path);
  let snapshot: WorkbookSnapshot;
  try {
    snapshot = await readXlsx(path);
  } catch (e) {
    throw new WorkbookReadError("corrupt", e instanceof Error ? e.message : String(e));
  }
  // Every workbook Excel saves has at least one sheet; a zip with none is some other kind of file.
  if (snapshot.sheets.length === 0) throw new WorkbookReadError("no-workbook");
  return snapshot;
}

/** What a named file is taken for, by its extension (kept apart so the check command loads no PDF code for it). */
import { extname } from "node:path";

export const isPdfPath = (path: string) => extname(path).toLowerCase() === ".pdf";

/**
 * What a plan source is (host-free), the one dispatcher the CLI's `import` and the task pane's import share: the
 * bytes decide, the file name is a hint. A PDF is a PDF whatever its name; a file named .pdf that is not one,
 * a type the importers do not read, an empty file and a binary file are refused with a problem code.
 */
import type { Text } from "../plan/i18n";
import { looksLikePdf, PdfTextError } from "./pdfText";

/** The importers: a PDF's text layer, a plan file, text with one line per page. */
export type PlanSourceKind = "pdf" | "json" | "text";

/** Why a source is not imported ("not-pdf" is said as the PDF reader says it, PdfTextError). */
export type PlanSourceProblem = "unknown-type" | "not-pdf" | "empty" | "not-text";

export type PlanSource =
  { kind: "pdf" } | { kind: "json" | "text"; text: string } | { problem: PlanSourceProblem; ext: string };

/** The extensions the importers read; a file without one is judged by its bytes alone. */
const READ_EXTENSIONS = [".pdf", ".txt", ".json", ""];

/** ".pdf" for "Plan 2019.PDF", "" for "plan" or ".plankoll". */
export function extensionOf(name: string): string {
  const base = name.slice(Math.max(name.lastIndexOf("/"), name.lastIndexOf("\\")) + 1);
  const dot = base.lastIndexOf(".");
  return dot > 0 ? base.slice(dot).toLowerCase() : "";
}

/** Decides which importer reads `bytes`; a JSON or text source comes with its decoded text. */
export function planSource(bytes: Uint8Array, name = ""): PlanSource {
  const ext = extensionOf(name);
  if (looksLikePdf(bytes)) return { kind: "pdf" };
  if (ext === ".pdf") return { problem: "not-pdf", ext };
  if (!READ_EXTENSIONS.includes(ext)) return { problem: "unknown-type", ext };
  const text = new TextDecoder("utf-8").decode(bytes);
  if (!text.replace(/^\uFEFF/, "").trim()) return { problem: "empty", ext };
  if (text.includes("\u0000")) return { problem: "not-text", ext };
  if (ext === ".json" || /^\uFEFF?\s*\{/.test(text)) return { kind: "json", text };
  return { kind: "text", text };
}

const PROBLEM_TEXT: Record<Exclude<PlanSourceProblem, "not-pdf">, (ext: string) => Text> = {
  "unknown-type": (ext) => ({
    sv: `okänd filtyp "${ext}": ange en PDF, en textfil (.txt) eller en plan i JSON; spara Word-dokument som PDF först`,
    en: `unknown file type "${ext}": give a PDF, a text file (.txt) or a plan in JSON; save Word documents as PDF first`,
  }),
  empty: () => ({ sv: "filen är tom", en: "the file is empty" }),
  "not-text": () => ({ sv: "ingen text (en binärfil?)", en: "not a text file (a binary file?)" }),
};

/** A source no importer reads; `text` per language, `message` bilingual. */
export class PlanSourceError extends Error {
  readonly text: Text;
  constructor(
    readonly problem: Exclude<PlanSourceProblem, "not-pdf">,
    readonly ext: string,
  ) {
    const t = PROBLEM_TEXT[problem](ext);
    super(`${t.sv} / ${t.en}`);
    this.name = "PlanSourceError";
    this.text = t;
  }
}

/** The error to throw for a refused source: PdfTextError("not-pdf") as the PDF reader throws it, else PlanSourceError. */
export function planSourceError(refused: { problem: PlanSourceProblem; ext: string }): Error {
  return refused.problem === "not-pdf"
    ? new PdfTextError("not-pdf")
    : new PlanSourceError(refused.problem, refused.ext);
}

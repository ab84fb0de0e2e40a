/** The one plan-source dispatcher (CLI import and task pane): the bytes decide, the name is a hint. */
import { PdfTextError } from "../../src/import/pdfText";
import { extensionOf, planSource, planSourceError, PlanSourceError } from "../../src/import/source";

const bytes = (s: string | number[]) =>
  typeof s === "string" ? new TextEncoder().encode(s) : Uint8Array.from(s);
const PDF = bytes("%PDF-1.7\n1 0 obj <<>> endobj\n");

describe("planSource", () => {
  test.each([
    ["plan.pdf", PDF, "pdf"],
    ["PLAN.PDF", PDF, "pdf"],
    ["plan.txt", PDF, "pdf"],
    ["plan", PDF, "pdf"],
    ["plan.json", PDF, "pdf"],
    ["junk-before.pdf", bytes("\r\n\r\ngarbage\n%PDF-1.4\n"), "pdf"],
    ["plan.json", bytes('{"title": "Plan"}'), "json"],
    ["plan.json", bytes("[1, 2]"), "json"],
    ["plan.txt", bytes('  {"title": "Plan"}'), "json"],
    ["plan", bytes('\uFEFF{"title": "Plan"}'), "json"],
    ["plan.txt", bytes("Verksamhetsplan 2019\nKommunstyrelsen\n"), "text"],
    ["plan.TXT", bytes("Verksamhetsplan 2019\n"), "text"],
    ["/mapp.med.punkt/plan", bytes("Verksamhetsplan 2019\n"), "text"],
  ])("%s → %s", (name, data, kind) => {
    expect(planSource(data, name)).toMatchObject({ kind });
  });

  test("a JSON or text source comes decoded, without its byte-order mark", () => {
    expect(planSource(bytes("\uFEFFVerksamhetsplan\n"), "plan.txt")).toEqual({
      kind: "text",
      text: "Verksamhetsplan\n",
    });
  });

  test.each([
    ["not-a-pdf.pdf", bytes("Detta är ingen PDF, bara text med fel filändelse."), "not-pdf", ".pdf"],
    ["tom.pdf", bytes(""), "not-pdf", ".pdf"],
    ["plan.docx", bytes("PK\u0003\u0004 inte riktigt"), "unknown-type", ".docx"],
    ["plan.", bytes("text"), "unknown-type", "."],
    ["tom.txt", bytes(""), "empty", ".txt"],
    ["bom.json", bytes("\uFEFF \n\t"), "empty", ".json"],
    ["bild.txt", bytes([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]), "not-text", ".txt"],
    ["bild", bytes([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]), "not-text", ""],
  ])("%s is refused: %s", (name, data, problem, ext) => {
    expect(planSource(data, name)).toEqual({ problem, ext });
  });

  test("a refused source is said in both languages, a .pdf that is not one as the PDF reader says it", () => {
    const notPdf = planSourceError({ problem: "not-pdf", ext: ".pdf" });
    expect(notPdf).toBeInstanceOf(PdfTextError);
    expect((notPdf as PdfTextError).text).toEqual({
      sv: "filen är inte en PDF",
      en: "the file is not a PDF",
    });
    const docx = planSourceError({ problem: "unknown-type", ext: ".docx" }) as PlanSourceError;
    expect(docx).toBeInstanceOf(PlanSourceError);
    expect(docx.text.sv).toMatch(
      /^okänd filtyp "\.docx": ange en PDF, en textfil \(\.txt\) eller en plan i JSON/,
    );
    expect(docx.text.en).toMatch(/^unknown file type "\.docx": .*save Word documents as PDF first$/);
    expect((planSourceError({ problem: "empty", ext: ".txt" }) as PlanSourceError).text.en).toBe(
      "the file is empty",
    );
  });

  test("extensions", () => {
    expect([
      extensionOf("a/b.c/Plan 2019.PDF"),
      extensionOf("plan"),
      extensionOf(".plankoll"),
      extensionOf("C:\\x.y\\z"),
    ]).toEqual([".pdf", "", "", ""]);
  });
});

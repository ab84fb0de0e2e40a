import { looksLikePdf, pdfProblemOf, PdfTextError, positionedPages } from "../../src/import/pdfText";

const fakeDoc = (pages: { str: string }[][]) => ({
  numPages: pages.length,
  getPage: async (n: number) => ({
    getTextContent: async () => ({
      items: pages[n - 1].map((it, k) => ({
        str: it.str,
        transform: [10, 0, 0, 10, 50, 800 - 12 * k],
        width: 40,
      })),
    }),
  }),
});

describe("host-free PDF steps", () => {
  test("a PDF is recognised by its header, not its name", () => {
    const enc = (s: string) => new Uint8Array([...s].map((c) => c.charCodeAt(0)));
    expect(looksLikePdf(enc("%PDF-1.7\n..."))).toBe(true);
    expect(looksLikePdf(enc("\r\n%PDF-1.4"))).toBe(true);
    expect(looksLikePdf(enc("Detta är ingen PDF"))).toBe(false);
    expect(looksLikePdf(new Uint8Array([0x50, 0x4b, 0x03, 0x04]))).toBe(false);
  });

  test("pdfjs failures mean: password → encrypted, invalid → not a PDF, else unreadable", () => {
    expect(pdfProblemOf({ name: "PasswordException" })).toBe("encrypted");
    expect(pdfProblemOf({ name: "InvalidPDFException" })).toBe("not-pdf");
    expect(pdfProblemOf(new Error("boom"))).toBe("unreadable");
    expect(pdfProblemOf(null)).toBe("unreadable");
  });

  test("pages of a loaded document become positioned text; an image-only document is 'no-text'", async () => {
    const pages = await positionedPages(fakeDoc([[{ str: "Totalt" }], [{ str: "Summa" }, { str: " " }]]));
    expect(pages.map((p) => p.map((it) => [it.page, it.str, it.y]))).toEqual([
      [[1, "Totalt", 800]],
      [
        [2, "Summa", 800],
        [2, " ", 788],
      ],
    ]);
    await expect(positionedPages(fakeDoc([[], [{ str: "  " }]]))).rejects.toMatchObject({
      problem: "no-text",
    });
  });

  test("messages in both languages", () => {
    const e = new PdfTextError("encrypted");
    expect(e.text.sv).toMatch(/krypterad/);
    expect(e.text.en).toMatch(/encrypted/);
    expect(e.message).toBe(`${e.text.sv} / ${e.text.en}`);
  });
});

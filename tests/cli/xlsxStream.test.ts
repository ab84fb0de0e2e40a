/**
 * The streaming .xlsx reader (src/cli/xlsxStream.ts) against the ExcelJS reader it replaced
 * (src/cli/xlsxExcelJS.ts): identical snapshots and identical findings over every fixture, example and real
 * corpus workbook, and over a workbook made here with every kind of cell; damaged packages keep a clear reason.
 */
import ExcelJS from "exceljs";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { checkWorkbook } from "../../src/checks";
import type { WorkbookSnapshot } from "../../src/model/types";
import { readWorkbookFile, WorkbookReadError } from "../../src/cli/xlsx";
import { readWorkbookFileExcelJS } from "../../src/cli/xlsxExcelJS";
import { embeddedPlan } from "../../src/plan/embedded";
import { readXlsx, SheetReader, type SheetContext } from "../../src/cli/xlsxStream";
import { scanXml, Unusual } from "../../src/cli/xmlScan";
import { SaxesParser } from "saxes";

const ROOT = join(__dirname, "..", "..");
const CORPUS = join(ROOT, "..", "shared", "corpus", "workbooks");

function xlsxUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? xlsxUnder(join(dir, e.name)) : e.name.endsWith(".xlsx") ? [join(dir, e.name)] : [],
  );
}

const fixtures = [...xlsxUnder(join(ROOT, "tests", "fixtures")), ...xlsxUnder(join(ROOT, "examples"))];
const corpus = existsSync(CORPUS) ? xlsxUnder(CORPUS) : [];
const rel = (f: string) => f.slice(join(ROOT, "..").length + 1);

/** Plain data as JSON would carry it (shared frozen rows and one object per error code are the same data). */
const plain = (s: WorkbookSnapshot) => JSON.parse(JSON.stringify(s)) as WorkbookSnapshot;

async function bothReaders(file: string): Promise<void> {
  const [now, before] = [await readWorkbookFile(file), await readWorkbookFileExcelJS(file)];
  expect(plain(now)).toStrictEqual(plain(before));
  const options = { plan: embeddedPlan, lang: "sv" as const };
  expect(checkWorkbook(now, options)).toStrictEqual(checkWorkbook(before, options));
}

describe("streaming reader = ExcelJS reader", () => {
  test("there are fixture, example and corpus workbooks to compare", () => {
    expect(fixtures.length).toBeGreaterThan(40);
    // CI clones the repository with shared/ beside it: the corpus must be there, not silently skipped.
    expect(corpus.length).toBeGreaterThan(20);
  });

  test.each(fixtures.map(rel))("fixture %s", async (file) => bothReaders(join(ROOT, "..", file)));
  test.each(corpus.map(rel))("corpus %s", async (file) => bothReaders(join(ROOT, "..", file)), 60_000);
});

describe("every kind of cell", () => {
  let dir: string;
  let file: string;
  let file1904: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "plankoll-reader-"));
    const make = async (date1904: boolean, name: string) => {
      const wb = new ExcelJS.Workbook();
      if (date1904) wb.properties.date1904 = true;
      const ws = wb.addWorksheet("Budget");
      ws.getCell("A1").value = "Post";
      ws.getCell("B1").value = { richText: [{ text: "Budget " }, { font: { bold: true }, text: "2019" }] };
      ws.getCell("A2").value = "Personal";
      ws.getCell("B2").value = 1200;
      ws.getCell("B2").numFmt = "# ##0";
      ws.getCell("A3").value = "Lokaler";
      ws.getCell("B3").value = 300.5;
      ws.getCell("A4").value = "Summa";
      ws.getCell("B4").value = { formula: "SUM(B2:B3)", result: 1500.5 };
      ws.getCell("C2").value = { formula: "B2*2", result: 2400 };
      ws.getCell("C3").value = { sharedFormula: "C2", result: 601 };
      ws.getCell("C4").value = { formula: "B4-B4", result: 0 };
      ws.getCell("D2").value = new Date(Date.UTC(2019, 11, 31));
      ws.getCell("D2").numFmt = "yyyy-mm-dd";
      ws.getCell("D3").value = { formula: "D2+1", result: new Date(Date.UTC(2020, 0, 1, 12)) };
      ws.getCell("D3").numFmt = "yyyy-mm-dd hh:mm";
      ws.getCell("E2").value = { error: "#DIV/0!" };
      ws.getCell("E3").value = { formula: "1/0", result: { error: "#DIV/0!" } };
      ws.getCell("E4").value = true;
      ws.getCell("F2").value = { formula: 'IF(B2>0,"ja","nej")', result: "ja" };
      ws.getCell("F3").value = { formula: "B2<0", result: false };
      ws.getCell("F4").value = "3,0 %";
      ws.getCell("G2").value = { text: "Planen", hyperlink: "https://example.org/plan" };
      ws.getCell("G3").value = 0.03;
      ws.getCell("G3").numFmt = "0.0%";
      ws.getCell("A6").value = "Sammanslagen rubrik";
      ws.mergeCells("A6:C6");
      ws.getCell("A5").value = "dold rad";
      ws.getRow(5).hidden = true;
      ws.getColumn(8).hidden = true;
      ws.getCell("H2").value = "dold kolumn";
      ws.addTable({
        name: "Rader",
        ref: "A10",
        columns: [{ name: "Post" }, { name: "Belopp" }],
        rows: [
          ["Material", 10],
          ["Tjänster", 20],
        ],
      });
      const empty = wb.addWorksheet("Tom");
      empty.getCell("A1").numFmt = "0.00"; // styled but empty
      await wb.xlsx.writeFile(name);
    };
    file = join(dir, "alla-celler.xlsx");
    file1904 = join(dir, "1904.xlsx");
    await make(false, file);
    await make(true, file1904);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test("the same snapshot and findings as ExcelJS, 1900 and 1904 date systems", async () => {
    await bothReaders(file);
    await bothReaders(file1904);
  });

  test("what the snapshot holds", async () => {
    const [s, empty] = (await readWorkbookFile(file)).sheets;
    const at = (a1: string) => {
      const m = /^([A-Z])(\d+)$/.exec(a1)!;
      const r = Number(m[2]) - 1 - s.origin.row,
        c = m[1].charCodeAt(0) - 65 - s.origin.col;
      return { v: s.values[r]?.[c], f: s.formulas[r]?.[c], n: s.numberFormats[r]?.[c] };
    };
    expect(at("B1").v).toBe("Budget 2019");
    expect(at("B2")).toEqual({ v: 1200, f: null, n: "# ##0" });
    expect(at("B4")).toEqual({ v: 1500.5, f: "=SUM(B2:B3)", n: null });
    expect(at("C3").f).toBe("=B3*2"); // a shared formula moved to its cell
    expect(at("D2").v).toBe(43830); // 2019-12-31 as a serial
    expect(at("D3").v).toBe(43831.5);
    expect(at("E2").v).toEqual({ error: "#DIV/0!" });
    expect(at("E3")).toEqual({ v: { error: "#DIV/0!" }, f: "=1/0", n: null });
    expect(at("E4").v).toBe(true);
    expect(at("F2").v).toBe("ja");
    expect(at("G2").v).toBe("Planen");
    expect(at("G3")).toEqual({ v: 0.03, f: null, n: "0.0%" });
    expect(s.merged).toEqual(["A6:C6"]);
    expect(s.hiddenRows).toEqual([4]);
    expect(s.hiddenColumns).toEqual([7]);
    expect(s.tables).toEqual([{ name: "Rader", address: "A10:B12" }]);
    expect(empty).toMatchObject({ name: "Tom", address: "", values: [] });
    const s1904 = (await readWorkbookFile(file1904)).sheets[0];
    // Stored counted from 1904 (1 462 days fewer), read as the same date: serials are always the 1900 system's.
    expect(s1904.values[1][3]).toBe(43830);
  });

  test("ExcelJS parity kept on purpose: a formula's cached 0 or FALSE reads as not cached", async () => {
    const s = (await readWorkbookFile(file)).sheets[0];
    expect(s.formulas[3][2]).toBe("=B4-B4");
    expect(s.values[3][2]).toBeNull();
    expect(s.values[2][5]).toBeNull();
  });
});

describe("damaged packages keep a clear reason", () => {
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(join(tmpdir(), "plankoll-reader-bad-"))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function reason(bytes: Buffer): Promise<string> {
    const f = join(dir, `f${Math.random().toString(36).slice(2)}.xlsx`);
    writeFileSync(f, bytes);
    try {
      await readWorkbookFile(f);
      return "read";
    } catch (e) {
      expect(e).toBeInstanceOf(WorkbookReadError);
      return (e as WorkbookReadError).code;
    }
  }

  test("truncated, or bytes flipped inside a sheet's compressed data: corrupt", async () => {
    const good = readFileSync(fixtures[0]);
    expect(await reason(good.subarray(0, good.length - 30))).toBe("corrupt");
    // The sheet's local header: 30 bytes, its name, its extra field, then the deflated data.
    const header = good.indexOf("xl/worksheets/sheet1.xml") - 30;
    expect(good.readUInt32LE(header)).toBe(0x04034b50);
    const data = header + 30 + good.readUInt16LE(header + 26) + good.readUInt16LE(header + 28);
    const flipped = Buffer.from(good);
    for (let i = data + 4; i < data + 40; i++) flipped[i] ^= 0x5a;
    expect(await reason(flipped)).toBe("corrupt");
  });

  test("a part that inflates to more or less than the zip says: corrupt", async () => {
    const good = readFileSync(fixtures[0]);
    // The sheet's central directory record: its uncompressed size at offset 24.
    const name = Buffer.from("xl/worksheets/sheet1.xml");
    let at = good.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    while (at >= 0 && !good.subarray(at + 46, at + 46 + name.length).equals(name))
      at = good.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), at + 4);
    expect(at).toBeGreaterThan(0);
    const size = good.readUInt32LE(at + 24);
    for (const claimed of [size - 10, size + 10]) {
      const bad = Buffer.from(good);
      bad.writeUInt32LE(claimed, at + 24);
      expect(await reason(bad)).toBe("corrupt");
    }
  });

  test("a sheet whose XML is broken: corrupt; a zip with no workbook: no-workbook", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("A").getCell("A1").value = 1;
    const buffer = Buffer.from(await wb.xlsx.writeBuffer());
    const JSZip = (await import("jszip")).default;
    const zip = await JSZip.loadAsync(buffer);
    zip.file("xl/worksheets/sheet1.xml", "<worksheet><sheetData><row r='1'><c r='A1'><v>1</v></row>");
    expect(await reason(await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }))).toBe(
      "corrupt",
    );
    const other = new JSZip();
    other.file("word/document.xml", "<document/>");
    expect(await reason(await other.generateAsync({ type: "nodebuffer" }))).toBe("no-workbook");
  });
});

describe("the fast XML scanner = saxes", () => {
  test.each([...fixtures, ...corpus].map(rel))("%s: the same snapshot both ways", async (file) => {
    const path = join(ROOT, "..", file);
    expect(plain(await readXlsx(path))).toStrictEqual(plain(await readXlsx(path, { saxes: true })));
  });

  /** The events of each scanner for one part: the fast one's, or "Unusual" where it leaves the part to saxes. */
  function events(xml: string, scanner: "fast" | "saxes"): string[] | "Unusual" {
    const out: string[] = [];
    const h = {
      open: (name: string, a: Record<string, string>) => out.push(`<${name} ${JSON.stringify(a)}>`),
      text: (t: string) => out.push(`"${t}"`),
      close: (name: string) => out.push(`</${name}>`),
    };
    if (scanner === "fast") {
      try {
        scanXml(Buffer.from(xml, "utf8"), h);
      } catch (e) {
        if (e instanceof Unusual) return "Unusual";
        throw e;
      }
      return out;
    }
    const p = new SaxesParser();
    p.on("opentag", (n) => h.open(n.name, { ...(n.attributes as Record<string, string>) }));
    p.on("text", h.text);
    p.on("closetag", (n) => h.close(n.name));
    p.write(xml).close();
    // saxes may split one text in several events: joined as the reader joins them.
    return out.reduce<string[]>((acc, e) => {
      const last = acc[acc.length - 1];
      if (e.startsWith('"') && last?.startsWith('"')) acc[acc.length - 1] = last.slice(0, -1) + e.slice(1);
      else acc.push(e);
      return acc;
    }, []);
  }

  test.each([
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<a x="1" y=\'&lt;2&gt;\'><b/> t &amp; &#x41;&#66; </a>',
    '<a><c r="A1" s = \'3\' t="s"><v>12</v></c><c><is><t>åäö € 𝄞 &quot;x&apos;</t></is></c></a>\n',
    '<x:a xmlns:x="urn:x" r:id="rId1"><x:b>]] &gt;</x:b></x:a>',
  ])("plain XML, the same events: %s", (xml) => {
    const fast = events(xml, "fast");
    expect(fast).not.toBe("Unusual");
    expect(fast).toEqual(events(xml, "saxes"));
  });

  test.each([
    "<a><!-- comment --></a>",
    "<a><![CDATA[x]]></a>",
    "<a>x\r\ny</a>",
    '<a b="x\ty"/>',
    "<a>&#10;</a>",
    "<a>&nbsp;</a>",
    "<a>a & b</a>",
    "<a>]]></a>",
    "\uFEFF<a/>",
    '<?xml version="1.1"?><a/>',
    "<a><?pi x?></a>",
    "<!DOCTYPE a><a/>",
    '<a b="1" b="2"/>',
    '<a b="1"c="2"/>',
    "<a><b></a></b>",
    "<a>",
    "<a/><b/>",
    "text<a/>",
    "<é/>",
    "<a>\u0001</a>",
  ])("left to saxes: %j", (xml) => {
    expect(events(xml, "fast")).toBe("Unusual");
  });
});

describe("cells read straight from the bytes = the same cells read through the events", () => {
  const ctx: SheetContext = {
    strings: ["Post", "Budget"],
    formats: [undefined, "# ##0", "yyyy-mm-dd"],
    dates: [false, false, true],
    date1904: false,
  };
  /** Which cells of one row the byte reading takes (the others go through the events), and the row it makes. */
  function read(cells: string[], fast: boolean, keepRaw = false) {
    const xml = `<worksheet><sheetData><row r="3">${cells.join("")}</row></sheetData></worksheet>`;
    const r = new SheetReader(ctx, keepRaw);
    let taken = 0;
    const h = {
      open: (n: string, a: Record<string, string>) => r.open(n, a),
      text: (t: string) => r.text(t),
      close: (n: string) => r.close(n),
      cell: (b: Buffer, at: number) => {
        if (!fast) return -1;
        const end = r.cell(b, at);
        if (end >= 0) taken++;
        return end;
      },
    };
    scanXml(Buffer.from(xml, "utf8"), h);
    const row = r.rows.get(2)!;
    return { taken, row: { ...row, values: [...row.values] }, prevCol: r.prevCol };
  }
  const same = (cells: string[]) => {
    for (const keepRaw of [true, false]) {
      const [fast, events] = [read(cells, true, keepRaw), read(cells, false, keepRaw)];
      expect(fast.row).toStrictEqual(events.row);
      expect(fast.prevCol).toBe(events.prevCol);
    }
    return read(cells, true).taken;
  };

  test.each([
    ['<c r="B3" s="1"><v>38590</v></c>'],
    ['<c r="B3"><v>-12.5</v></c>'],
    ['<c r="B3" t="n"><v>1.5E-3</v></c>'],
    ['<c r="B3"><v>-0</v></c>'],
    ['<c r="B3"><v>-42</v></c>'],
    ['<c r="B3"><v>007</v></c>'],
    ['<c r="B3"><v>+5</v></c>'],
    ['<c r="B3"><v>123456789012345</v></c>'],
    ['<c r="B3"><v>1234567890123456789</v></c>'],
    ['<c r="B3"><v>1E999</v></c>'],
    ['<c r="B3"><v>-</v></c>'],
    ['<c r="B3"><v>1-2</v></c>'],
    ['<c r="B3" t="s"><v>1</v></c>'],
    ['<c r="B3" t="s" s="2"><v>01</v></c>'],
    ['<c t="s" r="XFD3"><v>0</v></c>'],
    ['<c r="B3" s="1"/>'],
    ['<c r="B3"/>'],
    ['<c r="B9" s="1"><f>SUM(B3:B8)</f><v>1200</v></c>'],
    ['<c r="B9" t="n"><f>IF(A1>0,"ja",B3-1)</f><v>-1.5E2</v></c>'],
    ['<c r="B9"><f>B3-B3</f><v>0</v></c>'], // a cached 0 reads as not cached (ExcelJS parity)
    ['<c r="B9"><f>B3/0</f><v>1E999</v></c>'],
    ['<c r="B9" s="1"><f>B3</f></c>'], // no cached result
  ])("taken and the same: %s", (cell) => {
    expect(same([cell])).toBe(1);
  });

  test.each([
    ['<c r="B3" t="str"><v>x</v></c>'], // another type
    ['<c r="B3" t="b"><v>1</v></c>'],
    ['<c r="B3" t="inlineStr"><is><t>x</t></is></c>'],
    ['<c r="B3" s="2"><v>43830</v></c>'], // a date style
    ['<c r="b3"><v>1</v></c>'], // lower-case letters
    ['<c r="$B$3"><v>1</v></c>'],
    ['<c r="B3"  s="1"><v>1</v></c>'], // other white space
    ['<c r="B3"\ns="1"><v>1</v></c>'],
    ['<c r="B3" s="1" ><v>1</v></c>'],
    ['<c r="B3" cm="1"><v>1</v></c>'], // another attribute
    ["<c r='B3'><v>1</v></c>"], // other quotes
    ['<c r="B3"><v></v></c>'], // no value
    ['<c r="B3"><v> 1</v></c>'],
    ['<c r="B3"><v>1</v> </c>'],
    ['<c r="B9"><f t="shared" ref="B9:C9" si="0">SUM(B3:B8)</f><v>1</v></c>'],
    ['<c r="B9"><f>A1&amp;B1</f><v>1</v></c>'],
    ['<c r="B9"><f>Tabell[Kol]</f><v>1</v></c>'],
    ['<c r="B9"><f></f><v>1</v></c>'],
    ['<c r="B9"><f>Blad2!A1</f><v>x</v></c>'],
    ["<c r=\"B9\"><f>'Budget år'!A1</f><v>1</v></c>"],
    ['<c r="B9" t="str"><f>A1</f><v>x</v></c>'],
    ['<c r="B9" s="2"><f>A1</f><v>43830</v></c>'],
    ['<c r="B9" t="s"><f>A1</f><v>1</v></c>'],
    ['<c r="B3" t="s"><v>1.0</v></c>'],
    ['<c r="B"><v>1</v></c>'],
  ])("left to the events and the same: %s", (cell) => {
    expect(same([cell])).toBe(0);
  });

  test("a row of both kinds, a cell twice (the last wins) and one after an unaddressed cell", () => {
    const cells = [
      '<c r="C3" s="1"><v>1</v></c>',
      '<c r="A3" t="s"><v>0</v></c>',
      '<c r="C3"><v>2</v></c>',
      "<c><v>3</v></c>",
      '<c r="E3" t="b"><v>1</v></c>',
      '<c r="F3" s="1"/>',
    ];
    expect(same(cells)).toBe(4);
    expect(read(cells, true).row.values).toEqual(["Post", 2, 3, true]);
  });

  test("a shared string that does not exist, a column past XFD, no address: the same failure both ways", () => {
    const cells = [
      '<c r="B3" t="s"><v>2</v></c>',
      '<c r="B3" t="s"><v>-1</v></c>',
      '<c r="XFE3"><v>1</v></c>',
      "<c><v>1</v></c>",
    ];
    for (const cell of cells) {
      expect(() => read([cell], true)).toThrow();
      expect(() => read([cell], false)).toThrow();
      expect(String(captured(() => read([cell], true)))).toBe(String(captured(() => read([cell], false))));
    }
  });
  const captured = (f: () => unknown) => {
    try {
      f();
    } catch (e) {
      return e;
    }
    return null;
  };
});

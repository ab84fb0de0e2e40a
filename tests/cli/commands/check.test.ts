/** `plankoll check` in-process: reports, JSON contract, exit codes, unreadable files. */
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../../src/cli/main";
import { Progress } from "../../../src/cli/commands/check";
import data from "../../../src/plan/data/eskilstuna-2019.json";
import { captureIo } from "../../support/cli";
import { WORKBOOK_FINDING_FIELDS, FINDING_EXTRA_FIELDS } from "../../support/findingFields";

const EXAMPLE = join(__dirname, "../../../examples/budget-2019.xlsx");
const CLEAN = join(__dirname, "../../fixtures/workbooks/plan.mismatch/not-plan-table-as-printed.xlsx");
const LO_CLEAN = join(__dirname, "../../fixtures/workbooks/plan.mismatch/lo-not-plan-table-as-printed.xlsx");

/** The smallest valid zip: one stored entry (CRC computed), central directory, end record. */
function storedZip(name: string, text: string): Buffer {
  const data = Buffer.from(text);
  let crc = ~0;
  for (const byte of data) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  crc = ~crc >>> 0;
  const nameBuf = Buffer.from(name);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(10, 4);
  local.writeUInt32LE(crc, 14);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(data.length, 22);
  local.writeUInt16LE(nameBuf.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(10, 6);
  central.writeUInt32LE(crc, 16);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(data.length, 24);
  central.writeUInt16LE(nameBuf.length, 28);
  const localSize = local.length + nameBuf.length + data.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + nameBuf.length, 12);
  end.writeUInt32LE(localSize, 16);
  return Buffer.concat([local, nameBuf, data, central, nameBuf, end]);
}

const dir = mkdtempSync(join(tmpdir(), "plankoll-check-"));
const bad: Record<string, string> = {};
beforeAll(() => {
  const xlsx = readFileSync(CLEAN);
  bad.empty = join(dir, "tom.xlsx");
  writeFileSync(bad.empty, "");
  bad.text = join(dir, "anteckningar.xlsx");
  writeFileSync(bad.text, "Det här är en textfil, inte en arbetsbok.\n");
  bad.binary = join(dir, "bild.xlsx");
  writeFileSync(
    bad.binary,
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48]),
  );
  bad.truncated = join(dir, "avbruten.xlsx");
  writeFileSync(bad.truncated, xlsx.subarray(0, Math.floor(xlsx.length / 2)));
  const cfb = Buffer.alloc(4096);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(cfb);
  bad.xls = join(dir, "gammal.xlsx");
  writeFileSync(bad.xls, cfb);
  const enc = Buffer.from(cfb);
  Buffer.from("EncryptionInfo", "utf16le").copy(enc, 1024);
  bad.encrypted = join(dir, "losenord.xlsx");
  writeFileSync(bad.encrypted, enc);
  // A big encrypted file: the directory (with "EncryptedPackage") lies far past the first 64 KB.
  const big = Buffer.alloc(200 * 512);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(big);
  big.writeUInt16LE(9, 0x1e); // 512-byte sectors
  big.writeUInt32LE(150, 0x30); // directory at sector 150
  Buffer.from("EncryptedPackage", "utf16le").copy(big, 151 * 512 + 128);
  bad.bigEncrypted = join(dir, "stor-losenord.xlsx");
  writeFileSync(bad.bigEncrypted, big);
  bad.directory = join(dir, "mapp.xlsx");
  mkdirSync(bad.directory);
  bad.missing = join(dir, "finns-inte.xlsx");
  // A zip that is no workbook: a minimal stored (uncompressed) zip with one file.
  bad.zip = join(dir, "arkiv.xlsx");
  writeFileSync(bad.zip, storedZip("a.txt", "hej\n"));
});

test("text report: Swedish, grouped by file and sheet, exit 1 for findings", async () => {
  const io = captureIo();
  const code = await main(["check", EXAMPLE], io);
  expect(code).toBe(1);
  expect(io.out).toContain("budget-2019.xlsx: 4 fel, 2 varningar, 1 info");
  expect(io.out).toMatch(/\n {2}Kvartal\n {4}F6 +varning +sum\.hardcoded/);
  expect(io.out).toContain("lämnar utanför D10 (Miljö o samhällsbyggnad)");
  expect(io.err).toBe("");
});

test("a clean workbook: exit 0 (also when saved by LibreOffice)", async () => {
  const io = captureIo();
  expect(await main(["check", CLEAN, LO_CLEAN], io)).toBe(0);
  expect(io.out).toContain("inga fel eller varningar");
});

test("JSON: exactly the contract's shape and field order", async () => {
  const io = captureIo();
  const code = await main(["check", EXAMPLE, "--format", "json"], io);
  expect(code).toBe(1);
  const doc = JSON.parse(io.out);
  expect(Object.keys(doc)).toEqual(["files"]);
  expect(Object.keys(doc.files[0])).toEqual(["file", "findings", "error"]);
  expect(doc.files[0].error).toBeNull();
  for (const f of doc.files[0].findings) {
    const keys = Object.keys(f);
    expect(keys.slice(0, WORKBOOK_FINDING_FIELDS.length)).toEqual(WORKBOOK_FINDING_FIELDS);
    const extra = keys.slice(WORKBOOK_FINDING_FIELDS.length);
    expect(extra).toEqual(FINDING_EXTRA_FIELDS.filter((k) => extra.includes(k)));
  }
  // The evidence a finding carries reaches the JSON (the plan figure and what the plan states).
  const mismatch = doc.files[0].findings.find((f: { rule: string }) => f.rule === "plan.mismatch");
  expect(mismatch.evidence).toEqual(expect.objectContaining({ plan: expect.anything() }));
  expect(doc.files[0].findings).toContainEqual(
    expect.objectContaining({
      rule: "sum.mismatch",
      sheet: "Personal",
      cell: "B11",
      expected: 220000,
      actual: 221000,
    }),
  );
});

test("--lang en speaks English", async () => {
  const io = captureIo();
  await main(["check", EXAMPLE, "--lang", "en"], io);
  expect(io.out).toContain("4 errors, 2 warnings, 1 info");
  expect(io.out).toContain("leaves out D10");
});

test("unreadable files: one line each, exit 2, the others still checked", async () => {
  const io = captureIo();
  const files = [EXAMPLE, ...Object.values(bad)];
  const code = await main(["check", ...files, "--format", "json"], io);
  expect(code).toBe(2);
  const doc = JSON.parse(io.out);
  expect(doc.files).toHaveLength(files.length);
  expect(doc.files[0].findings.length).toBeGreaterThan(0);
  const reason = (path: string) => doc.files.find((f: { file: string }) => f.file === path);
  for (const path of Object.values(bad)) {
    expect(reason(path).findings).toEqual([]);
    expect(Object.keys(reason(path).error)).toEqual(["code", "message"]);
    expect(reason(path).error.message).toMatch(/\S/);
    expect(reason(path).error.message).not.toMatch(/\n|at .*\.js/);
  }
  expect(reason(bad.empty).error.message).toMatch(/tom/);
  expect(reason(bad.text).error.message).toMatch(/textfil/);
  expect(reason(bad.binary).error.message).toMatch(/inte en Excel-arbetsbok/);
  expect(reason(bad.truncated).error.message).toMatch(/skadad eller ofullständig/);
  expect(reason(bad.xls).error.message).toMatch(/\.xls/);
  expect(reason(bad.encrypted).error.message).toMatch(/lösenordsskyddad/);
  expect(reason(bad.bigEncrypted).error.message).toMatch(/lösenordsskyddad/);
  expect(reason(bad.directory).error.message).toMatch(/mapp/);
  expect(reason(bad.missing).error.message).toMatch(/finns inte/);
  expect(reason(bad.zip).error.message).toMatch(/zip-arkiv men ingen Excel-arbetsbok/);
});

test("unreadable files: JSON error has a stable code beside its sentence", async () => {
  const io = captureIo();
  await main(["check", ...Object.values(bad), "--format", "json"], io);
  const doc = JSON.parse(io.out);
  const code = (path: string) => doc.files.find((f: { file: string }) => f.file === path).error.code;
  expect(code(bad.missing)).toBe("not-found");
  expect(code(bad.text)).toBe("not-xlsx");
  expect(code(bad.binary)).toBe("not-xlsx");
  expect(code(bad.zip)).toBe("not-xlsx");
  expect(code(bad.encrypted)).toBe("encrypted");
  expect(code(bad.bigEncrypted)).toBe("encrypted");
  expect(code(bad.truncated)).toBe("corrupt");
  expect(code(bad.xls)).toBe("xls");
  expect(code(bad.empty)).toBe("empty");
  expect(code(bad.directory)).toBe("directory");
  // The reasons go to stderr too; stdout is only the JSON document.
  expect(io.err).toContain(`${bad.missing}: kan inte läsas – filen finns inte`);
});

test("unreadable file in the text report, in English: the reason on stderr, the summary counts it", async () => {
  const io = captureIo();
  expect(await main(["check", bad.encrypted, CLEAN, "--lang", "en"], io)).toBe(2);
  expect(io.err).toContain(`${bad.encrypted}: cannot be read – the file is password-protected`);
  expect(io.out).not.toContain("password-protected");
  expect(io.out).toContain("Checked 1 file: no errors or warnings; 1 file could not be read.");
});

test("a single unreadable file: no 'inga fel eller varningar', the summary says it could not be read", async () => {
  const io = captureIo();
  expect(await main(["check", bad.missing], io)).toBe(2);
  expect(io.err).toBe(`${bad.missing}: kan inte läsas – filen finns inte\n`);
  expect(io.out).not.toMatch(/inga fel eller varningar/);
  expect(io.out).toBe("1 fil kunde inte läsas; ingen arbetsbok kontrollerades.\n");
});

test("usage errors exit 2 with the usage on stderr", async () => {
  for (const args of [
    ["check"],
    ["check", CLEAN, "--format", "xml"],
    ["check", CLEAN, "--lang", "de"],
    ["check", "--bogus", CLEAN],
  ]) {
    const io = captureIo();
    expect(await main(args, io)).toBe(2);
    expect(io.err).toContain("plankoll check");
    expect(io.out).toBe("");
  }
});

test("--plan: a plan file is used; a missing one is a clear error", async () => {
  const planFile = join(dir, "plan.json");
  const edited = JSON.parse(JSON.stringify(data));
  edited.budgetTables[0].lines.find((l: { id: string }) => l.id === "valfard").values["budget-2019"] = 21_000;
  writeFileSync(planFile, JSON.stringify(edited));
  const io = captureIo();
  expect(await main(["check", CLEAN, "--plan", planFile, "--format", "json"], io)).toBe(1);
  const findings = JSON.parse(io.out).files[0].findings;
  expect(findings.map((f: { rule: string; cell: string }) => `${f.rule} ${f.cell}`)).toEqual([
    "plan.mismatch D7",
  ]);

  const io2 = captureIo();
  expect(await main(["check", CLEAN, "--plan", join(dir, "nej.json")], io2)).toBe(2);
  expect(io2.err).toMatch(/Planfilen .* finns inte/);
  expect(io2.out).toBe("");
});

test("no progress output when stderr is not a terminal", async () => {
  const io = captureIo(false);
  await main(["check", EXAMPLE, CLEAN, "--format", "json"], io);
  expect(io.err).toBe("");
  expect(() => JSON.parse(io.out)).not.toThrow();
});

describe("progress indicator", () => {
  afterEach(() => jest.useRealTimers());

  test("appears on a terminal's stderr only after a second, and is cleared at the end", () => {
    jest.useFakeTimers();
    const io = captureIo(true);
    const p = new Progress(io, "sv");
    p.update(0, 20, "inkommet/a.xlsx");
    expect(io.err).toBe("");
    jest.advanceTimersByTime(1000);
    expect(io.err).toContain("Kontrollerar 1/20: inkommet/a.xlsx");
    p.update(1, 20, "inkommet/b.xlsx");
    expect(io.err).toContain("Kontrollerar 2/20: inkommet/b.xlsx");
    p.end();
    expect(io.err.endsWith("\r\x1b[K")).toBe(true);
    expect(io.out).toBe("");
  });

  test("never when stderr is not a terminal", () => {
    jest.useFakeTimers();
    const io = captureIo(false);
    const p = new Progress(io, "en");
    p.update(0, 2, "a.xlsx");
    jest.advanceTimersByTime(5000);
    p.end();
    expect(io.err).toBe("");
  });
});

/**
 * Generated .xlsx files for the CLI benchmarks: budget sheets (title, header, blocks of 20 lines each closed
 * by a SUM row with its cached result, a blank row), written with ExcelJS's streaming writer so a 1,5 M-cell
 * file needs no in-memory model. Every total is right, so a check finds nothing to report but the sheet's
 * plain layout: what is timed is reading and checking, not rendering findings.
 */
import ExcelJS from "exceljs";

/** The plan's avdelningar, as the line labels of every generated budget sheet. */
export const DEPARTMENTS = [
  "Ledningsstaben",
  "Ekonomi o kvalitet",
  "HR",
  "Välfärd",
  "Näringsliv",
  "Kommunikation o delaktighet",
  "Miljö o samhällsbyggnad",
];

export interface BookShape {
  sheets: number;
  rows: number;
  cols: number;
}

export const cellsOf = (s: BookShape): number => s.sheets * s.rows * s.cols;

export async function writeBudgetBook(file: string, shape: BookShape, seed = 1): Promise<void> {
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: file,
    useSharedStrings: true,
    useStyles: true,
  });
  const { rows, cols } = shape;
  for (let s = 0; s < shape.sheets; s++) {
    const ws = book.addWorksheet(`Blad ${s + 1}`);
    let x = seed + s;
    const next = () => {
      x = (x * 1103515245 + 12345) % 2147483648;
      return (x % 90_000) + 1_000;
    };
    const header: string[] = ["Post"];
    for (let c = 1; c < cols; c++)
      header.push(c % 2 ? `Budget ${2018 + (c % 3)}` : `Utfall ${2016 + (c % 3)}`);
    ws.addRow([`Blad ${s + 1} – alla belopp i tkr`]).commit();
    ws.addRow(header).commit();
    let r = 2;
    let block: number[][] = [];
    while (r < rows) {
      if (block.length === 20) {
        const start = r - 20;
        const row = ws.addRow(["Summa"]);
        for (let c = 1; c < cols; c++) {
          let sum = 0;
          for (const line of block) sum += line[c];
          const col = String.fromCharCode(65 + c);
          const cell = row.getCell(c + 1);
          cell.value = { formula: `SUM(${col}${start + 1}:${col}${r})`, result: sum };
          cell.numFmt = "#,##0";
        }
        row.commit();
        ws.addRow([]).commit();
        r += 2;
        block = [];
        continue;
      }
      const line = [0];
      for (let c = 1; c < cols; c++) line.push(next());
      block.push(line);
      const row = ws.addRow([`${DEPARTMENTS[r % DEPARTMENTS.length]} konto ${r}`, ...line.slice(1)]);
      for (let c = 2; c <= cols; c++) row.getCell(c).numFmt = "#,##0";
      row.commit();
      r++;
    }
    ws.commit();
  }
  await book.commit();
}

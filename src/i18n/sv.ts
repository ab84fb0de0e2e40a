/** Swedish: every finding's text (the reference language; English in en.ts says the same). */
import { counted, type Catalogue } from "./catalogue";
import type { NumberFormat } from "./format";
import type { MetaField, PlanColumnParams, RangeGapParams } from "../model/messages";

const more = (n: number) => (n > 0 ? ` och ${n} till` : "");

function missing(p: RangeGapParams): string {
  const why =
    p.why === "peers"
      ? ` (${p.peers.join(", ")}${p.morePeers ? " …" : ""} tar med dem)`
      : p.why === "before"
        ? " (de står i samma lista, före intervallet)"
        : " (de står mellan intervallet och summan)";
  return p.lines.join(", ") + more(p.more) + why;
}

function columnCells(p: PlanColumnParams, f: NumberFormat): string {
  const show = (v: number) => (p.percent ? f.percent(v * 100) : f.num(v));
  return p.cells.map((x) => `${x.cell} ${show(x.value)} ≠ ${show(x.expected)}`).join(", ") + more(p.more);
}

const source = (s: string | null) => (s ? ` (${s})` : "");

const WORDS = {
  commitments: "åtaganden i årsplanen",
  ownCommitments: "egna åtaganden",
  goals: "processmål",
  indicators: "styrkortsmått",
  lines: "budgetrader",
  tables: "tabeller",
} as const;

export const sv = {
  "sum.mismatch": (p, f) =>
    `Summan ${p.label} är ${f.num(p.actual)} men raderna ${p.over} summerar till ${f.num(p.expected)} (skillnad ${f.num(p.diff)}).`,
  "sum.mismatch.net": (p, f) =>
    `Nettot ${p.label} är ${f.num(p.actual)} men intäkter − kostnader i ${p.over} blir ${f.num(p.expected)} (skillnad ${f.num(p.diff)}).`,
  "sum.mismatch.diff": (p, f) =>
    `${p.label} är ${f.num(p.actual)} men ${p.aName} ${p.aCell} − ${p.bName} ${p.bCell} är ${f.num(p.expected)}.`,
  "sum.range-gap": (p, f) =>
    `Summaformeln ${p.formula} lämnar utanför ${missing(p)}; med alla rader blir summan ${f.num(p.expected)}, inte ${f.num(p.actual)}.`,
  "sum.range-gap.zero": (p) =>
    `Summaformeln ${p.formula} lämnar utanför ${missing(p)} (tomma eller noll nu, men räknas inte om de fylls i).`,
  "sum.double-count": (p, f) => {
    const through = (via: string | null) => (via === null ? "direkt" : `via ${via}`);
    return `Summaformeln ${p.formula} räknar ${p.cell} två gånger (${through(p.paths[0])} och ${through(p.paths[1])}); summan blir ${f.num(p.actual)} i stället för ${f.num(p.expected)}.`;
  },
  "sum.hardcoded": (p, f) =>
    `${p.label} är ett inskrivet värde (${f.num(p.actual)}) där tabellens andra summor är formler; den uppdateras inte om raderna ändras.`,
  "sum.hardcoded.table": (p) =>
    `Tabellens summor är inskrivna värden (${p.count} st), inga formler – troligen en export; de följer inte med om raderna ändras.`,
  "cell.number-as-text": (p, f) =>
    `"${p.text}" är lagrat som text, inte som tal (${f.num(p.value)}${p.percent ? " %" : ""}); summor och formler räknar inte med det.`,
  "cell.error": (p) => `Felvärdet ${p.error} står där en siffra väntas${p.inTotal ? " i en summarad" : ""}.`,
  "cell.uncomputed": (p) =>
    `Formeln ${p.formula} har inget sparat värde och kan inte beräknas här; cellen kunde inte kontrolleras.`,
  "cell.uncomputed.many": (p) =>
    `${p.count} formler i bladet har inget sparat värde och kan inte beräknas här (den första: ${p.formula}); de kunde inte kontrolleras. Öppna och spara filen i Excel så sparas värdena.`,
  "plan.mismatch": (p, f) => {
    const actual = p.percent ? f.percent(p.actual * 100) : f.num(p.actual);
    const expected = p.percent
      ? f.percent(p.expected * 100)
      : f.num(p.expected) + (p.unit ? ` ${p.unit}` : "");
    return `${p.what} är ${actual} men planen anger ${expected}${source(p.source)}.`;
  },
  "plan.mismatch.column": (p, f) =>
    `Kolumnen ${p.what} stämmer inte med planen${source(p.source)}: ${p.differing} av ${p.count} värden avviker från planens (${columnCells(p, f)}).`,
  "plan.mismatch.column.note": (p) =>
    `Kolumnen ${p.what} har planens rader men inget av dess ${p.count} värden stämmer med planen${source(p.source)} – visar den andra siffror än planens, eller är alla fel?`,
  "plan.unit": (p, f) =>
    `${p.what} är ${f.num(p.actual)}, vilket motsvarar planens ${`${f.num(p.planValue)} ${p.planUnit ?? ""}`.trim()} bara om talet läses i ${p.foundUnit} – kolumnen är i ${p.unit} (förväxling kr/tkr/mnkr?).`,
  "plan.unit.outlier": (p, f) =>
    `${p.what} är ${f.num(p.actual)}, ${f.num(p.ratio)} gånger det största av kolumnens övriga belopp (${f.num(p.min)}–${f.num(p.max)} ${p.unit}). Kolumnen är i ${p.unit}: är beloppet inskrivet i ${p.smaller}? Då är det ${f.num(p.asUnit)} ${p.unit}, i nivå med de andra.`,
  "table.total": (p, f) =>
    `${p.table} (s. ${p.page ?? "?"}): ${p.total} för ${p.measure} är ${f.figure(p.actual)} men raderna summerar till ${f.figure(p.expected)} (skillnad ${f.figure(p.diff)}, avrundning förklarar högst ${f.figure(p.tolerance)}).`,
  "relation.sum": (p, f) =>
    `${p.description}: ${p.terms.map(f.figure).join(" + ")} blir ${f.figure(p.expected)}, men dokumentet anger ${f.figure(p.actual)} (skillnad ${f.figure(p.diff)}).`,
  "relation.source": (p, f) =>
    `${p.description}: "${p.term}" anges som ${f.figure(p.actual)} men tabellen ${p.table} har ${f.figure(p.expected)}.`,
  "relation.source.missing": (p) =>
    `${p.description}: "${p.term}" hänvisar till ${p.ref}, som inte finns i planen.`,
  "count.goals": (p) => `Dokumentet anger ${p.actual} processmål men planen innehåller ${p.expected}.`,
  "count.commitments": (p) =>
    `Dokumentet anger ${p.actual} ${WORDS[p.what]} men planen listar ${p.expected}.`,
  "count.notReached": (p) =>
    `Dokumentet anger att ${p.actual} processmål ännu inte har nått målvärdet ${p.year}, men ${p.expected} av ${p.assessable} bedömbara mål har ett utfall ${p.outcomeYear}${p.asOf ? ` (${p.asOf})` : ""} som inte når målvärdet ${p.year} (${p.unassessable} mål saknar värden).${p.reached === null ? "" : ` Exakt ${p.reached} mål har redan nått målvärdet – texten kan avse dem.`}`,
  "duplicate.id": (p) => `Id "${p.id}" används av ${p.count} ${WORDS[p.what]}; uppslag på id blir tvetydiga.`,
  "report.sum": (p, f) =>
    `Summan "${p.label}" (${p.column}) är ${f.num(p.actual, p.decimals)} men dess ${p.lines} rader summerar till ${f.num(p.expected, p.decimals)} (skillnad ${f.num(p.diff, p.decimals)}).` +
    (p.uncertain ? " (osäker läsning: kolumnen saknar rubrik eller summan har bara en rad)" : ""),
  "report.diff": (p, f) => {
    const n = (v: number) => f.num(v, p.decimals);
    return (
      `"${p.label}" (${p.column}) är ${n(p.actual)} men ${p.formula} (${n(p.a)} ${p.op} ${p.b < 0 ? `(${n(p.b)})` : n(p.b)}) = ${n(p.expected)}.` +
      (p.uncertain ? " (osäker läsning: kolumnerna saknar rubrik)" : "") +
      (p.caused ? " (följer av felet i samma rad)" : "")
    );
  },
  "report.malformed": (p) =>
    `Talet "${p.text}" i "${p.label}" (${p.column}) är felformat (en siffra saknas eller en fotnot sitter ihop med talet); det räknades inte.`,
  "report.glued": (p) =>
    `"${p.text}" i "${p.label}" (${p.column}) är flera tal, eller ett tal och en fotnot, tryckta i varandra (${p.parts.join(" / ")}); vilket som gäller går inte att avgöra, så raden lästes inte i den kolumnen.`,
  "report.two": (p, f) =>
    `"${p.label}" (${p.column}) är ${f.figure(p.b)} på s. ${p.pageB} men ${f.figure(p.a)} på s. ${p.pageA}.`,
  "goal.title-number": (p) =>
    `Målet har fler tal (${p.numbers}) än de tre värdekolumnerna; de sista tre lästes som värden och resten som en del av titeln.`,
  "goal.note-number": (p) =>
    `Talet ${p.number} före anteckningen lästes som en del av titeln, inte som ett värde.`,
  "goal.unit-guessed": (p) =>
    `Enheten framgår inte (inget %-tecken, inget index eller antal i titeln); läst som ${p.unit}.`,
  "goal.no-header": (p) =>
    `Processmålstabellerna saknar kolumnrubriker; värdena lästes som ${p.columns.map((c) => c.label).join(" | ")}.`,
  "goal.no-area": (p) => `Inget område (rubrik) hittades före målet; området sattes till "${p.area}".`,
  "goal.none": () =>
    'Inga processmål hittades (markören "Fyraårigt processmål" saknas eller följs inte av mål med värden).',
  "indicator.values": (p) =>
    `Styrkortsraden har ${counted(p.found, "tal", "tal")} för ${counted(p.expected, "kolumn", "kolumner")}; talen lästes från höger (målkolumnen först).`,
  "budget.unit-mixed": (p, f) =>
    `Kolumnen "${p.column}" anges i ${p.stated} men dess belopp är omkring en tusendel av de övriga (summa ${f.num(p.total)}); läst som ${p.unit}.`,
  "budget.ambiguous-row": (p) =>
    `Raden "${p.row}" kan läsas på flera sätt (${p.readings}); den första användes.`,
  "budget.no-unit": (p) => `Tabellen "${p.table}" anger ingen enhet; beloppen lästes som ${p.unit}.`,
  "budget.no-total": (p) =>
    `Tabellen "${p.table}" har ingen summarad; den sista raden (${p.row}) användes som total.`,
  "investment.title": (p) => `Investeringslistans rubrik är osäker; läst som "${p.title}".`,
  "document.meta": (p) => `${META_FIELDS[p.field]} hittades inte i dokumentet; satt till "${p.value}".`,
  "document.no-text": () => "Dokumentet innehåller ingen text.",
  "table.type": (p) => `Rad ${p.row}: okänd typ "${p.type}"; raden hoppades över.`,
  "table.title": (p) => `Rad ${p.row}: titel saknas; raden hoppades över.`,
  "table.value": (p) => `Rad ${p.row}: värdet "${p.value}" är inget tal; raden hoppades över.`,
  "table.value.fact": (p) => `Rad ${p.row}: uppgiften saknar värde; raden hoppades över.`,
  "table.period": (p) => `Rad ${p.row}: perioden "${p.period}" är inget år; raden hoppades över.`,
  "table.missing": (p) => `Rad ${p.row}: värde saknas och ingen not säger varför.`,
  "table.unit": (p) => `Rad ${p.row}: okänd enhet "${p.unit}"; läst som index.`,
  "table.unit.percent": (p) => `Rad ${p.row}: en budgetrad i % kan inte läsas; raden hoppades över.`,
  "table.direction": (p) => `Rad ${p.row}: okänd riktning "${p.direction}"; läst som Högre.`,
  "table.duplicate": (p) => `Rad ${p.row}: ${p.period} ${p.kind} finns redan för målet; raden hoppades över.`,
  "lookup.measure.unknown": (p) => `Okänt mått "${p.shown}": ange Budget, Utfall eller Prognos.`,
  "lookup.measure.missing": (p) =>
    `${p.table} har ingen kolumn ${{ budget: "Budget", outcome: "Utfall", forecast: "Prognos" }[p.kind]} ${p.year}; det finns ${p.available}.`,
  "json.invalid": (p) => `Filen är inte giltig JSON: ${p.reason}`,
  "table.range": (p) => `Ogiltigt område "${p.range}".`,
  "table.no-header": (p) =>
    `Bladet "${p.sheet}" har ingen Plan-tabell: rubrikraden (Typ | Id | Område | Titel | Enhet | Riktning | Period | Slag | Värde | Not) saknas.`,
} satisfies Catalogue;

/** The document fields an import warning names. */
export const META_FIELDS: Record<MetaField, string> = {
  title: "Titel",
  organisation: "Organisation",
  body: "Nämnd",
  unit: "Förvaltning",
  year: "År",
  reference: "Diarienummer",
};

/** A Plan table's empty fields, as the plan then says them. */
export const PLAN_TABLE_WORDS = {
  noValue: "Värde saknas",
  organisation: "Okänd organisation",
  body: "Okänd nämnd",
  unit: "Okänd förvaltning",
};

/**
 * What running text states: the document's identity (diarienummer, nämnd, förvaltning, year), sums stated in words
 * ("373,1 mnkr … 14,7 mnkr … Totalt ger detta en driftram på 387,8 mnkr"), counts ("29 processmål", "17 stycken"),
 * staffing, and the styrkort (scorecard) rows.
 */
import { parseSvNumberWord } from "./numberWords";
import { convertMoney } from "../plan/numbers";
import type {
  Amount,
  BudgetTable,
  Fact,
  Indicator,
  PeriodValue,
  Plan,
  Relation,
  UnitKind,
} from "../plan/schema";
import { endsSentence, type ImportContext } from "./context";
import {
  amountEndingAt,
  numberRunEnd,
  findPhrase,
  joinTokens,
  partitionNumbers,
  pieceAt,
  type AmountToken,
  type NumberToken,
} from "./tokens";
import type { Token } from "./types";
import { halfUnit } from "../model/precision";
import type { MetaField } from "../model/messages";

export type PlanMeta = Omit<
  Plan,
  "goals" | "scorecard" | "budgetTables" | "relations" | "commitments" | "facts"
> & {
  /** The förvaltning's short name ("KLK"), for owners. */
  short?: string;
  /** Short names the document defines: "Konsult och uppdrags (KoU)" → { name: "konsult och uppdrag", short: "KoU" }. */
  owners: { name: string; short: string }[];
};

/** The document fields a text may lack (a warning names them in the reader's language). */
const META_FIELDS: Record<MetaField, string> = {
  title: "Titel",
  organisation: "Organisation",
  body: "Nämnd",
  unit: "Förvaltning",
  year: "År",
  reference: "Diarienummer",
};

export function recogniseMeta(ctx: ImportContext, source?: string): PlanMeta {
  const text = joinTokens(ctx.tokens);
  const reference = /\b([A-ZÅÄÖ]{2,6}\/\d{4}:\d+)/.exec(text)?.[1];
  const date = /\b(\d{4}-\d{2}-\d{2})\b/.exec(text)?.[1];
  const organisation = /\b([A-ZÅÄÖ][\p{L}-]+ (?:kommun|region|landsting))\b/u.exec(text)?.[1];
  // Compound names share a part: "Barn- och utbildningsförvaltningen", "Barn- och utbildningsnämnden".
  const planTitle =
    /\b(Verksamhetsplan|Affärsplan) ((?:19|20)\d{2}) ([A-ZÅÄÖ]\p{L}*- och \p{L}+|[A-ZÅÄÖ][\p{L}-]+)/u.exec(
      text,
    );
  const yearText =
    planTitle?.[2] ?? /\b(?:Verksamhetsplan|Budget|Årsplan|plan)\s+((?:19|20)\d{2})/iu.exec(text)?.[1];
  const unit = planTitle?.[3];
  const body =
    /\b(Kommunstyrelsen|Kommunfullmäktige|[A-ZÅÄÖ]\p{L}*- och \p{L}*nämnden|[A-ZÅÄÖ][\p{L}]*nämnden)(?![\p{L}-])/u.exec(
      text,
    )?.[1];
  const docTitle =
    /\(\d+\) [A-ZÅÄÖ][\p{L}]+ ([A-ZÅÄÖ][^()]*?) (?:Förslag till beslut|Ärendebeskrivning|Sammanfattning)/u.exec(
      text,
    )?.[1];
  const short = unit ? new RegExp(`${unit}s? \\(([A-ZÅÄÖ]{2,6}):s\\)`, "u").exec(text)?.[1] : undefined;
  const year = yearText ? Number(yearText) : new Date().getFullYear() + 1;
  const page = 1;
  const need = (key: MetaField, value: string | undefined, fallback: string): string => {
    if (value) return value;
    ctx.warn("document.meta", "document", META_FIELDS[key], page, { field: key, value: fallback });
    return fallback;
  };
  const title = planTitle
    ? `${planTitle[1]} ${planTitle[2]} ${planTitle[3]}`
    : need("title", undefined, `Plan ${year}`);
  const meta: PlanMeta = {
    schemaVersion: 1,
    id: slugId(`${organisation ?? "plan"}-${short ?? unit ?? ""}-${year}`),
    organisation: need("organisation", organisation, "Okänd organisation"),
    body: need("body", body, "Okänd nämnd"),
    unit: need("unit", unit, "Okänd förvaltning"),
    title,
    year: yearText ? year : Number(need("year", undefined, String(year))),
    document: {
      reference: need("reference", reference, "okänt"),
      title: docTitle ?? title,
      ...(date ? { date } : {}),
      ...(source ? { source } : {}),
    },
    ...(short ? { short } : {}),
    owners: [...text.matchAll(/([A-ZÅÄÖ]\p{L}+(?: och \p{L}+?)?)s? \(([A-ZÅÄÖ]\p{L}{1,5})(?::s)?\)/gu)].map(
      (m) => ({
        name: m[1].toLowerCase(),
        short: m[2],
      }),
    ),
  };
  return meta;
}

function slugId(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

/** Sentences of the token stream: [start, end) pairs. */
function sentences(tokens: readonly Token[]): [number, number][] {
  const out: [number, number][] = [];
  let s = 0;
  for (let i = 0; i < tokens.length; i++) {
    if (endsSentence(tokens[i].text)) {
      out.push([s, i + 1]);
      s = i + 1;
    }
  }
  if (s < tokens.length) out.push([s, tokens.length]);
  return out;
}

function amountsIn(tokens: readonly Token[], start: number, end: number): AmountToken[] {
  const out: AmountToken[] = [];
  for (let i = start; i < end; i++) {
    const a = amountEndingAt(tokens, i);
    if (a && a.start >= start) out.push(a);
  }
  return out;
}

const LABEL_STOP = /^(på|totalt|om|till|uppgår|med|av|är|ca|cirka|sammanlagt|en|ett|detta|ger|för)$/i;

/** A short label for an amount: the words before it in its sentence, from the last "om/kallade/tillagt". */
function labelBefore(tokens: readonly Token[], sentenceStart: number, amountStart: number): string {
  let e = amountStart;
  while (e > sentenceStart && LABEL_STOP.test(tokens[e - 1].text)) e--;
  let s = e;
  while (s > sentenceStart && e - s < 5 && !/^(om|kallade|tillagt|beslutades|ger)$/i.test(tokens[s - 1].text))
    s--;
  while (s < e && LABEL_STOP.test(tokens[s].text)) s++;
  const label = joinTokens(tokens, s, e).replace(/[,.;:]$/, "");
  return label ? label.charAt(0).toUpperCase() + label.slice(1) : "Belopp";
}

const TOTAL_CUE = /^(totalt|sammanlagt|summa|sammantaget|tillsammans)$/i;

/** Sums stated in words: a sentence with a total cue and an amount, after ≥ 2 amounts in the sentences before it. */
export function recogniseRelations(ctx: ImportContext, tables: readonly BudgetTable[]): Relation[] {
  const tokens = ctx.tokens;
  const relations: Relation[] = [];
  const seen = new Set<string>();
  const sents = sentences(tokens);
  sents.forEach(([s, e], k) => {
    const cue = tokens.slice(s, e).some((t) => TOTAL_CUE.test(t.text));
    if (!cue) return;
    const here = amountsIn(tokens, s, e);
    if (here.length !== 1) return;
    const total = here[0];
    // Terms: the amounts in up to two sentences before, same page region, none already a total.
    const terms: { a: AmountToken; label: string }[] = [];
    for (let b = Math.max(0, k - 2); b < k; b++) {
      const [bs, be] = sents[b];
      for (const a of amountsIn(tokens, bs, be)) terms.push({ a, label: labelBefore(tokens, bs, a.start) });
    }
    if (terms.length < 2) return;
    const key = `${terms.map((t) => `${t.a.value}${t.a.unit}`).join("+")}=${total.value}${total.unit}`;
    if (seen.has(key)) return;
    seen.add(key);
    const totalLabel = labelBefore(tokens, s, total.start);
    relations.push({
      id: `R${String(relations.length + 1).padStart(2, "0")}`,
      description: `${totalLabel} = ${terms.map((t) => t.label).join(" + ")}`,
      terms: terms.map((t): Amount => ({ label: t.label, value: t.a.value, unit: t.a.unit })),
      total: { label: totalLabel, value: total.value, unit: total.unit },
      page: tokens[s].page,
    });
  });

  // A stated amount that a table's total also states ("driftram … 387,8 mnkr" = Totalt 387 800 tkr; "om totalt
  // 26 500 000 kronor" = Summa): tie the two so the checks see when they differ. Tied by equal value or by name.
  const usedTables = new Set<string>();
  sents.forEach(([s, e]) => {
    // Joined once per sentence and each search asked once: a long text without full stops is one sentence with
    // many amounts, and re-joining or rescanning it per amount made the import quadratic.
    let sentence: string | undefined;
    const found = new Map<string, boolean>();
    const includes = (needle: string | RegExp): boolean => {
      const key = String(needle);
      let hit = found.get(key);
      if (hit === undefined) {
        sentence ??= joinTokens(tokens, s, e).toLowerCase();
        hit = typeof needle === "string" ? sentence.includes(needle) : needle.test(sentence);
        found.set(key, hit);
      }
      return hit;
    };
    for (const a of amountsIn(tokens, s, e)) {
      for (const t of tables) {
        if (usedTables.has(t.id)) continue;
        for (const m of t.measures) {
          const tv = t.total.values[m.id];
          if (tv === null || tv === undefined) continue;
          const inTextUnit = convertMoney(tv, m.unit, a.unit);
          const tolerance = halfUnit(a.decimals);
          const equal = Math.abs(inTextUnit - a.value) <= tolerance + 1e-9 && Math.abs(tv) >= 1;
          // The table's own printed figures ("Summa 8 750 000 kr", a line's amount) are not statements about it.
          const own =
            /^(Summa|Totalt|Total|S:a)$/.test(tokens[a.start - 1]?.text ?? "") ||
            t.lines.some(
              (l) => l.values[m.id] !== null && convertMoney(l.values[m.id]!, m.unit, a.unit) === a.value,
            );
          if (own) continue;
          // Named: the sentence names the table and states "(om) totalt X".
          const cue = tokens
            .slice(Math.max(s, a.start - 3), a.start)
            .some((x) => /^(totalt|sammanlagt)$/i.test(x.text));
          const titleStart = t.title
            .toLowerCase()
            .split(" ")
            .slice(0, 4)
            .join(" ")
            .replace(/ \d{4}$/, "");
          const named = cue && includes(titleStart);
          const sameYear = includes(String(m.year));
          if ((equal && (sameYear || includes(/driftram|budget|ram/))) || (named && m.kind === "budget")) {
            usedTables.add(t.id);
            relations.push({
              id: `R${String(relations.length + 1).padStart(2, "0")}`,
              description: `${t.title}, ${t.total.label} (${m.label}) = ${labelBefore(tokens, s, a.start)}`,
              terms: [
                {
                  label: `${m.label}, ${t.total.label}`,
                  value: tv,
                  unit: m.unit,
                  source: { table: t.id, measure: m.id },
                },
              ],
              total: { label: labelBefore(tokens, s, a.start), value: a.value, unit: a.unit },
              page: tokens[s].page,
            });
            return;
          }
        }
      }
    }
  });
  return relations;
}

function countAt(tokens: readonly Token[], i: number): number | null {
  const t = tokens[i]?.text;
  // A figure in its own table cell is a value, not a count the text claims ("110" before "Åtagandena …").
  if (t === undefined || tokens[i].hard) return null;
  if (/^\d+$/.test(t)) return Number(t);
  // "noll" is no count a text claims.
  const n = parseSvNumberWord(t);
  return n === 0 ? null : n;
}

type Cue = "notReached" | "own" | "ownCommitments" | "budgeted";

const COUNTED = /^(processmål|åtaganden|stycken|medarbetare)/;

/** Counts the text claims: "29 processmål", "sex processmål … ännu inte uppnått", "16 åtaganden", "17 stycken". */
export function recogniseFacts(ctx: ImportContext, owner: string | undefined): Fact[] {
  const tokens = ctx.tokens;
  const facts: Fact[] = [];
  const add = (f: Omit<Fact, "id">) =>
    facts.push({ id: `F${String(facts.length + 1).padStart(2, "0")}`, ...f, ...(owner ? { owner } : {}) });
  // Linear per sentence: a long text without full stops is one huge "sentence", so nothing below may rescan or
  // re-join it per number. The claim text from a token on is a suffix of the joined sentence, and a cue phrase
  // occurs in that suffix iff its last occurrence in the sentence starts at or after the token's offset.
  const sents = sentences(tokens);
  for (const [s, e] of sents) {
    // Joined and scanned only when the sentence has a claim at all (most long sentences have none).
    let text: { whole: string; offsets: number[]; cue: Record<Cue, number> } | undefined;
    const prepare = () => {
      const whole = joinTokens(tokens, s, e);
      const offsets: number[] = [];
      for (let k = s, at = 0; k < e; k++) {
        offsets.push(at);
        at += tokens[k].text.length + 1;
      }
      const last = (re: RegExp) => {
        let at = -1;
        for (const m of whole.matchAll(re)) at = m.index;
        return at;
      };
      const cue = {
        notReached: last(/inte uppnått|ej uppnått|inte nått/gi),
        own: last(/egna/gi),
        ownCommitments: last(/egna åtaganden/gi),
        budgeted: last(/budgeteras/gi),
      };
      return { whole, offsets, cue };
    };
    let from = s;
    for (let i = s; i < e; i++) {
      // A PDF sentence without a full stop may run through a table: the claim starts after its last figure cell.
      if (i > s && tokens[i - 1].hard) from = i;
      // Only a number before a counted word is a claim: test the word first, it is the cheaper test.
      const next = tokens[i + 1]?.text.toLowerCase() ?? "";
      if (!COUNTED.test(next)) continue;
      const n = countAt(tokens, i);
      if (n === null) continue;
      text ??= prepare();
      const { whole, cue } = text;
      const offset = text.offsets[from - s];
      const has = (at: number) => at >= offset;
      const claim = () => {
        const label = whole.slice(offset);
        return label.endsWith(".") ? label.slice(0, -1) : label;
      };
      const page = tokens[i].page;
      if (/^processmål/.test(next)) {
        if (has(cue.notReached))
          add({ label: claim(), value: n, unit: "processmål", counts: "goalsNotReached", page });
        else add({ label: claim(), value: n, unit: "processmål", counts: "goals", page });
      } else if (/^åtaganden/.test(next) && !has(cue.own)) {
        add({ label: claim(), value: n, unit: "åtaganden", counts: "commitments", page });
      } else if (/^stycken/.test(next) && has(cue.ownCommitments)) {
        add({ label: claim(), value: n, unit: "åtaganden", counts: "ownCommitments", page });
      } else if (/^medarbetare/.test(next) && has(cue.budgeted) && !/^\d{4}$/.test(tokens[i].text)) {
        add({ label: claim(), value: n, unit: "medarbetare", page });
      }
    }
  }
  // The same claim stated twice (summary and decision) counts once.
  const unique = new Map<string, Fact>();
  for (const f of facts) {
    const key = `${f.counts ?? f.unit}:${f.value}`;
    if (!unique.has(key)) unique.set(key, f);
  }
  return [...unique.values()].map((f, k) => ({ ...f, id: `F${String(k + 1).padStart(2, "0")}` }));
}

const INDICATOR_UNIT = /^(.*?)(,\s*%|\s*\((?:tkr|mnkr|kr|%)\)|,\s*index(?:\s*\(enhet\))?)$/;

/**
 * Styrkort rows: after "Styrkort", sections in capitals (MEDARBETARE, EKONOMI) each with a header
 * "Titel Utfall t o m augusti 2018 Mål 2019"; an indicator's title ends with its unit (", %", "(tkr)", ", index").
 */
export function recogniseScorecard(ctx: ImportContext, year: number): Indicator[] {
  const tokens = ctx.tokens;
  const out: Indicator[] = [];
  // Sections: a capitalised word followed by "Titel", on the first page with a "Styrkort" heading that has them.
  const sections: { name: string; start: number }[] = [];
  for (
    let start = findPhrase(tokens, "Styrkort");
    start >= 0 && !sections.length;
    start = findPhrase(tokens, "Styrkort", start + 1)
  ) {
    for (let i = start; i < tokens.length && tokens[i].page <= tokens[start].page + 1; i++) {
      if (/^[A-ZÅÄÖ]{4,}$/.test(tokens[i].text) && tokens[i + 1]?.text === "Titel")
        sections.push({ name: tokens[i].text, start: i });
    }
  }
  if (!sections.length) return out;
  const pageEnd = (() => {
    let i = sections[sections.length - 1].start;
    while (i < tokens.length && tokens[i].page === tokens[sections[sections.length - 1].start].page) i++;
    return i;
  })();
  sections.forEach((sec, k) => {
    const end = k + 1 < sections.length ? sections[k + 1].start : pageEnd;
    // Skip the header: words up to and including the "Mål YYYY" column and a stray "augusti YYYY".
    let i = sec.start + 2;
    const headerText: string[] = [];
    while (i < end && headerText.length < 12) {
      headerText.push(tokens[i].text);
      i++;
      if (/^Mål$/i.test(tokens[i - 1].text) && /^\d{4}$/.test(tokens[i]?.text ?? "")) {
        headerText.push(tokens[i].text);
        i++;
        if (/^\p{Ll}+$/u.test(tokens[i]?.text ?? "") && /^\d{4}$/.test(tokens[i + 1]?.text ?? "")) i += 2;
        break;
      }
    }
    const headerWords = joinTokens(tokens, sec.start, i);
    const monthMatch =
      /t o m\b.*?(januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december) (\d{4})/.exec(
        headerWords,
      );
    const outcomeYear = monthMatch
      ? Number(monthMatch[2])
      : Number(/Utfall\D*(\d{4})/.exec(headerWords)?.[1] ?? year - 1);
    const asOf = monthMatch ? `t o m ${monthMatch[1]} ${outcomeYear}` : undefined;
    // Indicators: a title ending with its unit, then values up to the next capitalised word after a number.
    let titleStart = i;
    for (let j = i; j < end; j++) {
      const candidate = joinTokens(tokens, titleStart, j + 1);
      const u = INDICATOR_UNIT.exec(candidate);
      if (!u || !u[1]) continue;
      // Values: numbers and notes up to the next capitalised word after a number.
      let v = j + 1;
      const notes: string[] = [];
      const runs: [number, number][] = [];
      let seenNumber = false;
      while (v < end) {
        const t = tokens[v].text;
        if (pieceAt(tokens, v)) {
          const end = numberRunEnd(tokens, v);
          runs.push([v, end]);
          seenNumber = true;
          v = end;
          continue;
        }
        if (t.startsWith("(")) {
          let w = v;
          while (w < end && !tokens[w].text.endsWith(")")) w++;
          const inner = joinTokens(tokens, v, w + 1).replace(/^\(|\)$/g, "");
          // "(enhet)" only explains the unit word before it.
          if (!/^enhet$/i.test(inner)) notes.push(inner);
          v = w + 1;
          continue;
        }
        if (seenNumber && /^\p{Lu}/u.test(t)) break;
        notes.push(t);
        v++;
      }
      // One run "25 328 0" holds both columns: partition it into two numbers (thousands groups joined).
      let numbers: NumberToken[] = [];
      if (runs.length === 1) {
        const parts = partitionNumbers(tokens, runs[0][0], runs[0][1], 2);
        numbers = parts.length ? parts[0] : (partitionNumbers(tokens, runs[0][0], runs[0][1], 1)[0] ?? []);
      } else {
        for (const [a, b] of runs) numbers.push(...(partitionNumbers(tokens, a, b, 1)[0] ?? []));
      }
      const title = candidate.trim();
      const unitLabel = /%/.test(u[2]) ? "%" : (/tkr|mnkr|kr/.exec(u[2])?.[0] ?? "index");
      const unit: UnitKind = unitLabel === "%" ? "percent" : unitLabel === "index" ? "index" : "amount";
      const noteText = notes.join(" ").replace(/\s+/g, " ").trim();
      const values: PeriodValue[] = [];
      const page = tokens[titleStart].page;
      if (numbers.length !== 2)
        ctx.warn(
          "indicator.values",
          "indicator",
          title,
          page,
          { found: numbers.length, expected: 2 },
          titleStart,
        );
      const target = numbers.length >= 1 ? numbers[numbers.length - 1] : null;
      const outcome = numbers.length >= 2 ? numbers[numbers.length - 2] : null;
      values.push({
        period: outcomeYear,
        kind: "outcome",
        value: outcome ? outcome.value : null,
        ...(outcome ? (noteText ? { note: noteText } : {}) : { note: noteText || "Värde saknas" }),
        ...(asOf ? { asOf } : {}),
      });
      values.push({
        period: year,
        kind: "target",
        value: target ? target.value : null,
        ...(target ? {} : { note: "Värde saknas" }),
      });
      out.push({
        id: `SK${String(out.length + 1).padStart(2, "0")}`,
        title,
        section: sec.name,
        unit,
        unitLabel,
        ...(/sjukfrånvaro/i.test(title) ? { direction: "max" as const } : {}),
        values,
        page,
      });
      titleStart = v;
      j = v - 1;
    }
  });
  return out;
}

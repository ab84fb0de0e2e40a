/**
 * Processmål and åtaganden from a flattened document.
 *
 * A goal section starts after "Fyraårigt processmål". Each goal is its title followed by its three value columns
 * (målvärde år−1, utfall t o m … år−1, målvärde år) or by a note ("Fastställs senare", "Målvärdet är borttaget …").
 * Titles may contain numbers ("… uppgå till 700 35 2 35"): the LAST three numbers of a run are the values and the
 * rest stays in the title — said per goal as a warning unless the layout's cell gaps settle it. What follows the
 * last goal of a section is åtaganden text: "(KS, alla nämnder)" ends one from the Årsplan; "KS/KLK …" starts the
 * förvaltning's own.
 *
 * Areas come from the headings: the document's table of contents names them; a heading at the top of a page, just
 * before the goal marker or around "Processområde" updates the area path (perspective › strategiskt mål ›
 * processområde).
 */
import type { Commitment, Direction, Goal, PeriodValue, UnitKind } from "../plan/schema";
import { endsSentence, type ImportContext } from "./context";
import { findPhrase, joinTokens, pieceAt, type NumberToken } from "./tokens";
import type { Token } from "./types";

const NOTE_STARTS = [/^Fastställs$/i, /^Målvärdet$/i, /^Målvärde$/i, /^Mätning$/i];
const MAX_TITLE_TOKENS = 60;

export interface ValueColumn {
  period: number;
  kind: PeriodValue["kind"];
  asOf?: string;
  label: string;
}

export interface GoalsResult {
  goals: Goal[];
  commitments: Commitment[];
}

/** Table of contents entries ("Demokrati...5") → heading names. */
function tocHeadings(tokens: readonly Token[]): string[] {
  const out: string[] = [];
  const start = findPhrase(tokens, "Innehållsförteckning", 0, tokens.length, true);
  if (start < 0) return out;
  let words: string[] = [];
  for (let i = start + 1; i < tokens.length && i < start + 400; i++) {
    const t = tokens[i].text;
    const m = /^(.*?)\.{3,}(\d+)$/.exec(t);
    if (m) {
      if (m[1]) words.push(m[1]);
      const heading = words.join(" ").trim();
      if (heading) out.push(heading);
      words = [];
      continue;
    }
    if (/^\d+$/.test(t) && words.length === 0) break;
    words.push(t);
    if (words.length > 12) break;
  }
  return out;
}

/** Perspectives: the top level, named in "Styrkort (för) X" ("Styrkort effektiv organisation 2019"). */
function perspectives(tokens: readonly Token[], headings: readonly string[]): Set<string> {
  const text = joinTokens(tokens).toLowerCase();
  return new Set(
    headings.filter(
      (h) => text.includes(`styrkort ${h.toLowerCase()}`) || text.includes(`styrkort för ${h.toLowerCase()}`),
    ),
  );
}

interface HeadingHit {
  start: number;
  end: number;
  name: string;
}

/** Matches one of the headings at i (longest first). */
function headingAt(tokens: readonly Token[], i: number, headings: readonly string[]): HeadingHit | null {
  let best: HeadingHit | null = null;
  for (const h of headings) {
    const n = h.split(" ").length;
    if (
      findPhrase(tokens, h, i, Math.min(tokens.length, i + n)) === i &&
      (!best || n > best.end - best.start)
    )
      best = { start: i, end: i + n, name: h };
  }
  return best;
}

function isMarker(tokens: readonly Token[], i: number): boolean {
  return (
    tokens[i]?.text.toLowerCase() === "fyraårigt" &&
    tokens[i + 1]?.text.toLowerCase().startsWith("processmål") === true
  );
}

/** Reads an optional header after the marker: "Målvärde 2018 Utfall t o m augusti 2018 Målvärde 2019". */
function readHeader(tokens: readonly Token[], i: number): { columns: ValueColumn[]; end: number } | null {
  const columns: ValueColumn[] = [];
  let j = i;
  while (j < tokens.length && columns.length < 3) {
    const w = tokens[j].text.toLowerCase();
    const kind = /^(målvärde|mål)$/.test(w) ? "target" : /^utfall$/.test(w) ? "outcome" : null;
    if (!kind) break;
    let k = j + 1;
    let asOf: string | undefined;
    const asOfWords: string[] = [];
    while (k < tokens.length && !/^\d{4}$/.test(tokens[k].text) && asOfWords.length < 5)
      asOfWords.push(tokens[k++].text);
    if (!/^\d{4}$/.test(tokens[k]?.text ?? "")) break;
    if (asOfWords.length) asOf = `${asOfWords.join(" ")} ${tokens[k].text}`;
    columns.push({ period: Number(tokens[k].text), kind, asOf, label: joinTokens(tokens, j, k + 1) });
    j = k + 1;
  }
  return columns.length === 3 ? { columns, end: j } : null;
}

/** Default value columns when the header was lost: målvärde år−1, utfall (t o m … år−1), målvärde år. */
function defaultColumns(year: number, tokens: readonly Token[]): ValueColumn[] {
  const text = joinTokens(tokens);
  const m = new RegExp(`Utfall (t o m \\p{L}+ ${year - 1})`, "u").exec(text);
  const asOf = m?.[1];
  return [
    { period: year - 1, kind: "target", label: `Målvärde ${year - 1}` },
    { period: year - 1, kind: "outcome", asOf, label: `Utfall ${asOf ?? year - 1}` },
    { period: year, kind: "target", label: `Målvärde ${year}` },
  ];
}

/** A note in place of values: "Fastställs senare" or a sentence "Målvärdet är borttaget …". */
function noteAt(tokens: readonly Token[], i: number, end: number): { text: string; end: number } | null {
  const t = tokens[i]?.text;
  if (!t || !NOTE_STARTS.some((re) => re.test(t))) return null;
  if (/^Fastställs$/i.test(t)) {
    const next = tokens[i + 1]?.text ?? "";
    if (/^senare\.?$/i.test(next)) return { text: joinTokens(tokens, i, i + 2), end: i + 2 };
    return null;
  }
  if (!/^(är|saknas|har|utgår)$/i.test(tokens[i + 1]?.text ?? "")) return null;
  let j = i;
  while (j < end && j < i + 40 && !endsSentence(tokens[j].text)) j++;
  return { text: joinTokens(tokens, i, Math.min(j + 1, end)), end: Math.min(j + 1, end) };
}

/** The pieces (one number each) of the number run ending just before `end`, scanning back from end. */
function runBefore(tokens: readonly Token[], from: number, end: number): NumberToken[] {
  const pieces: NumberToken[] = [];
  let i = from;
  while (i < end) {
    const p = pieceAt(tokens, i);
    if (p && p.end <= end) {
      pieces.push(p);
      i = p.end;
    } else {
      pieces.length = 0;
      i++;
    }
  }
  return pieces;
}

function inferUnit(title: string, values: (NumberToken | null)[]): { unit: UnitKind; guessed: boolean } {
  if (values.some((v) => v?.percent)) return { unit: "percent", guessed: false };
  if (/\(%\)|procent/i.test(title)) return { unit: "percent", guessed: false };
  if (/antal/i.test(title)) return { unit: "count", guessed: false };
  if (values.some((v) => v && Math.abs(v.value) > 100)) return { unit: "count", guessed: false };
  if (/index|nöjd|engagemang|företagsklimat|förmåga/i.test(title)) return { unit: "index", guessed: false };
  return { unit: "index", guessed: true };
}

function inferDirection(title: string): Direction {
  if (/\b(max|högst)\b/i.test(title)) return "max";
  if (/\bminst\b/i.test(title)) return "min";
  if (/\b(minska|sänka|lägre|färre)\b/i.test(title)) return "lower";
  return "higher";
}

const BODY_ITEM = /^([A-ZÅÄÖ]{2,6}|alla nämnder( och bolag)?|samtliga nämnder( och bolag)?)$/;

/** "(KS, SBN, alla nämnder och bolag)" at i → the bodies and the index after ")". */
function bodiesAt(tokens: readonly Token[], i: number): { bodies: string[]; end: number } | null {
  if (!tokens[i]?.text.startsWith("(")) return null;
  let j = i;
  const words: string[] = [];
  while (j < tokens.length && j < i + 20) {
    words.push(tokens[j].text);
    if (tokens[j].text.endsWith(")")) break;
    j++;
  }
  if (!tokens[j]?.text.endsWith(")")) return null;
  const inner = words.join(" ").replace(/^\(|\)$/g, "");
  const bodies = inner.split(/\s*,\s*/).map((s) => s.trim());
  if (!bodies.every((b) => BODY_ITEM.test(b))) return null;
  if (!(bodies.includes("KS") || bodies.some((b) => /nämnder/.test(b)) || bodies.length >= 2)) return null;
  return { bodies, end: j + 1 };
}

function isOwnStart(t: string | undefined): boolean {
  return t !== undefined && /^(KS\/KLK|KLK\/KS)$/.test(t);
}

export function recogniseGoals(ctx: ImportContext, year: number, owner: string | undefined): GoalsResult {
  const tokens = ctx.tokens;
  const headings = tocHeadings(tokens);
  const goals: Goal[] = [];
  const commitments: Commitment[] = [];

  const markers: number[] = [];
  for (let i = 0; i < tokens.length; i++) if (isMarker(tokens, i)) markers.push(i);
  if (markers.length === 0) {
    ctx.warn("goal.none", "goal", null, null, {});
    return { goals, commitments };
  }
  // Perspectives are named before the goals start (later "Styrkort Kvalitet" in an appendix is another thing).
  const tops = perspectives(tokens.slice(0, markers[0]), headings);
  // Goal chapters end where the budget/economy chapter or an appendix starts.
  const stopAfter = (from: number): number => {
    for (let i = from; i < tokens.length; i++) {
      if (findPhrase(tokens, "Ekonomisk redovisning", i, i + 2) === i) return i;
      if (/^Bilaga$/.test(tokens[i].text) && /^\d+$/.test(tokens[i + 1]?.text ?? "")) return i;
    }
    return tokens.length;
  };
  const chapterEnd = stopAfter(markers[markers.length - 1]);

  let columns: ValueColumn[] | null = null;
  let headerWarned = false;
  let area: string[] = [];

  // Heading positions that update the area: page starts, before the marker, after another heading, around "Processområde".
  const headingHits = new Map<number, HeadingHit>();
  for (let i = 0; i < chapterEnd; i++) {
    if (tokens[i].page < tokens[markers[0]].page) continue;
    let h = headingAt(tokens, i, headings);
    // Without a table of contents, "Processområde X" still names the area: X runs up to the goal marker.
    if (!h && /^Processområde$/i.test(tokens[i - 1]?.text ?? "")) {
      let k = i;
      while (k < tokens.length && k < i + 6 && !isMarker(tokens, k)) k++;
      if (isMarker(tokens, k) && k > i) h = { start: i, end: k, name: joinTokens(tokens, i, k) };
    }
    if (!h) continue;
    const pageStart = i === 0 || tokens[i - 1].page !== tokens[i].page;
    const afterHeading = [...headingHits.values()].some((x) => x.end === i);
    const beforeMarker = isMarker(tokens, h.end);
    const afterPO = /^Processområde$/i.test(tokens[i - 1]?.text ?? "");
    const beforePO = /^Processområde$/i.test(tokens[h.end]?.text ?? "");
    if (pageStart || afterHeading || beforeMarker || afterPO || beforePO) {
      headingHits.set(i, h);
      i = h.end - 1;
    }
  }

  const applyHeading = (h: HeadingHit) => {
    const before = /^Processområde$/i.test(tokens[h.start - 1]?.text ?? "");
    const beforePO = /^Processområde$/i.test(tokens[h.end]?.text ?? "");
    if (tops.has(h.name)) area = [h.name];
    else if (before) area = [...area.slice(0, 2), h.name];
    else if (beforePO) area = [...area.slice(0, 1), h.name];
    else if (isMarker(tokens, h.end) && area.length >= 3) area = [...area.slice(0, 2), h.name];
    else area = [...area.slice(0, 1), h.name];
  };

  // Walk the chapter: headings update the area, markers start goal runs, the rest is åtaganden text.
  let i = tokens.findIndex((t) => t.page === tokens[markers[0]].page);
  let segStart = -1;
  let commitmentArea: string[] = [];
  const flushSegment = (end: number, bodies: string[] | null) => {
    if (segStart < 0 || end <= segStart) {
      segStart = -1;
      return;
    }
    const seg = { start: segStart, end };
    segStart = -1;
    if (bodies) {
      let start = seg.start;
      if (isOwnStart(tokens[start].text)) {
        // An own commitment's first sentence, then the Årsplan commitment the bodies close.
        let j = start;
        while (j < seg.end && !endsSentence(tokens[j].text)) j++;
        addCommitment(start, Math.min(j + 1, seg.end), "own", null);
        start = j + 1;
      }
      if (start < seg.end) addCommitment(start, seg.end, "annualPlan", bodies);
    } else if (isOwnStart(tokens[seg.start].text)) addCommitment(seg.start, seg.end, "own", null);
  };
  const addCommitment = (
    start: number,
    end: number,
    origin: "own" | "annualPlan",
    bodies: string[] | null,
  ) => {
    const text = joinTokens(tokens, start, end).trim();
    if (!text) return;
    const responsible = bodies ?? tokens[start].text.split("/");
    commitments.push({
      id: `${owner ?? "ATG"}-${origin === "own" ? "EGET" : "AP"}${String(commitments.filter((c) => c.origin === origin).length + 1).padStart(2, "0")}`,
      text,
      responsible,
      area: commitmentArea.length ? commitmentArea.slice() : ["Åtaganden"],
      ...(owner ? { owner } : {}),
      origin,
      page: tokens[start].page,
    });
  };

  while (i < chapterEnd) {
    const h = headingHits.get(i);
    if (h) {
      flushSegment(i, null);
      applyHeading(h);
      i = h.end;
      continue;
    }
    if (isMarker(tokens, i)) {
      flushSegment(i, null);
      i += 2;
      const header = readHeader(tokens, i);
      if (header) {
        columns = header.columns;
        i = header.end;
      } else if (!columns) {
        columns = defaultColumns(year, tokens);
        if (!headerWarned) {
          headerWarned = true;
          ctx.warn(
            "goal.no-header",
            "goal",
            null,
            tokens[i]?.page ?? null,
            { columns: columns.map(({ label, kind, period, asOf }) => ({ label, kind, period, asOf })) },
            i,
          );
        }
      }
      i = readGoals(i);
      continue;
    }
    const b = bodiesAt(tokens, i);
    if (b) {
      commitmentArea = area.slice();
      flushSegment(i, b.bodies);
      i = b.end;
      continue;
    }
    if (isOwnStart(tokens[i].text)) {
      flushSegment(i, null);
      segStart = i;
      commitmentArea = area.slice();
    } else if (segStart < 0) {
      segStart = i;
      commitmentArea = area.slice();
    }
    i++;
  }
  flushSegment(chapterEnd, null);
  return { goals, commitments };

  /** Reads goals from i until no more goals follow; returns where the åtaganden text starts. */
  function readGoals(start: number): number {
    let pos = start;
    let sectionEnd = chapterEnd;
    for (const m of markers)
      if (m > start) {
        sectionEnd = Math.min(sectionEnd, m);
        break;
      }
    for (const k of headingHits.keys())
      if (k >= start && k < sectionEnd && isMarker(tokens, headingHits.get(k)!.end))
        sectionEnd = Math.min(sectionEnd, k);
    for (;;) {
      const found = nextGoal(pos, sectionEnd);
      if (!found) return pos;
      pos = found;
    }
  }

  /** Finds the goal starting at pos; adds it and returns the index after it, or null when none follows. */
  function nextGoal(pos: number, end: number): number | null {
    const cols = columns!;
    const limit = Math.min(end, pos + MAX_TITLE_TOKENS);
    if (isOwnStart(tokens[pos]?.text)) return null;
    for (let i = pos; i < limit; i++) {
      if (headingHits.has(i) || bodiesAt(tokens, i) || (i > pos && isOwnStart(tokens[i].text))) return null;
      const note = noteAt(tokens, i, end);
      if (note && i > pos) {
        const run = runBefore(tokens, pos, i);
        const values: (NumberToken | null)[] = [null, null, null];
        let titleEnd = i;
        if (run.length >= 2) {
          values[0] = run[run.length - 2];
          values[1] = run[run.length - 1];
          titleEnd = run[run.length - 2].start;
        }
        const title = cleanTitle(joinTokens(tokens, pos, titleEnd));
        if (!title) return null;
        if (run.length === 1)
          ctx.warn("goal.note-number", "goal", title, tokens[pos].page, { number: run[0].text }, pos);
        addGoal(pos, title, values, note.text, cols);
        return note.end;
      }
      const p = pieceAt(tokens, i);
      if (!p) continue;
      // A run of numbers: the goal ends here if it has at least three.
      const pieces: NumberToken[] = [];
      let j = i;
      for (;;) {
        const q = pieceAt(tokens, j);
        if (!q || q.end > end) break;
        pieces.push(q);
        j = q.end;
      }
      // A year closing the run starts the next goal's title ("… 83 72 2019 ska index …").
      while (
        pieces.length > 3 &&
        /^(19|20|21)\d{2}$/.test(pieces[pieces.length - 1].text) &&
        j < end &&
        !pieceAt(tokens, j)
      ) {
        pieces.pop();
        j = pieces[pieces.length - 1].end;
      }
      const noteAfter = noteAt(tokens, j, end);
      if (pieces.length < 3 && !noteAfter) {
        i = j - 1;
        continue;
      }
      if (noteAfter) {
        i = j - 1;
        continue; // handled when the loop reaches the note
      }
      // Where the layout marks cell gaps, values start at gaps; otherwise the last three numbers are the values.
      const valueStart = pieces.length - 3;
      const hardInfo = pieces.some((q) => tokens[q.start].hard !== undefined);
      const titleEnd = pieces[valueStart].start;
      const title = cleanTitle(joinTokens(tokens, pos, titleEnd));
      if (!title) return null;
      const extra = pieces.slice(0, valueStart);
      const settled =
        hardInfo &&
        pieces.slice(valueStart).every((q) => tokens[q.start].hard) &&
        !tokens[pieces[0].start].hard;
      if (extra.length > 0 && !settled)
        ctx.warn(
          "goal.title-number",
          "goal",
          title,
          tokens[pos].page,
          { numbers: pieces.map((q) => q.text).join(" ") },
          pos,
        );
      addGoal(pos, title, pieces.slice(valueStart, valueStart + 3), undefined, cols);
      return j;
    }
    return null;
  }

  function addGoal(
    pos: number,
    title: string,
    values: (NumberToken | null)[],
    note: string | undefined,
    cols: ValueColumn[],
  ) {
    const { unit, guessed } = inferUnit(title, values);
    const page = tokens[pos].page;
    if (guessed) ctx.warn("goal.unit-guessed", "goal", title, page, { unit }, pos);
    if (area.length === 0) {
      area = ["Processmål"];
      ctx.warn("goal.no-area", "goal", title, page, { area: area[0] }, pos);
    }
    const periodValues: PeriodValue[] = cols.map((c, k) => {
      const v = values[k];
      return {
        period: c.period,
        kind: c.kind,
        value: v ? v.value : null,
        ...(v ? {} : { note: note ?? "Värde saknas" }),
        ...(c.asOf ? { asOf: c.asOf } : {}),
      };
    });
    goals.push({
      id: `PM${String(goals.length + 1).padStart(2, "0")}`,
      title,
      area: area.slice(),
      unit,
      direction: inferDirection(title),
      values: periodValues,
      ...(note && values.every((v) => v === null) ? { note } : {}),
      page,
    });
  }
}

function cleanTitle(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

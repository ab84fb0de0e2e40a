/**
 * "Använd korta namn": workbook names MALVARDE, UTFALL and BUDGET defined as LAMBDA formulas calling
 * the PLAN functions, so users can write =MALVARDE("…") without the namespace Excel requires for
 * add-in functions. Refuses where any of the names exists; degrades with a message where the Excel
 * version has no LAMBDA.
 */
import { failed, type WriteResult } from "./results";

/** Omitted LAMBDA parameters become "" which the PLAN functions treat as "not given". */
const opt = (p: string) => `IF(ISOMITTED(${p}),"",${p})`;

const SHORT_NAMES: readonly { name: string; formula: string }[] = [
  { name: "MALVARDE", formula: `=LAMBDA(mal,[ar],PLAN.MALVARDE(mal,${opt("ar")}))` },
  { name: "UTFALL", formula: `=LAMBDA(mal,[ar],PLAN.UTFALL(mal,${opt("ar")}))` },
  {
    name: "BUDGET",
    formula: `=LAMBDA(post,[ar],[matt],[enhet],PLAN.BUDGET(post,${opt("ar")},${opt("matt")},${opt("enhet")}))`,
  },
];

/** Syncs: 2. */
export async function defineShortNames(
  context: Excel.RequestContext,
  comment = "Plankoll",
): Promise<WriteResult<{ names: string[] }>> {
  try {
    const names = context.workbook.names;
    names.load("items/name");
    await context.sync();
    const taken = new Set(names.items.map((n) => n.name.toUpperCase()));
    const clash = SHORT_NAMES.filter((s) => taken.has(s.name)).map((s) => s.name);
    if (clash.length) return { ok: false, reason: "names-exist", names: clash };
    for (const s of SHORT_NAMES) names.add(s.name, s.formula, comment);
    try {
      await context.sync();
    } catch (err) {
      // Excel without LAMBDA rejects the formula as an invalid argument.
      if ((err as { code?: string }).code === "InvalidArgument")
        return { ok: false, reason: "unsupported", feature: "LAMBDA" };
      throw err;
    }
    return { ok: true, names: SHORT_NAMES.map((s) => s.name) };
  } catch (err) {
    return failed(err);
  }
}

/**
 * The custom-functions metadata: the default (sv-SE) one generated from functions.ts the way the webpack
 * plugin does it, and the hand-kept en-US one, which must declare the same ids and parameters.
 */
import path from "node:path";
import { generateCustomFunctionsMetadata, type IFunction } from "custom-functions-metadata";
import { FUNCTIONS } from "../../src/functions/core";
import enUS from "../../src/functions/locales/functions.en-US.json";

const source = path.join(__dirname, "../../src/functions/functions.ts");
let generated: { allowCustomDataForDataTypeAny?: boolean; functions: IFunction[] };

beforeAll(async () => {
  const result = await generateCustomFunctionsMetadata(source);
  expect(result.errors).toEqual([]);
  generated = JSON.parse(result.metadataJson);
});

const en = enUS as unknown as { allowCustomDataForDataTypeAny?: boolean; functions: IFunction[] };

test("functions.ts declares the seven PLAN functions with Swedish names", () => {
  expect(generated.functions.map((f) => [f.id, f.name])).toEqual(FUNCTIONS.map((f) => [f.id, f.sv]));
  expect(generated.functions).toHaveLength(7);
});

test("parameters, optionality and result shapes match the core's specification", () => {
  for (const f of generated.functions) {
    const spec = FUNCTIONS.find((s) => s.id === f.id)!;
    expect(f.parameters.map((p) => [p.name, Boolean(p.optional)])).toEqual(
      spec.params.map((p) => [p.sv, p.optional]),
    );
    // Every argument is a single value; an area of cells is not what any parameter takes.
    expect(f.parameters.every((p) => (p.dimensionality ?? "scalar") === "scalar")).toBe(true);
    expect(f.result?.dimensionality ?? "scalar").toBe(spec.result);
    expect(f.description).toBeTruthy();
    // Not volatile, not streaming: cached values must survive a workbook opened without the add-in.
    expect(f.options).toBeUndefined();
  }
  const result = Object.fromEntries(generated.functions.map((f) => [f.id, f.result?.type]));
  expect(result).toEqual({
    MALVARDE: "number",
    UTFALL: "number",
    BUDGET: "number",
    MALUPPFYLLELSE: "boolean",
    AVVIKELSE: "number",
    MAL: "string",
    MALLISTA: undefined,
  });
});

test("en-US metadata: same ids and parameters, English names", () => {
  expect(en.allowCustomDataForDataTypeAny).toBe(generated.allowCustomDataForDataTypeAny);
  expect(en.functions.map((f) => f.id)).toEqual(generated.functions.map((f) => f.id));
  expect(en.functions.map((f) => f.name)).toEqual([
    "TARGET",
    "OUTCOME",
    "BUDGET",
    "ACHIEVED",
    "DEVIATION",
    "GOAL",
    "GOALLIST",
  ]);
  for (const [i, f] of en.functions.entries()) {
    const sv = generated.functions[i];
    const shape = (ps: IFunction["parameters"]) =>
      ps.map((p) => ({
        type: p.type,
        optional: Boolean(p.optional),
        dimensionality: p.dimensionality ?? "scalar",
      }));
    expect(shape(f.parameters)).toEqual(shape(sv.parameters));
    expect(f.result).toEqual(sv.result);
    expect(f.options).toEqual(sv.options);
    const spec = FUNCTIONS.find((s) => s.id === f.id)!;
    expect(f.name).toBe(spec.en);
    expect(f.parameters.map((p) => p.name)).toEqual(spec.params.map((p) => p.en));
    expect(f.description).toBeTruthy();
    expect(f.parameters.every((p) => p.description)).toBe(true);
  }
});

test("every name in every locale follows Excel's naming rules", () => {
  for (const f of [...generated.functions, ...en.functions]) {
    expect(f.id).toMatch(/^[A-Z][A-Z0-9_.]{2,}$/);
    expect(f.name).toMatch(/^\p{L}[\p{L}_.]{2,}$/u);
  }
});

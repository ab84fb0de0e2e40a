/**
 * functions.ts as Excel runs it: a fake CustomFunctions global (only Excel provides the real one),
 * the active plan from planStore, errors thrown as CustomFunctions.Error with the core's message.
 */
import { embeddedPlan } from "../../src/plan/embedded";
import { getActivePlan, onPlanChange, setActivePlan } from "../../src/functions/planStore";
import * as fns from "../../src/functions/functions";
import { makePlan } from "./fixtures";

class FakeError {
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {}
}

beforeAll(() => {
  (globalThis as Record<string, unknown>).CustomFunctions = {
    Error: FakeError,
    ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A", invalidNumber: "#NUM!" },
  };
});
afterAll(() => {
  delete (globalThis as Record<string, unknown>).CustomFunctions;
});
afterEach(() => setActivePlan(embeddedPlan));

function thrown(f: () => unknown): FakeError {
  try {
    f();
  } catch (err) {
    return err as FakeError;
  }
  throw new Error("expected an error");
}

test("the seven functions return the core's values on the embedded plan", () => {
  expect(fns.malvarde("Total sjukfrånvaro", 2019)).toBe(0.03);
  expect(fns.utfall("Total sjukfrånvaro")).toBe(0.032);
  expect(fns.budget("HR", 2019, "Budget", "mnkr")).toBe(64.308);
  expect(fns.maluppfyllelse("avtalstrohet", 0.95)).toBe(true);
  expect(fns.avvikelse("Total sjukfrånvaro", 0.032)).toBe(-0.002);
  expect(fns.mal("avtalstrohet")).toBe("2019 uppgår avtalstroheten till minst 75 %");
  expect(fns.mallista("Stabil ekonomi")).toHaveLength(2);
});

test("Excel errors are thrown as CustomFunctions.Error with the message (Swedish outside Office)", () => {
  const na = thrown(() => fns.malvarde("Förtätning", 2019));
  expect(na).toBeInstanceOf(FakeError);
  expect(na.code).toBe("#N/A");
  expect(na.message).toMatch(/Fastställs senare\.$/);
  const value = thrown(() => fns.budget("HR", 2019, "Budget", "euro"));
  expect(value.code).toBe("#VALUE!");
  expect(value.message).toBe('Okänd enhet "euro": ange kr, tkr eller mnkr.');
  expect(thrown(() => fns.maluppfyllelse("avtalstrohet", Infinity)).code).toBe("#NUM!");
});

test("English messages where Office's display language is English", () => {
  (globalThis as Record<string, unknown>).Office = { context: { displayLanguage: "en-US" } };
  try {
    expect(thrown(() => fns.mal("cykelbanor")).message).toBe('No goal matches "cykelbanor".');
  } finally {
    delete (globalThis as Record<string, unknown>).Office;
  }
});

test("functions read the active plan; a plan change notifies listeners once", () => {
  const other = makePlan([
    {
      id: "S",
      title: "Total sjukfrånvaro",
      unit: "percent",
      values: [{ period: 2019, kind: "target", value: 4.5 }],
    },
  ]);
  const seen: string[] = [];
  const stop = onPlanChange((p) => void seen.push(p.id));
  setActivePlan(other);
  setActivePlan(other); // the same plan again: nothing to recalculate
  expect(getActivePlan()).toBe(other);
  expect(fns.malvarde("Total sjukfrånvaro", 2019)).toBe(0.045);
  stop();
  setActivePlan(embeddedPlan);
  expect(seen).toEqual(["test-plan"]);
  expect(fns.malvarde("Total sjukfrånvaro", 2019)).toBe(0.03);
});

test("a failing listener does not keep the others from hearing of the change", async () => {
  const other = makePlan([]);
  const heard: number[] = [];
  const a = onPlanChange(() => {
    throw new Error("Excel said no");
  });
  const b = onPlanChange(() => Promise.reject(new Error("async no")));
  const c = onPlanChange(() => void heard.push(1));
  setActivePlan(other);
  await Promise.resolve();
  expect(heard).toEqual([1]);
  [a, b, c].forEach((stop) => stop());
});

test("the store is shared through globalThis, as separate bundles in one runtime need", () => {
  const other = makePlan([]);
  setActivePlan(other);
  const shared = (globalThis as unknown as Record<string, { plan: unknown } | undefined>).__plankollPlanStore;
  expect(shared?.plan).toBe(other);
});

/**
 * The embedded default plan: Eskilstuna kommun, Kommunstyrelsen/KLK verksamhetsplan 2019 (KSKF/2018:294).
 * Stored as an ordinary plan file. Every start of the CLI and the pane uses it, so it is not run through zod at
 * load (loading zod and the schema alone took longer than a whole `plankoll fn`): tests/plan/embedded.test.ts
 * proves the schema accepts it and changes nothing in it, so a typo in the data fails the tests.
 */
import data from "./data/eskilstuna-2019.json";
import type { Plan } from "./schema";

export const embeddedPlan: Plan = data as unknown as Plan;

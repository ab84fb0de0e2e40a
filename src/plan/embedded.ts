/**
 * The embedded default plan: Eskilstuna kommun, Kommunstyrelsen/KLK verksamhetsplan 2019 (KSKF/2018:294).
 * Stored as an ordinary plan file and validated like any user-supplied plan, so a typo in the data fails at load
 * (and in tests), not later in a cell.
 */
import data from "./data/eskilstuna-2019.json";
import { parsePlan, type Plan } from "./schema";

export const embeddedPlan: Plan = parsePlan(data);

import { EXIT, type Io } from "../io";

/** Placeholder until the command lands; says so instead of pretending. */
export async function runPlan(_args: string[], io: Io): Promise<number> {
  io.stderr("plankoll plan: inte byggt ännu / not built yet\n");
  return EXIT.usage;
}

/**
 * The 5 M-cell engine cases (issue 13: must complete without running out of memory), ordinary sheets and many
 * tiny tables, each in a process of its own with node's default heap limit; one cold run each (slow: its own
 * name, `npm run bench -- checks5m`).
 */
import { engineInChild, engineLines } from "./checks";

export async function run(): Promise<{ name: string; lines: string[] }> {
  const lines: string[] = [];
  lines.push(...engineLines("engine 5 M cells", await engineInChild("ordinary", 100, 1), null));
  lines.push(...engineLines("engine 5 M cells, many tiny tables", await engineInChild("tiny", 100, 1), null));
  return { name: "checks5m (5 M-cell engine cases)", lines };
}

/**
 * The seed document's text (one line per PDF page) for tests that check the embedded plan against it.
 * Reads ../shared/seeds beside the clone when present, else the committed copy, so tests never depend on ../shared.
 */
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";

export const SHARED_SEED = resolve(__dirname, "../../../shared/seeds/000_0d82a35fffd88bb5.txt");
export const FIXTURE_SEED = resolve(__dirname, "../fixtures/seed/KSKF-2018-294.txt");

export function seedPath(): string {
  return existsSync(SHARED_SEED) ? SHARED_SEED : FIXTURE_SEED;
}

/** Pages 1…n; index 0 unused so `pages[7]` is page 7. */
export function seedPages(path = seedPath()): string[] {
  const lines = readFileSync(path, "utf8").replace(/\n$/, "").split("\n");
  return ["", ...lines];
}

/** Letters and digits only, lower case: survives the extraction's broken words ("jämställdhetsintegrerin gsarbetet"). */
export function squash(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]/gu, "");
}

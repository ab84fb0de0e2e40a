/** Runs the CLI in-process through main(), the same code path as `npx plankoll …`, and keeps what it writes. */
import type { Io } from "../../src/cli/io";
import { main } from "../../src/cli/main";

/** An Io that collects stdout and stderr; isTTY as given (progress output only on a terminal). */
export function captureIo(isTTY = false): Io & { out: string; err: string } {
  const io = {
    out: "",
    err: "",
    isTTY,
    stdout(t: string) {
      io.out += t;
    },
    stderr(t: string) {
      io.err += t;
    },
  };
  return io;
}

/** `plankoll ARGV…`: the exit code and all it wrote, stderr not a terminal. */
export async function runCli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = captureIo();
  const code = await main(argv, io);
  return { code, out: io.out, err: io.err };
}

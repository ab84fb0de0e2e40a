/**
 * Issue 9: precision and recall of `plankoll check`'s error/warning findings on the real corpus
 * (../shared/corpus/workbooks), scored against the hand annotations in tests/corpus/annotations.
 * Goals: precision ≥ 0.9 overall and for every rule with ≥ 10 findings, recall ≥ 0.9, no unjudged finding.
 * `npm run bench -- precision --list` (or PRECISION_LIST=1) also lists the false alarms, the unjudged findings
 * and the missed problems.
 */
import { CORPUS_DIR, corpusFiles, formatScore, scoreCorpus } from "../../tests/corpus/score";

export async function run(): Promise<{ name: string; lines: string[] }> {
  if (corpusFiles().length === 0) throw new Error(`no corpus workbooks in ${CORPUS_DIR}`);
  const list = process.argv.includes("--list") || !!process.env.PRECISION_LIST;
  const score = await scoreCorpus();
  const lines = [
    `${score.run.files.length} workbooks, ${score.annotations.byFile.size} annotated, ${[...score.annotations.byFile.values()].reduce((n, b) => n + b.cells.length, 0)} annotation entries`,
    ...Object.entries(score.run.unreadable).map(([f, why]) => `unreadable: ${f}: ${why}`),
    ...formatScore(score, { list }),
  ];
  return { name: "precision (real corpus vs hand annotations)", lines };
}

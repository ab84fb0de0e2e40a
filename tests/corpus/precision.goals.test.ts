/**
 * Issue 9 "done when": on the annotated real corpus, error/warning findings of `plankoll check` reach precision
 * ≥ 0.9 overall and for every rule with ≥ 10 findings, recall of the annotated problems ≥ 0.9, and no finding is
 * left unjudged. The engine of main 8e09e2e failed these (7 % precision); the reworked one holds them, and this
 * test keeps it so. The figures are printed by `npm run bench -- precision`.
 */
import { corpusFiles, formatScore, GOALS, scoreCorpus } from "./score";

const corpusPresent = corpusFiles().length > 0;

(corpusPresent ? describe : describe.skip)("issue 9 goals on the real corpus", () => {
  let score: Awaited<ReturnType<typeof scoreCorpus>>;
  let report: string;
  beforeAll(async () => {
    score = await scoreCorpus();
    report = formatScore(score, { list: true }).join("\n");
  }, 300_000);

  test("every error/warning finding is judged by an annotation", () => {
    if (score.unjudged.length > 0) throw new Error(`${score.unjudged.length} unjudged findings\n${report}`);
  });

  test("precision ≥ 0.9 overall", () => {
    const { tp, fp, precision } = score.overall;
    if ((precision ?? 0) < GOALS.precision)
      throw new Error(`precision ${tp}/${tp + fp} under ${GOALS.precision}\n${report}`);
  });

  test("precision ≥ 0.9 for every rule with ≥ 10 findings", () => {
    const below = Object.entries(score.perRule)
      .filter(([, s]) => s.findings >= GOALS.minFindingsForRuleGoal && (s.precision ?? 0) < GOALS.precision)
      .map(([rule, s]) => `${rule}: ${s.tp}/${s.tp + s.fp}`);
    expect(below).toEqual([]);
  });

  test("recall ≥ 0.9 of the annotated problems", () => {
    const { found, problems, recall } = score.recall;
    if ((recall ?? 0) < GOALS.recall)
      throw new Error(`recall ${found}/${problems} under ${GOALS.recall}\n${report}`);
  });
});

/**
 * The JSON field order of a finding, as the JSON contract states it (docs/architecture.md). Written out here (not read from src) so the tests
 * hold the output to the contract rather than to whatever order the code happens to build.
 */
export const WORKBOOK_FINDING_FIELDS = ["rule", "severity", "sheet", "cell", "message", "expected", "actual"];

/** Document findings (import, `plan --check`): the same fields, then where in the document. */
export const DOCUMENT_FINDING_FIELDS = [...WORKBOOK_FINDING_FIELDS, "page", "row", "column"];

/** What may follow a finding's fields, in this order, where the finding has it (evidence for errors/warnings). */
export const FINDING_EXTRA_FIELDS = ["evidence", "causedBy"];

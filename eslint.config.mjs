// ESLint flat config: typescript-eslint recommended + React hooks, Prettier owns formatting.
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";
import prettier from "eslint-config-prettier";
import globals from "globals";
import importX from "eslint-plugin-import-x";

/**
 * The layers of src and what each may import (docs/architecture.md). Checked on resolved paths, so "../excel",
 * "../../excel/read" and "../excel/index" are the same import. Edges (cli, taskpane, workbench) import
 * inwards; nothing imports an edge but itself (the workbench hosts the pane, so it may import taskpane).
 */
const LAYERS = [
  "model",
  "plan",
  "checks",
  "import",
  "i18n",
  "excel",
  "functions",
  "commands",
  "cli",
  "taskpane",
  "workbench",
];
const ALLOWED = {
  model: [],
  plan: ["model"],
  checks: ["model", "plan"],
  import: ["model", "plan", "checks"],
  // The catalogues and the number formatter: words at the edges, never in rules or importers.
  i18n: ["model", "plan", "checks", "import"],
  excel: ["model", "plan", "checks", "i18n"],
  functions: ["model", "plan", "i18n"],
  commands: ["model", "plan", "checks", "excel", "i18n"],
  cli: ["model", "plan", "checks", "import", "i18n", "functions"],
  taskpane: ["model", "plan", "checks", "import", "i18n", "excel", "functions", "commands"],
  workbench: ["model", "plan", "checks", "import", "i18n", "excel", "functions", "commands", "taskpane"],
};
const layerZones = LAYERS.map((layer) => ({
  target: `./src/${layer}`,
  from: LAYERS.filter((other) => other !== layer && !ALLOWED[layer].includes(other)).map((o) => `./src/${o}`),
  message: `src/${layer} may import ${ALLOWED[layer].length ? ALLOWED[layer].map((o) => `src/${o}`).join(", ") : "nothing of src"} (docs/architecture.md).`,
})).filter((zone) => zone.from.length > 0);

export default tseslint.config(
  { ignores: ["node_modules", "dist", "lib", "build", "test-artifacts", "coverage"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks },
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["src/**/*.{ts,tsx}"],
    plugins: { "import-x": importX },
    settings: {
      "import-x/resolver-next": [importX.createNodeResolver({ extensions: [".ts", ".tsx", ".js", ".json"] })],
    },
    rules: { "import-x/no-restricted-paths": ["error", { zones: layerZones }] },
  },
  {
    files: ["**/*.js", "**/*.cjs", "**/*.mjs"],
    languageOptions: { globals: { ...globals.node }, sourceType: "commonjs" },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    // The pure core must run in any host: no Office, React, ExcelJS or Node built-ins.
    files: [
      "src/model/**/*.ts",
      "src/plan/**/*.ts",
      "src/checks/**/*.ts",
      "src/import/**/*.ts",
      "src/i18n/**/*.ts",
    ],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["node:*", "fs", "path", "os", "child_process", "util", "stream", "zlib", "crypto"],
              message: "src/model, src/plan, src/checks, src/import and src/i18n are host-free.",
            },
            {
              group: [
                "exceljs",
                "react",
                "react-dom",
                "@fluentui/*",
                "pdfjs-dist*",
                // The project's own hosts (src/excel, src/cli, …) are kept out by the layer zones above.
              ],
              message: "src/model, src/plan, src/checks, src/import and src/i18n are host-free.",
            },
          ],
        },
      ],
      "no-restricted-globals": ["error", "Excel", "Office", "process", "require"],
    },
  },
  prettier,
);

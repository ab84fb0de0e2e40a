// ESLint flat config: typescript-eslint recommended + React hooks, Prettier owns formatting.
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";
import prettier from "eslint-config-prettier";
import globals from "globals";

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
    files: ["**/*.js", "**/*.cjs", "**/*.mjs"],
    languageOptions: { globals: { ...globals.node }, sourceType: "commonjs" },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    // The pure core must run in any host: no Office, React, ExcelJS or Node built-ins.
    files: ["src/model/**/*.ts", "src/plan/**/*.ts", "src/checks/**/*.ts", "src/import/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["node:*", "fs", "path", "os", "child_process", "util", "stream", "zlib", "crypto"],
              message: "src/model, src/plan, src/checks and src/import are host-free.",
            },
            {
              group: [
                "exceljs",
                "react",
                "react-dom",
                "@fluentui/*",
                "pdfjs-dist*",
                // Any depth, the folder itself too ("../excel", "../../excel/read").
                "**/excel",
                "**/excel/**",
                "**/taskpane",
                "**/taskpane/**",
                "**/cli",
                "**/cli/**",
                "**/functions/functions",
              ],
              message: "src/model, src/plan, src/checks and src/import are host-free.",
            },
          ],
        },
      ],
      "no-restricted-globals": ["error", "Excel", "Office", "process", "require"],
    },
  },
  prettier,
);

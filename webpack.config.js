/*
 * Plankoll add-in build (webpack 5). Contracts other parts rely on:
 *
 * Entries
 *   functions  src/functions/functions.ts  → dist/functions.js (manifest Script URL). Also loaded first by
 *              taskpane.html: with the shared runtime the custom functions run in the task pane page.
 *              CustomFunctionsMetadataPlugin generates dist/functions.json (sv-SE names, the default
 *              locale) from its JSDoc and appends the CustomFunctions.associate calls to that module,
 *              so only the taskpane page may import functions.ts (the workbench has no CustomFunctions).
 *   taskpane   src/taskpane/index.tsx → dist/taskpane.js; `dependOn: "functions"`, so both entries share
 *              ONE webpack runtime and module instances (no second copy of the plan or zod).
 *              index.tsx must call `registerCommands({ validate })` from src/commands/commands.ts at
 *              load time (ribbon "Kontrollera" = ExecuteFunction "plankollValidate"; "Visa Plankoll"
 *              = ShowTaskpane, no code). See src/commands/commands.ts for the CommandHandlers interface.
 *   workbench  src/workbench/index.tsx → dist/workbench.html (+js). Dev server always; production builds
 *              only with `--env workbench` (the bench and e2e tests build it that way into their own
 *              output dir: `npx webpack --mode production --env workbench --output-path build/workbench-dist`).
 *
 * Pages (generated here, no template files): both have `<div id="root">` for React. taskpane.html loads
 *   Office.js from Microsoft's CDN; workbench.html never does (no network; the workbench installs its
 *   fake Office/Excel globals itself).
 * Ready marker: the pane sets `data-plankoll-ready="true"` on its root element once the first view is
 *   interactive; the time-to-interactive bench (scripts/bench/bundle.ts) and e2e tests wait for it.
 * Code splitting: ts-loader compiles with module "esnext", so `import()` in the pane makes lazy chunks
 *   (dist/chunks/*.js) that taskpane.html does not load up front. Goal: initial JS ≤ 200 KB gzip.
 * dist layout: taskpane.html, taskpane.js, functions.js, functions.json, functions.en-US.json
 *   (copied from src/functions/locales/), chunks/, assets/ (icons, support.html), manifest.xml (every
 *   https://localhost:3000/ replaced by PLANKOLL_URL, default https://plankoll.example.se/).
 * Dev server: port 3000 (package.json config.dev_server_port); HTTPS with the office-addin-dev-certs
 *   certificates (scripts/devTls.js), plain HTTP only when they can't be made or PLANKOLL_DEV_HTTP=1
 *   (fine for the workbench, not for Excel). `npm start` / `npm stop` drive it (scripts/start.js).
 */
const path = require("node:path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { devTls } = require("./scripts/devTls");
const { resolveProductionUrl, rewriteManifestUrls } = require("./scripts/manifestUrls");

const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const DEV_PORT = Number(process.env.npm_package_config_dev_server_port) || 3000;

// Opened outside Excel, or Office.js blocked (offline, proxy): say so instead of "loading" forever.
const NO_OFFICE_SCRIPT = `
    <script>
      window.addEventListener("load", function () {
        if (typeof Office !== "undefined") return;
        var p = document.querySelector("#root .plankoll-loading");
        if (p) p.textContent = "Office.js kunde inte laddas: Plankoll körs i Excel, med nätverk till appsforoffice.microsoft.com. / " +
          "Office.js could not be loaded: Plankoll runs in Excel, with network access to appsforoffice.microsoft.com.";
      });
    </script>`;

/** The HTML shell of a page; the React app mounts into #root. */
function page({ title, officeJs }) {
  return `<!doctype html>
<html lang="sv">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${title}</title>
    ${officeJs ? `<script src="${OFFICE_JS}"></script>` : "<!-- No Office.js: the workbench provides a fake Office/Excel. -->"}
    <style>
      html, body { margin: 0; height: 100%; }
      body { font-family: "Segoe UI", system-ui, sans-serif; font-size: 14px; }
      .plankoll-loading { padding: 16px; color: #444; }
    </style>
  </head>
  <body>
    <div id="root"><p class="plankoll-loading">Plankoll laddas … / Loading …</p></div>${officeJs ? NO_OFFICE_SCRIPT : ""}
  </body>
</html>
`;
}

module.exports = async (env = {}, argv = {}) => {
  const dev = argv.mode !== "production";
  const serving = Boolean(env.WEBPACK_SERVE);
  const withWorkbench = dev || Boolean(env.workbench);
  const production = dev ? null : resolveProductionUrl(process.env);
  if (production && !env.workbench) {
    console.log(
      `Plankoll: manifest.xml → ${production.url} ` +
        (production.fromEnv
          ? "(PLANKOLL_URL)"
          : "(standard; sätt/set PLANKOLL_URL=https://…/ för er server)"),
    );
  }

  const entry = {
    functions: "./src/functions/functions.ts",
    taskpane: { import: "./src/taskpane/index.tsx", dependOn: "functions" },
  };
  if (withWorkbench) entry.workbench = "./src/workbench/index.tsx";

  const plugins = [
    new CustomFunctionsMetadataPlugin({ output: "functions.json", input: "./src/functions/functions.ts" }),
    new HtmlWebpackPlugin({
      filename: "taskpane.html",
      templateContent: page({ title: "Plankoll", officeJs: true }),
      chunks: ["functions", "taskpane"],
      chunksSortMode: "manual",
      hash: !dev,
    }),
    new CopyWebpackPlugin({
      patterns: [
        { from: "assets/*", to: "assets/[name][ext]" },
        { from: "src/functions/locales/functions.en-US.json", to: "functions.en-US.json" },
        {
          from: "manifest.xml",
          to: "manifest.xml",
          transform: (content) =>
            production ? rewriteManifestUrls(content.toString("utf8"), production.url) : content,
        },
      ],
    }),
  ];
  if (withWorkbench) {
    plugins.push(
      new HtmlWebpackPlugin({
        filename: "workbench.html",
        templateContent: page({ title: "Plankoll – arbetsbänk / workbench (dev)", officeJs: false }),
        chunks: ["workbench"],
        hash: !dev,
      }),
    );
  }

  return {
    mode: dev ? "development" : "production",
    devtool: "source-map",
    entry,
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      // Lazy chunks get content hashes: Office caches hard, a new deploy must not serve stale chunks.
      chunkFilename: dev ? "chunks/[name].js" : "chunks/[name].[contenthash:8].js",
      // Emitted files such as pdfjs' worker (new URL(…, import.meta.url)): named and hashed like chunks.
      assetModuleFilename: dev ? "chunks/[name][ext]" : "chunks/[name].[contenthash:8][ext]",
      clean: true,
    },
    resolve: { extensions: [".ts", ".tsx", ".js", ".mjs", ".json"] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: {
              configFile: "tsconfig.json",
              // Type errors are `npm run typecheck`'s job; the bundle only needs the JS.
              transpileOnly: true,
              // esnext modules: webpack sees import()/export and can code-split and tree-shake.
              compilerOptions: { module: "esnext", moduleResolution: "node", sourceMap: true },
            },
          },
        },
        { test: /\.(png|jpe?g|gif|svg|woff2?)$/, type: "asset/resource" },
      ],
    },
    plugins,
    performance: { hints: false }, // sizes are measured by `npm run bench` against the 200 KB gzip goal
    devServer: serving
      ? {
          port: DEV_PORT,
          host: "localhost",
          static: false,
          hot: false,
          liveReload: true,
          headers: { "Access-Control-Allow-Origin": "*" },
          client: { overlay: { warnings: false, errors: true } },
          server: await devTls().then((tls) => {
            if (tls.type === "http" || !tls.trusted) {
              console.warn(
                tls.type === "http"
                  ? `Plankoll: HTTP (${tls.reason}) – arbetsbänken fungerar, Excel kräver HTTPS. / the workbench works, Excel needs HTTPS.`
                  : `Plankoll: HTTPS med ett certifikat som systemet inte litar på (${tls.reason}). / HTTPS with a certificate the system does not trust.`,
              );
            }
            return tls.type === "https" ? { type: "https", options: tls.options } : { type: "http" };
          }),
        }
      : undefined,
  };
};

"use strict";
/**
 * Production URL handling for manifest.xml, shared by webpack.config.js and the manifest tests.
 * The committed manifest points at the dev server (https://localhost:3000/); a production build
 * rewrites every such URL to where dist/ is hosted (PLANKOLL_URL).
 */

const DEV_URL = "https://localhost:3000/";
const DEFAULT_PRODUCTION_URL = "https://plankoll.example.se/";

/**
 * The production base URL from the environment, normalised to end with "/".
 * Office only loads add-ins over HTTPS, so anything else is refused with a message.
 * @param {Record<string, string | undefined>} env
 * @returns {{ url: string, fromEnv: boolean }}
 */
function resolveProductionUrl(env) {
  const raw = (env.PLANKOLL_URL || "").trim();
  const fromEnv = raw !== "";
  const candidate = fromEnv ? raw : DEFAULT_PRODUCTION_URL;
  let parsed;
  try {
    parsed = new URL(candidate);
  } catch {
    throw new Error(`PLANKOLL_URL är ingen giltig URL / is not a valid URL: "${candidate}"`);
  }
  if (parsed.protocol !== "https:") {
    throw new Error(
      `PLANKOLL_URL måste börja med https:// (Office kräver HTTPS) / must use https: "${candidate}"`,
    );
  }
  if (parsed.search || parsed.hash) {
    throw new Error(`PLANKOLL_URL får inte ha ? eller # / must not have a query or fragment: "${candidate}"`);
  }
  const url = parsed.href.endsWith("/") ? parsed.href : `${parsed.href}/`;
  return { url, fromEnv };
}

/**
 * Replaces every dev-server URL in the manifest with the production base URL. Throws if any
 * localhost reference survives (say a different port was typed by hand), so a production
 * manifest can never point at a developer's machine.
 * @param {string} xml
 * @param {string} productionUrl base URL ending with "/"
 * @returns {string}
 */
function rewriteManifestUrls(xml, productionUrl) {
  if (!productionUrl.endsWith("/")) throw new Error(`productionUrl must end with "/": ${productionUrl}`);
  const rewritten = xml.split(DEV_URL).join(productionUrl);
  const leftover = rewritten.split("\n").findIndex((line) => /localhost|127\.0\.0\.1/i.test(line));
  if (leftover >= 0) {
    throw new Error(
      `manifest.xml rad/line ${leftover + 1}: en localhost-adress finns kvar efter omskrivningen / ` +
        `a localhost URL is left after the rewrite: ${rewritten.split("\n")[leftover].trim()}`,
    );
  }
  return rewritten;
}

module.exports = { DEV_URL, DEFAULT_PRODUCTION_URL, resolveProductionUrl, rewriteManifestUrls };

"use strict";
/**
 * How the dev server speaks: HTTPS with the office-addin-dev-certs certificates whenever they exist
 * (Excel, desktop and web, only loads add-ins over HTTPS), plain HTTP only when they can't be made or
 * PLANKOLL_DEV_HTTP=1 asks for it (the workbench needs no certificate). Shared by webpack.config.js
 * and scripts/start.js; memoised so one process generates/installs certificates at most once.
 */
const fs = require("node:fs");

let pending = null;

/**
 * @returns {Promise<{ type: "https", options: { ca: Buffer, key: Buffer, cert: Buffer }, trusted: boolean,
 *   caPath: string, reason?: string } | { type: "http", reason: string }>}
 */
function devTls() {
  pending ??= resolveTls();
  return pending;
}

async function resolveTls() {
  if (process.env.PLANKOLL_DEV_HTTP === "1") return { type: "http", reason: "PLANKOLL_DEV_HTTP=1" };
  let devCerts;
  let defaults;
  try {
    devCerts = require("office-addin-dev-certs");
    defaults = require("office-addin-dev-certs/lib/defaults");
  } catch (err) {
    return { type: "http", reason: `office-addin-dev-certs: ${firstLine(err)}` };
  }
  try {
    // Installing the CA may run sudo; never let a prompt or a slow tool hold the server forever.
    const options = await withTimeout(devCerts.getHttpsServerOptions(), 30000);
    return { type: "https", options: pick(options), trusted: true, caPath: defaults.caCertificatePath };
  } catch (err) {
    // Typical in containers and CI: the certificates were generated but the CA could not be added to
    // the system store (no sudo). They still serve HTTPS; the user trusts the CA in the browser.
    try {
      const options = {
        ca: fs.readFileSync(defaults.caCertificatePath),
        cert: fs.readFileSync(defaults.localhostCertificatePath),
        key: fs.readFileSync(defaults.localhostKeyPath),
      };
      return {
        type: "https",
        options,
        trusted: false,
        caPath: defaults.caCertificatePath,
        reason: firstLine(err),
      };
    } catch {
      return { type: "http", reason: firstLine(err) };
    }
  }
}

function pick(o) {
  return { ca: o.ca, key: o.key, cert: o.cert };
}

function firstLine(err) {
  return String((err && err.message) || err)
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean)
    .join(" ")
    .slice(0, 200);
}

function withTimeout(promise, ms) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timeout after ${ms / 1000} s`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

module.exports = { devTls };

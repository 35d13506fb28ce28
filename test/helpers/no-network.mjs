/**
 * A `node --import` preload that traps every way a process reaches the network or starts another
 * program (except `git`, which the git modes run on purpose). A trapped call is recorded — one JSON line
 * appended to $MODELRISK_TRAP_LOG when set, and one `modelrisk-trap:` line on stderr — then fails with
 * an error, so a scan that tries cannot quietly succeed.
 */
import { appendFileSync } from "node:fs";
import childProcess from "node:child_process";
import dns from "node:dns";
import http from "node:http";
import https from "node:https";
import { syncBuiltinESMExports } from "node:module";
import net from "node:net";
import tls from "node:tls";

const log = process.env.MODELRISK_TRAP_LOG;

function record(api, detail) {
  const line = JSON.stringify({ api, detail: String(detail ?? "").slice(0, 200) });
  if (log) appendFileSync(log, `${line}\n`);
  process.stderr.write(`modelrisk-trap: ${line}\n`);
  return new Error(`network and process access is trapped in this test run: ${api} ${detail ?? ""}`);
}

function trap(target, name, api, describe = (args) => args[0]) {
  const original = target[name];
  if (typeof original !== "function") return;
  target[name] = function trapped(...args) {
    throw record(api, describe(args));
  };
}

const where = (args) => {
  const [first] = args;
  if (typeof first === "string" || first instanceof URL) return String(first);
  if (first && typeof first === "object") return `${first.host ?? first.hostname ?? ""}:${first.port ?? ""}${first.path ?? ""}`;
  return String(first);
};

for (const name of ["connect", "createConnection"]) trap(net, name, `net.${name}`, where);
trap(net.Socket.prototype, "connect", "net.Socket.connect", where);
trap(tls, "connect", "tls.connect", where);
for (const mod of [["http", http], ["https", https]]) {
  for (const name of ["request", "get"]) trap(mod[1], name, `${mod[0]}.${name}`, where);
}
for (const name of ["lookup", "resolve", "resolve4", "resolve6", "resolveAny", "lookupService"]) {
  trap(dns, name, `dns.${name}`);
  trap(dns.promises, name, `dns.promises.${name}`);
}
if (typeof globalThis.fetch === "function") {
  globalThis.fetch = async (input) => {
    throw record("fetch", input instanceof Request ? input.url : String(input));
  };
}

/** `git` (by name or path) may run; anything else is a scanned project's code being executed. */
function isGit(file) {
  const base = String(file).split(/[\\/]/).pop();
  return base === "git" || base === "git.exe";
}
for (const name of ["spawn", "spawnSync", "execFile", "execFileSync"]) {
  const original = childProcess[name];
  childProcess[name] = function guarded(file, ...rest) {
    if (!isGit(file)) throw record(`child_process.${name}`, file);
    return original.call(this, file, ...rest);
  };
}
for (const name of ["exec", "execSync", "fork"]) trap(childProcess, name, `child_process.${name}`);

// Named ESM imports (`import { spawn } from "node:child_process"`) see the patched functions only after this.
syncBuiltinESMExports();

import { Command, CommanderError, Option } from "commander";
import { VERSION } from "../version.js";
import { EXIT, UsageError } from "./errors.js";
import { collect, parseDate, parseFormat, parseLevel, parseSize, parseWorkers } from "./options.js";

function buildProgram(): Command {
  const program = new Command("modelrisk")
    .description("Find the AI models a codebase depends on and how likely each is to vanish.")
    .version(VERSION, "-v, --version")
    .showSuggestionAfterError()
    .exitOverride()
    .configureOutput({ outputError: (text, write) => write(text.split("\n")[0] + "\n") });

  program
    .command("scan")
    .description("scan a folder (default .) or the given files for model references")
    .argument("[paths...]", "a folder to scan, or files inside the repository")
    .addOption(new Option("-f, --format <format>", "text, tui, compact, json, sarif, markdown or cyclonedx").argParser(parseFormat))
    .option("-o, --output <file>", "write the report to a file instead of stdout")
    .option("--as-of <date>", "judge retirements as of this day (YYYY-MM-DD)", parseDate)
    .option("--rules <dir>", "extra rules folder (repeatable; later ones override by id)", collect)
    .option("--feeds <dir>", "extra retirement feed folder in model-eol/0.1 format (repeatable)", collect)
    .option("--max-file-size <size>", "skip files larger than this (default 2mb, notebooks 20mb)", parseSize)
    .option("--staged", "scan the staged content of the git index (pre-commit)")
    .option("--changed <rev>", "scan files changed since a git revision; report findings on changed lines only")
    .option("--project-findings", "with --staged or files: also report project-level findings (concentration)")
    .option("-c, --config <file>", "policy file (default: .modelrisk.yaml at the scan root)")
    .option("--baseline <report.json>", "a previous JSON report: only new findings count towards --fail-on")
    .option("--category <name>", "SARIF automationDetails category (monorepo splits, API uploads)")
    .option("--fail-on <level>", "exit 1 when a finding is at or above this level", (v) => parseLevel("--fail-on", v))
    .option("--severity-threshold <level>", "alias of --fail-on", (v) => parseLevel("--severity-threshold", v))
    .option("--cache [dir]", "reuse detector results for unchanged files (default dir: the OS cache folder)")
    .option("--workers <n>", "threads for the TypeScript pass (default: a worker beside the other detectors for large scans, up to 4 threads with 4+ cores)", parseWorkers)
    .option("--no-color", "never colour the output")
    .option("-q, --quiet", "no progress output")
    .option("--verbose", "also print rule overrides and skipped files on stderr")
    .option("--debug", "print stack traces of internal errors")
    .action(async (paths: string[], options) => {
      const { runScan } = await import("./scan-command.js");
      process.exitCode = await runScan(paths, options);
    });

  program
    .command("explain")
    .description("print every factor, weight, reason and source behind a model's score")
    .argument("<target>", "a model id, or file:line of a reference")
    .option("--root <dir>", "folder to scan (default .)")
    .option("--as-of <date>", "judge retirements as of this day (YYYY-MM-DD)", parseDate)
    .option("--rules <dir>", "extra rules folder (repeatable)", collect)
    .option("-c, --config <file>", "policy file")
    .action(async (target: string, options) => {
      const { runExplain } = await import("./explain-command.js");
      process.exitCode = await runExplain(target, options);
    });

  program
    .command("init-hook")
    .description("write a git pre-commit hook that runs 'modelrisk scan --staged'")
    .option("--fail-on <level>", "block the commit at or above this level (default high)", (v) => parseLevel("--fail-on", v))
    .option("--force", "replace an existing pre-commit hook")
    .action(async (options: { failOn?: string; force?: boolean }) => {
      const { runInitHook } = await import("./init-hook.js");
      process.exitCode = await runInitHook(options);
    });

  const rules = program.command("rules").description("inspect the rules database");
  rules
    .command("check")
    .description("validate a rules folder (default: the built-in one)")
    .argument("[dir]")
    .action(async (dir?: string) => {
      const { runRulesCheck } = await import("./rules-command.js");
      process.exitCode = await runRulesCheck(dir);
    });
  rules
    .command("show")
    .description("print what the database knows about a model id")
    .argument("<model-id>")
    .option("--rules <dir>", "extra rules folder (repeatable)", collect)
    .action(async (id: string, options: { rules?: string[] }) => {
      const { runRulesShow } = await import("./rules-command.js");
      process.exitCode = await runRulesShow(id, options.rules ?? []);
    });
  return program;
}

/** Errors whose message already says what to fix: one line, exit 2. */
const USER_ERRORS = new Set(["RulesError", "PolicyError", "NotARepositoryError", "BaselineError"]);

export async function main(argv: readonly string[]): Promise<number> {
  const program = buildProgram();
  const debug = argv.includes("--debug");
  try {
    await program.parseAsync([...argv], { from: "user" });
    return typeof process.exitCode === "number" ? process.exitCode : EXIT.ok;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.code === "commander.helpDisplayed" || error.code === "commander.version" || error.exitCode === 0
        ? EXIT.ok
        : EXIT.usage;
    }
    if (error instanceof UsageError || USER_ERRORS.has((error as Error)?.name)) {
      process.stderr.write(`modelrisk: ${(error as Error).message}\n`);
      return EXIT.usage;
    }
    if (debug) process.stderr.write(`${(error as Error)?.stack ?? String(error)}\n`);
    else {
      const message = String((error as Error)?.message ?? error).split("\n")[0];
      process.stderr.write(`modelrisk: internal error: ${message} (rerun with --debug and report it at https://github.com/modelrisk/modelrisk/issues)\n`);
    }
    return EXIT.usage;
  }
}


/** An error the user can fix: printed as one line, exit code 2, never a stack trace. */
export class UsageError extends Error {
  override name = "UsageError";
}

export const EXIT = { ok: 0, findings: 1, usage: 2 } as const;

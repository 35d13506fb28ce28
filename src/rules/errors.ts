/** A problem in a rules file the user can fix: one line, naming the file and the entry. */
export class RulesError extends Error {
  override name = "RulesError";
}

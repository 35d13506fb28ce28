/** `1 model`, `2 models`: counts in report summaries read as sentences. */
export function count(n: number, noun: string, plural = `${noun}s`): string {
  return `${n} ${n === 1 ? noun : plural}`;
}

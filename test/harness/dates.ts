/** Calendar dates relative to today (UTC), as the API takes them: `YYYY-MM-DD`. */

export const daysFromNow = (days: number) => new Date(Date.now() + days * 86400000).toISOString().slice(0, 10);

export const daysAgo = (days: number) => daysFromNow(-days);

/** A birthday `years` years ago; 10 March by default, so a test's age does not change with the day it runs on. */
export const yearsAgo = (years: number, monthDay = '03-10') => `${new Date().getUTCFullYear() - years}-${monthDay}`;

/** The next Monday at least a week away, so every fixture planned from it lies in the future. */
export function nextMonday(): string {
  const d = new Date(Date.now() + 7 * 86400000);
  d.setUTCDate(d.getUTCDate() + ((8 - d.getUTCDay()) % 7));
  return d.toISOString().slice(0, 10);
}

/** The `YYYY-MM-DD` date `days` after `date`. */
export const plusDays = (date: string, days: number) =>
  new Date(Date.parse(date) + days * 86400000).toISOString().slice(0, 10);

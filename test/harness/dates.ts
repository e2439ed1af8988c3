/** Calendar dates relative to today (UTC), as the API takes them: `YYYY-MM-DD`. */

export const daysFromNow = (days: number) => new Date(Date.now() + days * 86400000).toISOString().slice(0, 10);

export const daysAgo = (days: number) => daysFromNow(-days);

/** A birthday `years` years ago; 10 March by default, so a test's age does not change with the day it runs on. */
export const yearsAgo = (years: number, monthDay = '03-10') => `${new Date().getUTCFullYear() - years}-${monthDay}`;

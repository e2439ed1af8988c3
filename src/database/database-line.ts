/** A connection string fit to print: the password, if any, hidden. */
export function shownUri(uri: string): string {
  return uri.replace(/\/\/([^@/:]*):[^@/]*@/, '//$1:***@');
}

/**
 * The one line that says which database is used and why, e.g.
 * `database: offline MongoDB-compatible server at mongodb://127.0.0.1:41234/coaching (data in …),
 * because no mongod binary is available and it cannot be downloaded (…)`.
 */
export function databaseLine(choice: {
  database: string;
  uri: string;
  reason: string;
  where?: string;
  usedBy?: string;
}): string {
  const subject = choice.usedBy ? `database for ${choice.usedBy}` : 'database';
  const where = choice.where ? ` (${choice.where})` : '';
  return `${subject}: ${choice.database} at ${shownUri(choice.uri)}${where}, because ${choice.reason}`;
}

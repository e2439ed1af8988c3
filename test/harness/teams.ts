import { randomBytes } from 'node:crypto';
import { TestAccount } from './accounts';
import { HttpClient } from './http-client';

const auth = (who: TestAccount) => ({ token: who.accessToken });

/** A valid player create body; override any field. */
export function playerBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    firstName: 'Sami',
    lastName: `Squad${randomBytes(3).toString('hex')}`,
    dateOfBirth: '2011-04-20',
    sex: 'male',
    position: 'midfielder',
    level: 'academy',
    dominantFoot: 'right',
    ...overrides,
  };
}

/** Creates a player as `who` and returns its id, failing loudly on anything but 201. */
export async function createPlayer(
  http: HttpClient,
  who: TestAccount,
  overrides: Record<string, unknown> = {},
): Promise<string> {
  const res = await http.post('/api/v1/players', playerBody(overrides), auth(who));
  if (res.status !== 201) throw new Error(`create player failed: ${res.status} ${res.text}`);
  return res.body.id;
}

/** A valid team create body with a name unique to the run. */
export function teamBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: `U14 ${randomBytes(3).toString('hex')}`,
    season: '2026-27',
    ageGroup: 'U14',
    sex: 'male',
    ...overrides,
  };
}

/** Creates a team as `who` with these players (which `who` must manage) and returns its id. */
export async function createTeam(
  http: HttpClient,
  who: TestAccount,
  playerIds: readonly string[] = [],
  overrides: Record<string, unknown> = {},
): Promise<string> {
  const res = await http.post('/api/v1/teams', teamBody(overrides), auth(who));
  if (res.status !== 201) throw new Error(`create team failed: ${res.status} ${res.text}`);
  for (const playerId of playerIds) await addTeamPlayer(http, who, res.body.id, playerId);
  return res.body.id;
}

export async function addTeamPlayer(http: HttpClient, who: TestAccount, teamId: string, playerId: string) {
  const res = await http.post(`/api/v1/teams/${teamId}/players`, { playerId }, auth(who));
  if (res.status !== 200) throw new Error(`add team player failed: ${res.status} ${res.text}`);
  return res.body;
}

export async function addTeamCoach(http: HttpClient, who: TestAccount, teamId: string, email: string) {
  const res = await http.post(`/api/v1/teams/${teamId}/coaches`, { email }, auth(who));
  if (res.status !== 200) throw new Error(`add team coach failed: ${res.status} ${res.text}`);
  return res.body;
}

export async function removeTeamCoach(http: HttpClient, who: TestAccount, teamId: string, email: string) {
  const res = await http.request('DELETE', `/api/v1/teams/${teamId}/coaches`, { email }, auth(who));
  if (res.status !== 200) throw new Error(`remove team coach failed: ${res.status} ${res.text}`);
  return res.body;
}

import { randomBytes } from 'node:crypto';
import { Role } from '../../src/users/domain/role';
import { HttpClient } from './http-client';
import { ADMIN } from './test-app';

export interface TestAccount {
  id: string;
  email: string;
  password: string;
  role: Role;
  accessToken: string;
  refreshToken: string;
}

export async function login(http: HttpClient, email: string, password: string): Promise<TestAccount> {
  const res = await http.post('/api/v1/auth/login', { email, password });
  if (res.status !== 200) throw new Error(`login ${email} failed: ${res.status} ${res.text}`);
  return { ...res.body.user, password, accessToken: res.body.accessToken, refreshToken: res.body.refreshToken };
}

export const loginAdmin = (http: HttpClient) => login(http, ADMIN.email, ADMIN.password);

/**
 * Creates an account with any role the way a real deployment does: self-registration,
 * then (for coach/admin) promotion by an admin, then a fresh login.
 */
export async function createAccount(http: HttpClient, role: Role, admin?: TestAccount): Promise<TestAccount> {
  const email = `${role}-${randomBytes(4).toString('hex')}@test.example`;
  const password = `pw-${randomBytes(8).toString('hex')}`;
  const selfRole = role === 'parent' ? 'parent' : 'player';
  const reg = await http.post('/api/v1/auth/register', {
    email,
    password,
    displayName: `Test ${role}`,
    role: selfRole,
  });
  if (reg.status !== 201) throw new Error(`register failed: ${reg.status} ${reg.text}`);
  if (role !== selfRole) {
    const by = admin ?? (await loginAdmin(http));
    const res = await http.patch(`/api/v1/admin/users/${reg.body.user.id}/role`, { role }, { token: by.accessToken });
    if (res.status !== 200) throw new Error(`role change failed: ${res.status} ${res.text}`);
  }
  return login(http, email, password);
}

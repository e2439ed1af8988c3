import { Role } from '../../users/domain/role';

/** The caller of a request, as established from a valid access token. */
export interface AuthUser {
  id: string;
  email: string;
  role: Role;
  sessionId: string;
}

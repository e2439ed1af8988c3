import { ForbiddenException, Inject, Injectable, Logger, Optional, UnauthorizedException } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { JwtService } from '@nestjs/jwt';
import { Environment } from '../config/environment';
import { PasswordHasher } from '../users/password-hasher';
import { AccountChange, AccountLifecycle } from '../users/account-lifecycle';
import { UserRecord } from '../users/users.repository';
import { UsersService } from '../users/users.service';
import { AuthUser } from './domain/auth-user';
import { CallerCache } from './domain/caller-cache';
import { RegisterDto } from './dto/auth.dto';
import { hashRefreshToken, newRefreshToken } from './refresh-token';
import { REVOCATION_STAMPS, RevocationStamps } from './revocation-stamps';
import { RevokeReason } from './schemas/session.schema';
import { SessionsRepository } from './sessions.repository';

export interface IssuedTokens {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
  user: UserRecord;
}

/** Claims of an access token. `sid` ties it to a session so logout revokes it at once. */
export interface AccessTokenClaims {
  sub: string;
  sid: string;
  role: string;
}

/** Checked callers kept per instance (with REDIS_URL only), and for at most this long. */
const CACHED_CALLERS = 10_000;
const CACHED_CALLER_MAX_AGE_MS = 5 * 60_000;

@Injectable()
export class AuthService {
  private readonly logger = new Logger(AuthService.name);
  private readonly callers = new CallerCache(CACHED_CALLERS, CACHED_CALLER_MAX_AGE_MS);

  constructor(
    private readonly users: UsersService,
    private readonly sessions: SessionsRepository,
    private readonly hasher: PasswordHasher,
    private readonly jwt: JwtService,
    private readonly config: ConfigService<Environment, true>,
    accounts: AccountLifecycle,
    /** Present with REDIS_URL: without a stamp every instance shares, nothing is cached. */
    @Optional() @Inject(REVOCATION_STAMPS) private readonly stamps: RevocationStamps | null,
  ) {
    accounts.whenChanged((userId, change) => this.accountChanged(userId, change));
  }

  async register(dto: RegisterDto): Promise<IssuedTokens> {
    const user = await this.users.create(dto);
    this.logger.log({ userId: user.id, role: user.role }, 'Account registered');
    return this.startSession(user);
  }

  async login(email: string, password: string): Promise<IssuedTokens> {
    const user = await this.users.findWithPasswordHash(email);
    const valid = user
      ? await this.hasher.verify(user.passwordHash, password)
      : await this.hasher.verifyAgainstDummy(password);
    if (!user || !valid) {
      this.logger.warn({ reason: user ? 'bad-password' : 'unknown-email' }, 'Login refused');
      throw new UnauthorizedException('Invalid email or password.');
    }
    if (user.disabled) throw new ForbiddenException('This account is disabled.');
    const { passwordHash: _hash, ...record } = user;
    return this.startSession(record);
  }

  async refresh(refreshToken: string): Promise<IssuedTokens> {
    const hash = hashRefreshToken(refreshToken);
    const next = newRefreshToken();
    const session = await this.sessions.rotate(hash, hashRefreshToken(next));
    if (!session) {
      const stolen = await this.sessions.findBySpentHash(hash);
      if (stolen) {
        await this.revoke(stolen.id, stolen.userId, 'reuse');
        this.logger.warn({ sessionId: stolen.id, userId: stolen.userId }, 'Refresh token reuse: session revoked');
        throw new UnauthorizedException(
          'This refresh token was already used; the session has been revoked. Log in again.',
        );
      }
      throw new UnauthorizedException('Invalid or expired refresh token.');
    }
    const user = await this.users.findById(session.userId);
    if (!user || user.disabled) {
      await this.revoke(session.id, session.userId, 'disabled');
      throw new UnauthorizedException('This account is disabled.');
    }
    return { ...this.signAccess(user, session.id), refreshToken: next, user };
  }

  /** Revokes the session the refresh token belongs to; unknown tokens are ignored. */
  async logout(refreshToken: string): Promise<void> {
    const hash = hashRefreshToken(refreshToken);
    const session = (await this.sessions.findByCurrentHash(hash)) ?? (await this.sessions.findBySpentHash(hash));
    if (session) await this.revoke(session.id, session.userId, 'logout');
  }

  /** The claims of a genuine, unexpired access token, or null for anything else. */
  verifyAccessToken(token: string): AccessTokenClaims | null {
    try {
      const claims = this.jwt.verify<Partial<AccessTokenClaims>>(token);
      return typeof claims.sub === 'string' && typeof claims.sid === 'string' && typeof claims.role === 'string'
        ? { sub: claims.sub, sid: claims.sid, role: claims.role }
        : null;
    } catch {
      return null;
    }
  }

  /**
   * Resolves access-token claims to a live caller, or null when the user or session is gone.
   * Every request is checked against the database, unless (with REDIS_URL) this instance
   * checked the same session while the account's revocation stamp was the one Redis holds now.
   */
  async authenticate(claims: AccessTokenClaims): Promise<AuthUser | null> {
    // Read before the database: a revocation racing this check renews the stamp after its
    // database write, so a result read before that write is never cached under the new stamp.
    const stamp = this.stamps ? await this.stamps.read(claims.sub) : null;
    const cached = stamp === null ? undefined : this.callers.get(claims.sid, claims.sub, stamp);
    if (cached) return cached;

    const [user, session] = await Promise.all([
      this.users.findById(claims.sub),
      this.sessions.findActiveById(claims.sid),
    ]);
    if (!user || user.disabled || !session || session.userId !== user.id) return null;
    const caller: AuthUser = { id: user.id, email: user.email, role: user.role, sessionId: session.id };
    if (stamp !== null) this.callers.set(caller, stamp, session.expiresAt);
    else if (this.stamps) void this.stamps.ensure(user.id);
    return caller;
  }

  /** Disabling ends every session of the account; any change makes cached callers stale. */
  private async accountChanged(userId: string, change: AccountChange): Promise<void> {
    if (change.kind === 'disabled') await this.sessions.revokeAllForUser(userId, 'disabled');
    await this.stamps?.renew(userId);
  }

  private async revoke(sessionId: string, userId: string, reason: RevokeReason): Promise<void> {
    await this.sessions.revoke(sessionId, reason);
    await this.stamps?.renew(userId);
  }

  private async startSession(user: UserRecord): Promise<IssuedTokens> {
    const refreshToken = newRefreshToken();
    const ttlSec = this.config.get('REFRESH_TOKEN_TTL_SEC', { infer: true });
    const session = await this.sessions.create(
      user.id,
      hashRefreshToken(refreshToken),
      new Date(Date.now() + ttlSec * 1000),
    );
    return { ...this.signAccess(user, session.id), refreshToken, user };
  }

  private signAccess(user: UserRecord, sessionId: string): { accessToken: string; expiresIn: number } {
    const expiresIn = this.config.get('JWT_ACCESS_TTL_SEC', { infer: true });
    const claims: AccessTokenClaims = { sub: user.id, sid: sessionId, role: user.role };
    return { accessToken: this.jwt.sign(claims, { expiresIn }), expiresIn };
  }
}

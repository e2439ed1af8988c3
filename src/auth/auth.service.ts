import { ForbiddenException, Injectable, Logger, UnauthorizedException } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { JwtService } from '@nestjs/jwt';
import { Environment } from '../config/environment';
import { PasswordHasher } from '../users/password-hasher';
import { UserRecord } from '../users/users.repository';
import { UsersService } from '../users/users.service';
import { AuthUser } from './domain/auth-user';
import { RegisterDto } from './dto/auth.dto';
import { hashRefreshToken, newRefreshToken } from './refresh-token';
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

@Injectable()
export class AuthService {
  private readonly logger = new Logger(AuthService.name);

  constructor(
    private readonly users: UsersService,
    private readonly sessions: SessionsRepository,
    private readonly hasher: PasswordHasher,
    private readonly jwt: JwtService,
    private readonly config: ConfigService<Environment, true>,
  ) {}

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
        await this.sessions.revoke(stolen.id, 'reuse');
        this.logger.warn({ sessionId: stolen.id, userId: stolen.userId }, 'Refresh token reuse: session revoked');
        throw new UnauthorizedException(
          'This refresh token was already used; the session has been revoked. Log in again.',
        );
      }
      throw new UnauthorizedException('Invalid or expired refresh token.');
    }
    const user = await this.users.findById(session.userId);
    if (!user || user.disabled) {
      await this.sessions.revoke(session.id, 'disabled');
      throw new UnauthorizedException('This account is disabled.');
    }
    return { ...this.signAccess(user, session.id), refreshToken: next, user };
  }

  /** Revokes the session the refresh token belongs to; unknown tokens are ignored. */
  async logout(refreshToken: string): Promise<void> {
    const hash = hashRefreshToken(refreshToken);
    const session = (await this.sessions.findByCurrentHash(hash)) ?? (await this.sessions.findBySpentHash(hash));
    if (session) await this.sessions.revoke(session.id, 'logout');
  }

  /** Resolves access-token claims to a live caller, or null when the user or session is gone. */
  async authenticate(claims: AccessTokenClaims): Promise<AuthUser | null> {
    const [user, session] = await Promise.all([
      this.users.findById(claims.sub),
      this.sessions.findActiveById(claims.sid),
    ]);
    if (!user || user.disabled || !session || session.userId !== user.id) return null;
    return { id: user.id, email: user.email, role: user.role, sessionId: session.id };
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

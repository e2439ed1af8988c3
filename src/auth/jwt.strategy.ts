import { Injectable, UnauthorizedException } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { Environment } from '../config/environment';
import { AccessTokenClaims, AuthService } from './auth.service';
import { AuthUser } from './domain/auth-user';

export const JWT_ISSUER = 'football-coaching-api';

@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy) {
  constructor(
    config: ConfigService<Environment, true>,
    private readonly auth: AuthService,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      secretOrKey: config.get('JWT_SECRET', { infer: true }),
      algorithms: ['HS256'],
      issuer: JWT_ISSUER,
      ignoreExpiration: false,
    });
  }

  /** Runs on every request: a disabled user or a revoked session is refused at once. */
  async validate(claims: AccessTokenClaims): Promise<AuthUser> {
    const user = await this.auth.authenticate(claims);
    if (!user) throw new UnauthorizedException('The session is no longer valid.');
    return user;
  }
}

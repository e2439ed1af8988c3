import { CanActivate, ExecutionContext, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { AuthService } from '../../auth/auth.service';
import { AuthUser } from '../../auth/domain/auth-user';
import { IS_PUBLIC } from '../decorators/public.decorator';
import { RouteMetadata } from './route-metadata';

const BEARER = /^Bearer ([\w-]+\.[\w-]+\.[\w-]+)$/i;

/**
 * Global guard: every route needs a valid bearer token unless marked @Public(). The token is
 * verified, then its session and account are checked on every request (AuthService), so a
 * logout or a disabled account is refused at once.
 */
@Injectable()
export class JwtAuthGuard implements CanActivate {
  private readonly isPublic: RouteMetadata<boolean>;

  constructor(
    reflector: Reflector,
    private readonly auth: AuthService,
  ) {
    this.isPublic = new RouteMetadata(reflector, IS_PUBLIC);
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (this.isPublic.of(context)) return true;
    const request = context.switchToHttp().getRequest<FastifyRequest & { user?: AuthUser }>();
    const token = BEARER.exec(request.headers.authorization ?? '')?.[1];
    const claims = token === undefined ? null : this.auth.verifyAccessToken(token);
    if (!claims) throw new UnauthorizedException('A valid access token is required.');
    const user = await this.auth.authenticate(claims);
    if (!user) throw new UnauthorizedException('The session is no longer valid.');
    request.user = user;
    return true;
  }
}

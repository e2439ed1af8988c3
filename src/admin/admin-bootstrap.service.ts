import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Environment } from '../config/environment';
import { UsersService } from '../users/users.service';

/** Creates the first admin from ADMIN_EMAIL / ADMIN_PASSWORD at boot; safe to run on every boot. */
@Injectable()
export class AdminBootstrapService implements OnApplicationBootstrap {
  private readonly logger = new Logger(AdminBootstrapService.name);

  constructor(
    private readonly users: UsersService,
    private readonly config: ConfigService<Environment, true>,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const email = this.config.get('ADMIN_EMAIL', { infer: true });
    const password = this.config.get('ADMIN_PASSWORD', { infer: true });
    if (!email || !password) return;
    const { user, created } = await this.users.ensureAdmin(email, password);
    this.logger.log({ userId: user.id, created }, created ? 'Admin account created' : 'Admin account present');
  }
}

import { Command, CommandRunner, Option } from 'nest-commander';
import { UsersService } from '../users/users.service';

interface CreateAdminOptions {
  email: string;
  password?: string;
}

/**
 * `npm run cli -- create-admin --email a@b.c` (password from --password or ADMIN_PASSWORD).
 * Idempotent, like the boot-time seed.
 */
@Command({ name: 'create-admin', description: 'Create (or promote) an admin account' })
export class CreateAdminCommand extends CommandRunner {
  constructor(private readonly users: UsersService) {
    super();
  }

  async run(_params: string[], options: CreateAdminOptions): Promise<void> {
    const password = options.password ?? process.env.ADMIN_PASSWORD;
    if (!password || password.length < 12) {
      throw new Error('A password of at least 12 characters is required (--password or ADMIN_PASSWORD).');
    }
    const { user, created } = await this.users.ensureAdmin(options.email, password);
    process.stdout.write(`${created ? 'Created' : 'Ensured'} admin ${user.email} (${user.id})\n`);
  }

  @Option({ flags: '-e, --email <email>', description: 'Admin email', required: true })
  parseEmail(value: string): string {
    return value.trim().toLowerCase();
  }

  @Option({ flags: '-p, --password <password>', description: 'Admin password (prefer ADMIN_PASSWORD)' })
  parsePassword(value: string): string {
    return value;
  }
}

import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { validateEnvironment } from '../config/environment';
import { DatabaseModule } from '../database/database.module';
import { UsersModule } from '../users/users.module';
import { CreateAdminCommand } from './create-admin.command';

@Module({
  imports: [
    ConfigModule.forRoot({ isGlobal: true, cache: true, validate: (raw) => validateEnvironment(raw) }),
    DatabaseModule,
    UsersModule,
  ],
  providers: [CreateAdminCommand],
})
export class CliModule {}

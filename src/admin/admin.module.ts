import { Module } from '@nestjs/common';
import { UsersModule } from '../users/users.module';
import { AdminBootstrapService } from './admin-bootstrap.service';
import { AdminUsersController } from './admin-users.controller';

@Module({
  imports: [UsersModule],
  controllers: [AdminUsersController],
  providers: [AdminBootstrapService],
})
export class AdminModule {}

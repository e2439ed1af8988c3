import { Module } from '@nestjs/common';
import { DrillsModule } from '../drills/drills.module';
import { UsersModule } from '../users/users.module';
import { AdminDrillsController } from './admin-drills.controller';
import { AdminBootstrapService } from './admin-bootstrap.service';
import { AdminUsersController } from './admin-users.controller';

@Module({
  imports: [UsersModule, DrillsModule],
  controllers: [AdminUsersController, AdminDrillsController],
  providers: [AdminBootstrapService],
})
export class AdminModule {}

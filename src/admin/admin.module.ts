import { Module } from '@nestjs/common';
import { AssessmentsModule } from '../assessments/assessments.module';
import { DrillsModule } from '../drills/drills.module';
import { Vo2Module } from '../vo2/vo2.module';
import { UsersModule } from '../users/users.module';
import { AdminDrillsController } from './admin-drills.controller';
import { AdminNormsController } from './admin-norms.controller';
import { AdminVo2Controller } from './admin-vo2.controller';
import { AdminBootstrapService } from './admin-bootstrap.service';
import { AdminUsersController } from './admin-users.controller';

@Module({
  imports: [UsersModule, DrillsModule, Vo2Module, AssessmentsModule],
  controllers: [AdminUsersController, AdminDrillsController, AdminVo2Controller, AdminNormsController],
  providers: [AdminBootstrapService],
})
export class AdminModule {}

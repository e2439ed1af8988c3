import { DynamicModule, Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { ActivitiesModule } from './activities/activities.module';
import { AdminModule } from './admin/admin.module';
import { AssessmentsModule } from './assessments/assessments.module';
import { CalendarsModule } from './calendars/calendars.module';
import { AuthModule } from './auth/auth.module';
import { ProblemDetailsFilter } from './common/errors/problem-details.filter';
import { JwtAuthGuard } from './common/guards/jwt-auth.guard';
import { RolesGuard } from './common/guards/roles.guard';
import { validateEnvironment } from './config/environment';
import { DashboardsModule } from './dashboards/dashboards.module';
import { DatabaseModule } from './database/database.module';
import { DeviceSyncModule } from './device-sync/device-sync.module';
import { DrillsModule } from './drills/drills.module';
import { EliteTrainingModule } from './elite-training/elite-training.module';
import { ExercisesModule } from './exercises/exercises.module';
import { HealthModule } from './health/health.module';
import { PlayersModule } from './players/players.module';
import { SettingsModule } from './settings/settings.module';
import { TeamsModule } from './teams/teams.module';
import { TrainingModule } from './training/training.module';
import { UsersModule } from './users/users.module';
import { Vo2Module } from './vo2/vo2.module';
import { WorkoutsModule } from './workouts/workouts.module';

export interface AppModuleOptions {
  /** Use exactly these variables instead of process.env and .env (tests). */
  env?: Record<string, string | undefined>;
}

@Module({})
export class AppModule {
  static forRoot(options: AppModuleOptions = {}): DynamicModule {
    const { env } = options;
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot({
          isGlobal: true,
          cache: true,
          ignoreEnvFile: env !== undefined,
          ignoreEnvVars: env !== undefined,
          skipProcessEnv: env !== undefined,
          validate: (raw) => validateEnvironment(env ?? raw),
        }),
        DatabaseModule,
        HealthModule,
        UsersModule,
        AuthModule,
        PlayersModule,
        DrillsModule,
        ExercisesModule,
        WorkoutsModule,
        ActivitiesModule,
        Vo2Module,
        AssessmentsModule,
        TrainingModule,
        EliteTrainingModule,
        AdminModule,
        DeviceSyncModule,
        SettingsModule,
        TeamsModule,
        DashboardsModule,
        CalendarsModule,
      ],
      providers: [
        // Order matters: authenticate, then check roles (rate limits run before, in Fastify).
        { provide: APP_GUARD, useClass: JwtAuthGuard },
        { provide: APP_GUARD, useClass: RolesGuard },
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
      ],
    };
  }
}

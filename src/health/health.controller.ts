import { Controller, Get, VERSION_NEUTRAL } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckResult, HealthCheckService } from '@nestjs/terminus';
import { Public } from '../common/decorators/public.decorator';
import { SkipRateLimit } from '../common/decorators/rate-limit.decorators';
import { DatabaseHealthIndicator } from './database.health';

/** Outside /api and unversioned, for load balancers and orchestrators. */
@ApiTags('health')
@Public()
@Controller({ path: 'health', version: VERSION_NEUTRAL })
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: DatabaseHealthIndicator,
  ) {}

  @ApiOperation({ summary: 'Liveness: the process is up' })
  @Get()
  @SkipRateLimit()
  @HealthCheck()
  live(): Promise<HealthCheckResult> {
    return this.health.check([]);
  }

  @ApiOperation({ summary: 'Readiness: the database answers (503 when it does not)' })
  @Get('ready')
  @SkipRateLimit()
  @HealthCheck()
  ready(): Promise<HealthCheckResult> {
    return this.health.check([() => this.database.ping('database', 1500)]);
  }
}

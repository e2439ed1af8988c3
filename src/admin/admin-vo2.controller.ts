import { Body, Controller, Delete, HttpCode, HttpStatus, Param, Post, Put } from '@nestjs/common';
import { ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiAuth } from '../common/decorators/api-problems.decorator';
import { Roles } from '../common/decorators/roles.decorator';
import { ParseObjectIdPipe } from '../common/validation/parse-object-id.pipe';
import { Vo2BenchmarkDto, Vo2BenchmarkInputDto } from '../vo2/dto/vo2.dto';
import { Vo2Service } from '../vo2/vo2.service';

@ApiTags('admin')
@Roles('admin')
@Controller({ path: 'admin/vo2/benchmarks', version: '1' })
export class AdminVo2Controller {
  constructor(private readonly vo2: Vo2Service) {}

  @ApiOperation({ summary: 'Add a norm table (bands ascending; ages must not overlap a table of the same sex)' })
  @ApiAuth(400, 409, 422)
  @Post()
  async create(@Body() dto: Vo2BenchmarkInputDto): Promise<Vo2BenchmarkDto> {
    return Vo2BenchmarkDto.from(await this.vo2.createBenchmark(dto));
  }

  @ApiOperation({ summary: 'Replace a norm table' })
  @ApiAuth(400, 404, 409, 422)
  @Put(':id')
  async replace(
    @Param('id', ParseObjectIdPipe) id: string,
    @Body() dto: Vo2BenchmarkInputDto,
  ): Promise<Vo2BenchmarkDto> {
    return Vo2BenchmarkDto.from(await this.vo2.replaceBenchmark(id, dto));
  }

  @ApiOperation({ summary: 'Delete a norm table' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiAuth(400, 404)
  @HttpCode(HttpStatus.NO_CONTENT)
  @Delete(':id')
  async remove(@Param('id', ParseObjectIdPipe) id: string): Promise<void> {
    await this.vo2.deleteBenchmark(id);
  }
}

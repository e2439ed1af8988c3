import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { PlayersModule } from '../players/players.module';
import { Vo2BenchmarkDoc, Vo2BenchmarkSchema, Vo2TestDoc, Vo2TestSchema } from './schemas/vo2.schema';
import { Vo2Controller } from './vo2.controller';
import { Vo2Repository } from './vo2.repository';
import { Vo2Service } from './vo2.service';

@Module({
  imports: [
    PlayersModule,
    MongooseModule.forFeature([
      { name: Vo2BenchmarkDoc.name, schema: Vo2BenchmarkSchema },
      { name: Vo2TestDoc.name, schema: Vo2TestSchema },
    ]),
  ],
  controllers: [Vo2Controller],
  providers: [Vo2Repository, Vo2Service],
  exports: [Vo2Service],
})
export class Vo2Module {}

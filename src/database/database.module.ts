import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { DatabaseServer } from './database-server';
import { IndexesReady } from './indexes-ready';

@Module({ providers: [DatabaseServer], exports: [DatabaseServer] })
class DatabaseServerModule {}

/** The one Mongoose connection of the app. */
@Module({
  imports: [
    MongooseModule.forRootAsync({
      imports: [DatabaseServerModule],
      inject: [DatabaseServer],
      useFactory: async (server: DatabaseServer) => ({
        uri: await server.uri(),
        serverSelectionTimeoutMS: 5000,
        // Index builds on boot keep unique constraints in place on a fresh database.
        autoIndex: true,
      }),
    }),
  ],
  providers: [IndexesReady],
})
export class DatabaseModule {}

import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { JwtModule } from '@nestjs/jwt';
import { MongooseModule } from '@nestjs/mongoose';
import { Environment } from '../config/environment';
import { UsersModule } from '../users/users.module';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { Session, SessionSchema } from './schemas/session.schema';
import { REVOCATION_STAMPS, RevocationStamps } from './revocation-stamps';
import { accessTokenKey, JWT_ISSUER } from './signing-key';
import { SessionsRepository } from './sessions.repository';

@Module({
  imports: [
    UsersModule,
    MongooseModule.forFeature([{ name: Session.name, schema: SessionSchema }]),
    JwtModule.registerAsync({
      inject: [ConfigService],
      useFactory: (config: ConfigService<Environment, true>) => ({
        // One prebuilt key for signing and verifying, see accessTokenKey.
        privateKey: accessTokenKey(config.get('JWT_SECRET', { infer: true })),
        publicKey: accessTokenKey(config.get('JWT_SECRET', { infer: true })),
        signOptions: { algorithm: 'HS256', issuer: JWT_ISSUER },
        verifyOptions: { algorithms: ['HS256'], issuer: JWT_ISSUER },
      }),
    }),
  ],
  controllers: [AuthController],
  providers: [
    AuthService,
    SessionsRepository,
    {
      provide: REVOCATION_STAMPS,
      inject: [ConfigService],
      useFactory: (config: ConfigService<Environment, true>) => {
        const url = config.get('REDIS_URL', { infer: true });
        return url ? new RevocationStamps(url) : null;
      },
    },
  ],
  exports: [AuthService],
})
export class AuthModule {}

import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createApp } from './app.factory';
import { EnvironmentError, validateEnvironment } from './config/environment';

async function bootstrap(): Promise<void> {
  if (existsSync('.env')) process.loadEnvFile('.env');
  if (!process.env.JWT_SECRET && process.env.NODE_ENV !== 'production') {
    // Out-of-the-box development: a throwaway secret, so tokens end with the process.
    process.env.JWT_SECRET = randomBytes(32).toString('hex');
    console.warn('JWT_SECRET is not set: using a random secret for this run (set it in .env to keep sessions).');
  }
  let env;
  try {
    env = validateEnvironment(process.env);
  } catch (error) {
    if (error instanceof EnvironmentError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const app = await createApp({ env: process.env });
  await app.listen(env.PORT, env.HOST);
}

void bootstrap();

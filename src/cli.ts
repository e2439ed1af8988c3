import 'reflect-metadata';
import { CommandFactory } from 'nest-commander';
import { CliModule } from './cli/cli.module';

/** Admin commands, run against the same database as the API (MONGODB_URI). */
async function main(): Promise<void> {
  await CommandFactory.run(CliModule, {
    logger: ['error', 'warn'],
    errorHandler: (err) => {
      console.error(err.message);
      process.exit(1);
    },
  });
}

void main();

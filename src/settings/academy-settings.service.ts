import { Injectable } from '@nestjs/common';
import { RuleProblem } from '../common/errors/problem';
import { AcademySettingsRepository } from './academy-settings.repository';
import { AcademySettings, AcademySettingsChange } from './domain/academy-settings';
import { calendarDateIn, canonicalTimeZone } from './domain/zoned-time';

/**
 * The academy's settings, read from the database on every call: several API instances share
 * them, so a change made through one is seen by all at once.
 */
@Injectable()
export class AcademySettingsService {
  constructor(private readonly repository: AcademySettingsRepository) {}

  current(): Promise<AcademySettings> {
    return this.repository.current();
  }

  /** The academy's calendar date now (`YYYY-MM-DD`), in its time zone. */
  async today(now: Date = new Date()): Promise<string> {
    return calendarDateIn((await this.current()).timeZone, now);
  }

  async update(change: AcademySettingsChange): Promise<AcademySettings> {
    const next = { ...change };
    if (change.timeZone !== undefined) {
      const zone = canonicalTimeZone(change.timeZone);
      // A name the schema admits but the time zone database does not know: a rule, not a type (422).
      if (!zone) {
        throw new RuleProblem([
          { path: 'timeZone', message: 'timeZone must be an IANA time zone name such as Europe/London' },
        ]);
      }
      next.timeZone = zone;
    }
    return this.repository.update(next, new Date());
  }
}

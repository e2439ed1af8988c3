import type { Language } from '../../common/domain/language';

/** Numbering systems for reports: Western Arabic digits (0-9) or Arabic-Indic (٠-٩), as Unicode CLDR names them. */
export const DIGIT_SYSTEMS = ['latn', 'arab'] as const;
export type DigitSystem = (typeof DIGIT_SYSTEMS)[number];

export const ACADEMY_NAME_MAX = 120;

/** The one academy a deployment serves. */
export interface AcademySettings {
  name: string;
  /** IANA time zone that places the academy's dates and wall-clock times. */
  timeZone: string;
  language: Language;
  digits: DigitSystem;
  /** When an admin last changed them; null while they are the defaults. */
  updatedAt: Date | null;
}

export type AcademySettingsChange = Partial<Pick<AcademySettings, 'name' | 'timeZone' | 'language' | 'digits'>>;

export const DEFAULT_ACADEMY_SETTINGS: Readonly<AcademySettings> = Object.freeze({
  name: 'Academy',
  timeZone: 'UTC',
  language: 'en',
  digits: 'latn',
  updatedAt: null,
});

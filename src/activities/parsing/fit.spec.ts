import { FitBaseType, FitEncoder, type FitEncoderField } from 'fit-file-parser';

import { hasPosition } from '../domain/track';
import { parseFit } from './fit';
import { haversineOverPositions, manifestEntries, sampleBytes } from './test-samples';
import { ActivityFileError, type ActivityFileErrorCode } from './parsed-activity';

async function refusalCode(bytes: Buffer): Promise<ActivityFileErrorCode> {
  try {
    await parseFit(bytes);
  } catch (error) {
    expect(error).toBeInstanceOf(ActivityFileError);
    return (error as ActivityFileError).code;
  }
  throw new Error('parseFit accepted the file');
}

/** What each library refusal the MANIFEST records for a sample becomes. */
const CODE_FOR_STRICT_ERROR: Record<string, ActivityFileErrorCode> = {
  'error: File CRC mismatch': 'corrupt-fit',
  'error: File data exceeds input length': 'truncated-fit',
};

const FIT_SAMPLES = manifestEntries('fit');
const GOOD = FIT_SAMPLES.filter((s) => s.facts.fit_file_parser_strict === 'ok');
const REFUSED = FIT_SAMPLES.filter((s) => s.facts.fit_file_parser_strict !== 'ok');

describe('parseFit on the MANIFEST samples', () => {
  it('has both accepted and refused samples', () => {
    expect(GOOD.length).toBeGreaterThanOrEqual(9);
    expect(REFUSED.map((s) => s.name).sort()).toEqual(['activity-filecrc.fit', 'activity-unexpected-eof.fit']);
  });

  describe.each(GOOD.map((s) => [s.name, s] as const))('%s', (name, { facts }) => {
    let parsed: Awaited<ReturnType<typeof parseFit>>;
    beforeAll(async () => {
      parsed = await parseFit(sampleBytes(name));
    });

    it('gives one point per record, in file order, with the stated first/last time and duration', () => {
      expect(parsed.format).toBe('fit');
      expect(parsed.points).toHaveLength(facts.records as number);
      expect(parsed.points.filter(hasPosition)).toHaveLength(facts.records_with_position as number);
      const first = parsed.points[0].timeMs;
      const last = parsed.points[parsed.points.length - 1].timeMs;
      expect(new Date(first).toISOString()).toBe(facts.start_time);
      expect(new Date(last).toISOString()).toBe(facts.end_time);
      expect((last - first) / 1000).toBe(facts.duration_s);
    });

    it('reads heart rate (1..254) as the MANIFEST says', () => {
      const hrs = parsed.points.map((p) => p.heartRate).filter((h): h is number => h !== undefined);
      expect(hrs.length > 0).toBe(facts.heart_rate);
      if (typeof facts.hr_max === 'number') expect(Math.max(...hrs)).toBe(facts.hr_max);
      if (typeof facts.hr_min === 'number') expect(Math.min(...hrs)).toBe(facts.hr_min);
    });

    it('reads laps, sessions distance, sport and device', () => {
      expect(parsed.laps).toHaveLength(facts.laps as number);
      for (const lap of parsed.laps) expect(lap.endMs).toBeGreaterThanOrEqual(lap.startMs);
      // The MANIFEST rounds to 0.1 m (78940.55 → 78940.6): allow half a unit plus float noise.
      const statedError = Math.abs((parsed.statedDistanceM as number) - (facts.summary_distance_m as number));
      expect(statedError).toBeLessThanOrEqual(0.05 + 1e-6);
      expect(parsed.sport).toBe(facts.sessions?.[0]?.sport);
      expect(parsed.device?.manufacturer).toBe(facts.file_id?.manufacturer);
      if (facts.file_id?.product !== undefined) expect(parsed.device?.product).toBe(String(facts.file_id.product));
    });

    it('matches haversine_m over all positioned records within 0.1 m', () => {
      if (typeof facts.haversine_m !== 'number') {
        expect(parsed.points.some(hasPosition)).toBe(false);
      } else {
        expect(Math.abs(haversineOverPositions(parsed.points) - facts.haversine_m)).toBeLessThanOrEqual(0.1);
      }
    });
  });

  it.each(REFUSED.map((s) => [s.name, s.facts.fit_file_parser_strict as string] as const))(
    '%s is refused as the MANIFEST records (%s)',
    async (name, strict) => {
      expect(CODE_FOR_STRICT_ERROR[strict]).toBeDefined();
      await expect(refusalCode(sampleBytes(name))).resolves.toBe(CODE_FOR_STRICT_ERROR[strict]);
    },
  );

  it('says what is wrong in the message', async () => {
    await expect(parseFit(sampleBytes('activity-filecrc.fit'))).rejects.toThrow(/corrupt.*CRC mismatch/);
    await expect(parseFit(sampleBytes('activity-unexpected-eof.fit'))).rejects.toThrow(
      /truncated.*exceeds input length/,
    );
  });
});

describe('parseFit on constructed damage', () => {
  const good = sampleBytes('garmin-fenix-5-run.fit');

  it('refuses one flipped data byte as corrupt-fit (file CRC)', async () => {
    const flipped = Buffer.from(good);
    flipped[Math.floor(good.length / 2)] ^= 0x10;
    await expect(refusalCode(flipped)).resolves.toBe('corrupt-fit');
  });

  it('refuses a flipped header byte as corrupt-fit (header CRC)', async () => {
    const flipped = Buffer.from(good);
    flipped[2] ^= 0x01; // profile version, covered by the 14-byte header's CRC
    await expect(refusalCode(flipped)).resolves.toBe('corrupt-fit');
  });

  it('refuses the file cut in half, or missing only its CRC, as truncated-fit', async () => {
    await expect(refusalCode(good.subarray(0, good.length >> 1))).resolves.toBe('truncated-fit');
    await expect(refusalCode(good.subarray(0, good.length - 2))).resolves.toBe('truncated-fit');
    await expect(refusalCode(good.subarray(0, 10))).resolves.toBe('truncated-fit');
  });

  it('refuses an empty buffer as truncated-fit', async () => {
    await expect(parseFit(Buffer.alloc(0))).rejects.toThrow(/empty/);
    await expect(refusalCode(Buffer.alloc(0))).resolves.toBe('truncated-fit');
  });

  it('refuses random bytes as corrupt-fit', async () => {
    let seed = 42;
    const random = Buffer.alloc(4096);
    for (let i = 0; i < random.length; i++) {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0; // deterministic LCG
      random[i] = seed >>> 24;
    }
    random[0] = 0x9b; // not a FIT header size
    await expect(refusalCode(random)).resolves.toBe('corrupt-fit');
  });

  it('decodes a slice of a larger (pooled) buffer correctly', async () => {
    const padded = Buffer.concat([Buffer.from('junk before'), good, Buffer.from('junk after')]);
    const slice = padded.subarray(11, 11 + good.length);
    await expect(parseFit(slice)).resolves.toMatchObject({ format: 'fit' });
  });
});

describe('parseFit on constructed FIT files', () => {
  const SEMICIRCLES_PER_DEGREE = 2 ** 31 / 180;
  const t0 = new Date('2024-05-01T10:00:00Z');
  const fileId: FitEncoderField[] = [{ number: 0, size: 1, baseType: FitBaseType.Enum, value: 4 }];

  function record(opts: { time?: Date; lat?: number; lon?: number; hr?: number; time128?: number }): FitEncoderField[] {
    const fields: FitEncoderField[] = [];
    if (opts.time128 !== undefined) {
      fields.push({ number: 48, size: 1, baseType: FitBaseType.Uint8, value: opts.time128 });
    }
    if (opts.time) {
      fields.push({ number: 253, size: 4, baseType: FitBaseType.Uint32, value: FitEncoder.toFitTimestamp(opts.time) });
    }
    if (opts.lat !== undefined && opts.lon !== undefined) {
      fields.push({
        number: 0,
        size: 4,
        baseType: FitBaseType.Sint32,
        value: Math.round(opts.lat * SEMICIRCLES_PER_DEGREE),
      });
      fields.push({
        number: 1,
        size: 4,
        baseType: FitBaseType.Sint32,
        value: Math.round(opts.lon * SEMICIRCLES_PER_DEGREE),
      });
    }
    if (opts.hr !== undefined) fields.push({ number: 3, size: 1, baseType: FitBaseType.Uint8, value: opts.hr });
    return fields;
  }

  function fitFile(records: FitEncoderField[][]): Buffer {
    const enc = new FitEncoder().writeMessage(0, fileId);
    for (const r of records) enc.writeMessage(20, r);
    return Buffer.from(enc.close());
  }

  it('adds the sub-second time128 (1/128 s) to the whole-second timestamp; the invalid 255 adds nothing', async () => {
    const parsed = await parseFit(
      fitFile([
        record({ time: t0, time128: 0 }),
        record({ time: t0, time128: 13 }),
        record({ time: t0, time128: 64 }),
        record({ time: t0, time128: 255 }),
      ]),
    );
    expect(parsed.points.map((p) => p.timeMs - t0.getTime())).toEqual([0, Math.round((13 / 128) * 1000), 500, 0]);
  });

  it('reads positions in degrees and drops heart rates of 0 and 255', async () => {
    const parsed = await parseFit(
      fitFile([
        record({ time: t0, lat: 51.5, lon: -0.12, hr: 0 }),
        record({ time: new Date(t0.getTime() + 1000), lat: 51.5001, lon: -0.12, hr: 140 }),
        record({ time: new Date(t0.getTime() + 2000), hr: 255 }),
      ]),
    );
    expect(parsed.points).toHaveLength(3);
    expect(parsed.points[0].timeMs).toBe(t0.getTime());
    expect(parsed.points[0].lat).toBeCloseTo(51.5, 6);
    expect(parsed.points[0].lon).toBeCloseTo(-0.12, 6);
    expect(parsed.points.map((p) => p.heartRate)).toEqual([undefined, 140, undefined]);
    expect(parsed.laps).toEqual([]);
    expect(parsed.statedDistanceM).toBeUndefined();
  });

  it('refuses records without any timestamp as no-timestamps', async () => {
    await expect(refusalCode(fitFile([record({ lat: 51.5, lon: -0.12, hr: 120 })]))).resolves.toBe('no-timestamps');
  });

  it('refuses a file without records as no-points', async () => {
    await expect(refusalCode(fitFile([]))).resolves.toBe('no-points');
  });

  it('refuses a position off the globe as outside-globe', async () => {
    const bytes = fitFile([record({ time: t0, lat: 100, lon: 10 })]);
    await expect(refusalCode(bytes)).resolves.toBe('outside-globe');
  });
});

import { createHash } from 'node:crypto';
import { loadManifest, sampleBytes } from './test-samples';

describe('activity sample fixtures', () => {
  it.each(loadManifest().files.map((f) => [f.name, f] as const))(
    '%s is byte for byte the file the MANIFEST describes',
    (_name, file) => {
      const bytes = sampleBytes(file.name);
      const described = file as unknown as { size_bytes: number; sha256: string };
      expect(bytes.length).toBe(described.size_bytes);
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(described.sha256);
    },
  );
});

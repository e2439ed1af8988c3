import { Drill, validateDrillFile } from './drill-format';
import { applyUpload } from './drill-set-change';
import { drillInput } from './test-drills';

const valid = (inputs: ReturnType<typeof drillInput>[]): Drill[] => {
  const result = validateDrillFile(inputs);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.drills;
};

const current = valid([drillInput(1), drillInput(2), drillInput(3)]);

describe('applyUpload', () => {
  it('replace: serves exactly the upload and counts what changed', () => {
    const uploaded = valid([drillInput(2), drillInput(3, { name: 'Renamed' }), drillInput(4)]);
    const change = applyUpload(current, uploaded, 'replace');
    expect(change.next.map((d) => d.id)).toEqual(['test-drill-2', 'test-drill-3', 'test-drill-4']);
    expect(change).toMatchObject({ added: 1, updated: 1, unchanged: 1, removed: 1 });
  });

  it('merge: upserts by id, keeps order and appends new drills', () => {
    const uploaded = valid([drillInput(4), drillInput(2, { durationMin: 20 })]);
    const change = applyUpload(current, uploaded, 'merge');
    expect(change.next.map((d) => d.id)).toEqual(['test-drill-1', 'test-drill-2', 'test-drill-3', 'test-drill-4']);
    expect(change.next[1].durationMin).toBe(20);
    expect(change).toMatchObject({ added: 1, updated: 1, unchanged: 0, removed: 0 });
  });

  it('re-uploading the same set changes nothing', () => {
    expect(applyUpload(current, current, 'replace')).toMatchObject({ added: 0, updated: 0, unchanged: 3, removed: 0 });
    expect(applyUpload(current, current, 'merge').next).toEqual(current);
  });
});

/**
 * One section per planned block (warm-up, main parts, cool-down) of the programme session an activity
 * belongs to, with planned against actual minutes and load. Pure.
 *
 * A file records no block boundaries, so the blocks are laid end to end from the first point at their
 * planned minutes, and the last block runs on to the end of the recording: actual minutes then differ
 * from planned only where the session as a whole ran longer or shorter. Session RPE (Foster et al. 2001)
 * rates a whole session; a block's actual load is its share of the logged session load by minutes,
 * which assumes an even effort and is stated as such in the API description.
 */

import { sessionRpeLoad } from '../../training/domain/load-monitoring';
import type { BlockKind, PlannedSession } from '../../training/domain/program';
import { type Athlete, type AnalyzeOptions } from './activity-analysis';
import { analyzeSections, type Section, type SectionRange } from './sections';
import type { TrackPoint } from './track';

export interface PlannedBlockSection extends Section {
  block: BlockKind;
  planned: { minutes: number; load: number };
  /** Minutes the section covers; load is null until the session is logged with its RPE. */
  actual: { minutes: number; load: number | null };
}

const MS_PER_MIN = 60_000;

/** Minutes of a block: the sum of its drills' minutes. */
export function plannedBlockMinutes(block: PlannedSession['blocks'][number]): number {
  return block.drills.reduce((sum, d) => sum + d.minutes, 0);
}

/** Where each block lies on the recording (see the module note). */
export function plannedBlockRanges(
  points: readonly TrackPoint[],
  session: Pick<PlannedSession, 'blocks'>,
): SectionRange[] {
  if (points.length === 0) return [];
  const endMs = points[points.length - 1].timeMs;
  let at = points[0].timeMs;
  return session.blocks.map((block, index) => {
    const startMs = Math.min(at, endMs);
    at += plannedBlockMinutes(block) * MS_PER_MIN;
    const last = index === session.blocks.length - 1;
    return { kind: 'planned-block', index, startMs, endMs: last ? endMs : Math.min(at, endMs) };
  });
}

/**
 * The planned blocks of `session` as sections of the recording. `loggedRpe` is the session RPE of the
 * session's training log when it has one.
 */
export function plannedBlockSections(
  points: readonly TrackPoint[],
  session: Pick<PlannedSession, 'blocks' | 'targetRpe'>,
  athlete: Athlete,
  options: AnalyzeOptions & { loggedRpe?: number } = {},
): PlannedBlockSection[] {
  const sections = analyzeSections(points, plannedBlockRanges(points, session), athlete, options);
  return sections.map((section, i) => {
    const block = session.blocks[i];
    const plannedMinutes = plannedBlockMinutes(block);
    const actualMinutes = Math.round(((section.endMs - section.startMs) / MS_PER_MIN) * 10) / 10;
    return {
      ...section,
      block: block.kind,
      planned: { minutes: plannedMinutes, load: sessionRpeLoad(plannedMinutes, session.targetRpe) },
      actual: {
        minutes: actualMinutes,
        load: options.loggedRpe === undefined ? null : Math.round(sessionRpeLoad(actualMinutes, options.loggedRpe)),
      },
    };
  });
}

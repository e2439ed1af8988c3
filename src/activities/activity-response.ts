import type { PlannedBlockSection } from './domain/planned-blocks';
import type { Section } from './domain/sections';
import type { ActivityRecord, CustomSection } from './activity.record';
import type { ActivityDto, ActivitySummaryDto, CustomSectionDto, PlannedBlockSectionDto } from './dto/activity.dto';
import type { SectionDto } from './dto/activity-metrics.dto';

/** Sections with their times as clients read them: ISO instants and seconds from the activity's start. */
export function sectionDto(section: Section, startedAt: Date): SectionDto {
  const t0 = startedAt.getTime();
  return {
    kind: section.kind,
    index: section.index,
    start: new Date(section.startMs).toISOString(),
    end: new Date(section.endMs).toISOString(),
    startS: Math.round((section.startMs - t0) / 100) / 10,
    endS: Math.round((section.endMs - t0) / 100) / 10,
    metrics: section.metrics,
  };
}

export function customSectionDto(section: CustomSection, startedAt: Date): CustomSectionDto {
  return {
    ...sectionDto(section, startedAt),
    id: section.id,
    name: section.name,
    createdBy: section.createdBy,
    createdAt: section.createdAt,
  };
}

export function activitySummaryDto(a: ActivityRecord): ActivitySummaryDto {
  return {
    id: a.id,
    playerId: a.playerId,
    kind: a.kind,
    title: a.title,
    format: a.format,
    source: a.source,
    ...(a.device ? { device: a.device } : {}),
    startedAt: a.startedAt,
    date: a.date,
    distanceM: a.distanceM,
    hasHeartRate: a.hasHeartRate,
    quality: a.quality,
    metrics: a.metrics,
    athlete: a.athlete,
    ...(a.attachment ? { attachment: a.attachment } : {}),
    file: { ...(a.file.filename ? { filename: a.file.filename } : {}), bytes: a.file.bytes, sha256: a.file.sha256 },
    importedBy: a.importedBy,
    createdAt: a.createdAt,
    updatedAt: a.updatedAt,
  };
}

export function activityDto(a: ActivityRecord, plannedBlocks: PlannedBlockSection[] = []): ActivityDto {
  return {
    ...activitySummaryDto(a),
    sections: {
      laps: a.laps.map((s) => sectionDto(s, a.startedAt)),
      distanceSplits: a.splits.distance.map((s) => sectionDto(s, a.startedAt)),
      timeSplits: a.splits.time.map((s) => sectionDto(s, a.startedAt)),
      custom: a.sections.map((s) => customSectionDto(s, a.startedAt)),
      plannedBlocks: plannedBlocks.map((s): PlannedBlockSectionDto => ({
        ...sectionDto(s, a.startedAt),
        block: s.block,
        planned: s.planned,
        actual: s.actual,
      })),
    },
  };
}

import { EPISODE_STATUS_LABELS, type EpisodeStatus } from '../../../../shared/domain/episodes';

/** The status in words and colour (never colour alone). */
export function StatusBadge({ status }: { status: EpisodeStatus }) {
  return <span className={`badge badge-${status}`}>{EPISODE_STATUS_LABELS[status]}</span>;
}

import { formatDateTime } from '../../../lib/format';

/** A signed version no longer changes: what an exclusion would do now, or how its rejections are corrected. */
export function SignedBanner({ sha256, editable, sentAt }: { sha256: string; editable: boolean; sentAt: string | null }) {
  return (
    <p className="banner banner-ok" role="status">
      Version signée, empreinte <span className="mono">{sha256.slice(0, 16)}…</span> : elle ne change plus.{' '}
      {editable
        ? `Une exclusion créera une nouvelle version, qui remplacera celle-ci tant qu’elle n’est pas partie.`
        : sentAt
          ? `Partie vers l’ANAM le ${formatDateTime(sentAt)} : ce qu’elle rejette se corrige par une resoumission.`
          : ''}
    </p>
  );
}

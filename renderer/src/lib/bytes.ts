const megabytes = new Intl.NumberFormat('fr-FR', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** 12 582 912 → « 12,0 Mo » (the sizes of backups). */
export const formatMegabytes = (bytes: number): string => `${megabytes.format(bytes / 1_048_576)} Mo`;

import type { BatchView, StockItem } from '../../../../shared/domain/pharmacy';
import { useQuery } from '../../lib/useQuery';

const NO_BATCHES: BatchView[] = [];

/**
 * The batches of a medicine the pharmacist may pick instead of the FEFO one: in stock and not
 * expired. Asked again when the stock changes (the list of stock items is refreshed after each act).
 */
export function useUsableBatches(medicineCode: string | null, items: readonly StockItem[]): BatchView[] {
  const batches = useQuery('pharmacy.batches', { withEmpty: false }, { reloadKey: items }).data ?? NO_BATCHES;
  return medicineCode === null
    ? NO_BATCHES
    : batches.filter((b) => b.medicineCode === medicineCode && b.state !== 'perime' && b.quantity > 0);
}

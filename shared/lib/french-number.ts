/**
 * A French number format (`Intl.NumberFormat('fr-FR')`) made at its first use, not when its module
 * loads: a process's first Intl object loads the ICU data, some 50 ms that `ramed --help` and
 * `ramed check` would pay for a number they never print.
 */
export function frenchNumberFormat(options?: Intl.NumberFormatOptions): { format(value: number): string } {
  let made: Intl.NumberFormat | undefined;
  return { format: (value) => (made ??= new Intl.NumberFormat('fr-FR', options)).format(value) };
}

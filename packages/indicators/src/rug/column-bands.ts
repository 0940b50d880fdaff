// Quintile bands within the areas shown (never the benchmark rows), for each column compared by
// quintile, of the values as displayed: two wards that read 6.96 share a band, whatever their
// 10th digit. An authority-wide indicator, or one whose displayed values are all the same, is
// not banded.
import { type IndicatorDefinition, comparisonMethodOf } from '../catalogue/indicator-definition.ts';
import { quintileBands } from '../stats/quintiles.ts';
import type { CellValues } from './cell-values.ts';
import { displayedDigits } from './displayed-digits.ts';
import { roundAsDisplayed } from './format-value.ts';
import type { RugColumn } from './rug-model.ts';

/** Each column's bands by area (input order), or null; and why a quintile column is not banded. */
export interface ColumnBands {
  readonly bands: readonly (Uint8Array | null)[];
  readonly notBanded: readonly RugColumn['notBanded'][];
}

/** Bands the quintile columns over the areas whose value rows are `areaRows`. */
export function columnBands(
  indicators: readonly IndicatorDefinition[],
  values: CellValues,
  areaRows: Int32Array,
): ColumnBands {
  const areaCount = areaRows.length;
  const shown = new Float64Array(areaCount);
  const notBanded: RugColumn['notBanded'][] = indicators.map(() => null);
  // Every banded column's bands in one buffer: fresh typed arrays cost by the call.
  const quintileColumns = indicators.filter((d) => comparisonMethodOf(d) === 'quintile').length;
  const buffer = new Uint8Array(areaCount * quintileColumns);
  let offset = 0;
  const bands = indicators.map((definition, c): Uint8Array | null => {
    if (comparisonMethodOf(definition) !== 'quintile') return null;
    displayedColumn(values, areaRows, c, definition.decimals, shown);
    let first = Number.NaN;
    let constant = true;
    for (const v of shown) {
      if (Number.isNaN(v)) continue;
      if (Number.isNaN(first)) first = v;
      else if (v !== first) constant = false;
    }
    if (definition.measuredFor === 'local_authority') notBanded[c] = 'authority_wide';
    else if (constant && !Number.isNaN(first)) notBanded[c] = 'constant';
    if (notBanded[c] !== null) return null;
    const out = buffer.subarray(offset, offset + areaCount);
    offset += areaCount;
    return quintileBands(shown, out);
  });
  return { bands, notBanded };
}

// A column's values for the areas, as displayed, into `into` (NaN where missing): their
// displayed digits, whole numbers that quintileBands bands by counting; or, when any value
// needs toFixed's rounding, the rounded values. Either keeps the order and ties of the figures
// a reader sees.
function displayedColumn(
  values: CellValues,
  areaRows: Int32Array,
  c: number,
  decimals: number,
  into: Float64Array,
): void {
  const { value, columnCount } = values;
  for (let i = 0; i < areaRows.length; i++) {
    const x = value[(areaRows[i] ?? 0) * columnCount + c] ?? Number.NaN;
    const digits = displayedDigits(x, decimals);
    if (Number.isNaN(digits) && !Number.isNaN(x)) {
      for (let j = 0; j < areaRows.length; j++) {
        into[j] = roundAsDisplayed(
          value[(areaRows[j] ?? 0) * columnCount + c] ?? Number.NaN,
          decimals,
        );
      }
      return;
    }
    into[i] = digits;
  }
}

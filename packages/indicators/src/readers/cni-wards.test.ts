// The fixture is hand-made: the real CNI 2019 headers over rows modelled on the file's,
// including a quoted ward name with commas.
import { describe, expect, it } from 'vitest';
import { readCniWards } from './cni-wards.ts';
import type { CsvFormatProblem } from './csv-format-error.ts';

const formatError = (fields: Partial<CsvFormatProblem>) =>
  expect.objectContaining({ name: 'CsvFormatError', ...fields });

const HEADER =
  'ward17_code,ward17_name,lad19_code,lad19_name,Civic Assets score,Civic Assets rank,Connectedness score,' +
  'Connectedness rank,Engaged community score,Engaged community rank,Community Needs Index score,' +
  'Community Needs Index rank,Left Behind Area?';
const HAM =
  'E05000519,"Ham, Petersham and Richmond Riverside",E09000027,Richmond upon Thames,0.4596,7285,9.261,4938,4.2445,6165,13.9652,7244,FALSE';
const LEFT_BEHIND =
  'E05001234,Example Ward,E06000001,Hartlepool,40.5,12,60.25,300,45,100,145.75,20,TRUE';

describe('readCniWards', () => {
  it('reads scores, ranks and the left-behind flag by header name', () => {
    const [ham, example] = readCniWards(`${HEADER}\n${HAM}\n${LEFT_BEHIND}\n`);
    expect(ham).toEqual({
      wardCode: 'E05000519',
      wardName: 'Ham, Petersham and Richmond Riverside',
      ladCode: 'E09000027',
      ladName: 'Richmond upon Thames',
      civicAssets: { score: 0.4596, rank: 7285 },
      connectedness: { score: 9.261, rank: 4938 },
      engagedCommunity: { score: 4.2445, rank: 6165 },
      communityNeedsIndex: { score: 13.9652, rank: 7244 },
      leftBehind: false,
    });
    expect(example?.leftBehind).toBe(true);
  });

  it('rejects an empty score: CNI publishes every ward', () => {
    const missing = LEFT_BEHIND.replace(',40.5,', ',,');
    expect(() => readCniWards(`${HEADER}\n${HAM}\n${missing}\n`, 'cni.csv')).toThrow(
      formatError({ line: 3, column: 'Civic Assets score', reason: 'value is empty' }),
    );
  });

  it('rejects a flag other than TRUE or FALSE', () => {
    expect(() => readCniWards(`${HEADER}\n${HAM.replace(/FALSE$/, 'N')}\n`, 'cni.csv')).toThrow(
      formatError({ line: 2, column: 'Left Behind Area?', reason: '"N" is not TRUE or FALSE' }),
    );
  });

  it('names a missing column', () => {
    expect(() => readCniWards(`${HEADER.replace(',Left Behind Area?', '')}\n`, 'cni.csv')).toThrow(
      formatError({ column: 'Left Behind Area?', reason: 'missing required column' }),
    );
  });

  it('refuses a CNI file on other wards, naming both vintages', () => {
    const wards23 = HEADER.replace('ward17_code,ward17_name', 'WD23CD,WD23NM');
    expect(() => readCniWards(`${wards23}\n`, 'cni.csv')).toThrow(
      formatError({
        line: 1,
        reason:
          'another release\'s file: expected CNI 2019 on wards 2017 (column "ward17_code"), found wards 2023 (column "WD23CD")',
      }),
    );
  });
});

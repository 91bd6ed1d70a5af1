// The recording fake must behave like Office.js where the adapter's correctness depends on it:
// queued work, load-before-read, typed input, protection, requirement sets, events.

import { createFakeExcel, FakeExcel } from './fake-excel';

type Batch = (context: Excel.RequestContext) => Promise<unknown>;

function run(fake: FakeExcel, batch: Batch): Promise<unknown> {
  return fake.Excel.run(batch);
}

describe('queueing and loading', () => {
  test('a property reads only after load and sync; a set property reads back at once', async () => {
    const fake = createFakeExcel({ sheets: [{ name: 'A', cells: { B2: 7 } }] });
    await run(fake, async (context) => {
      const range = context.workbook.worksheets.getItem('A').getRange('B2');
      expect(() => range.values).toThrow(/not available/);
      range.load('values');
      expect(() => range.values).toThrow(/not available/);
      await context.sync();
      expect(range.values).toEqual([[7]]);
      range.formulas = [['=1+1']];
      expect(range.formulas).toEqual([['=1+1']]);
    });
  });

  test('nothing reaches the workbook before sync; Excel.run sends what is left queued', async () => {
    const fake = createFakeExcel();
    await run(fake, async (context) => {
      context.workbook.worksheets.getItem('Sheet1').getRange('A1').formulas = [['x']];
      expect(fake.cell('Sheet1', 'A1').value).toBeNull();
    });
    expect(fake.cell('Sheet1', 'A1').value).toBe('x');
    expect(fake.lastRun().syncs).toBe(1);
  });

  test('getItemOrNullObject gives a null object, known only after sync', async () => {
    const fake = createFakeExcel();
    await run(fake, async (context) => {
      const missing = context.workbook.worksheets.getItemOrNullObject('Nope');
      expect(() => missing.isNullObject).toThrow();
      await context.sync();
      expect(missing.isNullObject).toBe(true);
    });
  });

  test('a failed sync delivers no results; work before the failure stays done', async () => {
    const fake = createFakeExcel();
    await run(fake, async (context) => {
      const sheet = context.workbook.worksheets.getItem('Sheet1');
      const a1 = sheet.getRange('A1');
      a1.formulas = [['done']];
      a1.load('values');
      context.workbook.worksheets.getItem('Missing');
      await expect(context.sync()).rejects.toMatchObject({ code: 'ItemNotFound', name: 'RichApi.Error' });
      expect(() => a1.values).toThrow(/not available/);
    });
    expect(fake.cell('Sheet1', 'A1').value).toBe('done');
  });

  test('a 2-D block must match the range exactly', async () => {
    const fake = createFakeExcel();
    await expect(run(fake, async (context) => {
      context.workbook.worksheets.getItem('Sheet1').getRange('A1:B2').formulas = [['a', 'b']];
      await context.sync();
    })).rejects.toMatchObject({ code: 'InvalidArgument' });
  });
});

describe('typed input, as Excel reads it', () => {
  const cases: Array<{ title: string; input: string | number; value: string | number | boolean | null; formula?: string; numberFormat?: string }> = [
    { title: 'a formula', input: '=SUM(A1:A2)', value: null, formula: '=SUM(A1:A2)' },
    { title: 'apostrophe text', input: "'=SUM(A1)", value: '=SUM(A1)' },
    { title: 'a number', input: '12.5', value: 12.5 },
    { title: 'a number given as a number', input: 3, value: 3 },
    { title: 'a decimal comma stays text (en-US)', input: '0,5', value: '0,5' },
    { title: 'a percentage', input: '50%', value: 0.5, numberFormat: '0%' },
    { title: 'a boolean', input: 'true', value: true },
    { title: 'a date', input: '3/15/2024', value: 45366, numberFormat: 'm/d/yyyy' },
    { title: 'a leading plus makes a formula', input: '+84 912', value: null, formula: '=+84 912' },
    { title: 'plain text', input: 'Năm 2024', value: 'Năm 2024' },
  ];
  test.each(cases)('$title', async ({ input, value, formula, numberFormat }) => {
    const fake = createFakeExcel({ sheets: [{ name: 'S', cells: { C3: input } }] });
    const cell = fake.cell('S', 'C3');
    expect(cell.value).toBe(value);
    expect(cell.formula).toBe(formula === undefined ? null : formula);
    expect(cell.numberFormat).toBe(numberFormat || 'General');
  });

  const thisYear = new Date().getFullYear();
  const serial = (y: number, m: number, d: number) => Math.round((Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86400000);
  const vietnamese: Array<{ title: string; input: string; value: string | number; numberFormat?: string }> = [
    { title: 'a decimal comma is a number', input: '0,5', value: 0.5 },
    { title: 'a dot between day and month is a date', input: '1.5', value: serial(thisYear, 5, 1), numberFormat: 'dd/mm/yyyy' },
    { title: 'a day-first date', input: '15/03/2024', value: serial(2024, 3, 15), numberFormat: 'dd/mm/yyyy' },
    { title: 'a dot groups thousands', input: '1.500', value: 1500 },
    { title: 'a percentage with a decimal comma', input: '2,5%', value: 0.025, numberFormat: '0%' },
    { title: 'a number with a decimal point is text', input: '12.5.2024x', value: '12.5.2024x' },
  ];
  test.each(vietnamese)('vi-VN: $title', ({ input, value, numberFormat }) => {
    const fake = createFakeExcel({ locale: 'vi-VN', sheets: [{ name: 'S', cells: { C3: input } }] });
    expect(fake.cell('S', 'C3')).toMatchObject({ value, formula: null, numberFormat: numberFormat || 'General' });
  });

  test('vi-VN: what the API writes is read as typed there too; an apostrophe keeps text', async () => {
    const fake = createFakeExcel({ locale: 'vi-VN' });
    await run(fake, async (context) => {
      context.workbook.worksheets.getItem('Sheet1').getRange('A1:C1').formulas = [['0,5', "'1.5", '=SUM(A1,2)']];
    });
    expect([fake.cell('Sheet1', 'A1').value, fake.cell('Sheet1', 'B1').value, fake.cell('Sheet1', 'C1').formula]).toEqual([0.5, '1.5', '=SUM(A1,2)']);
  });

  test('a text-formatted cell keeps a formula as text', async () => {
    const fake = createFakeExcel();
    await run(fake, async (context) => {
      const range = context.workbook.worksheets.getItem('Sheet1').getRange('A1');
      range.numberFormat = [['@']];
      range.formulas = [['=1+1']];
    });
    expect(fake.cell('Sheet1', 'A1')).toMatchObject({ value: '=1+1', formula: null });
  });

  test('formulas read back the text of an apostrophe cell without the apostrophe', async () => {
    const fake = createFakeExcel({ sheets: [{ name: 'S', cells: { A1: "'=x" } }] });
    const read = await run(fake, async (context) => {
      const range = context.workbook.worksheets.getItem('S').getRange('A1');
      range.load('values,formulas');
      await context.sync();
      return [range.values, range.formulas];
    });
    expect(read).toEqual([[['=x']], [['=x']]]);
  });
});

describe('protection', () => {
  test('a protected sheet refuses locked cells and formats, accepts unlocked cells', async () => {
    const fake = createFakeExcel();
    await run(fake, async (context) => {
      const sheet = context.workbook.worksheets.getItem('Sheet1');
      sheet.getRange('B1').format.protection.locked = false;
      sheet.protection.protect({ allowFormatColumns: true });
      sheet.getRange('B1').formulas = [[5]];
      sheet.getRange('A:A').format.columnWidth = 60;
      await context.sync();
      sheet.getRange('A1').formulas = [[5]];
      await expect(context.sync()).rejects.toMatchObject({ code: 'InvalidOperation' });
      sheet.getRange('B1').format.fill.color = '#FF0000';
      await expect(context.sync()).rejects.toMatchObject({ code: 'InvalidOperation' });
    });
    expect(fake.cell('Sheet1', 'B1').value).toBe(5);
    expect(fake.sheet('Sheet1').columns[0].width).toBe(60);
  });

  test('a password stays a password', async () => {
    const fake = createFakeExcel({ sheets: [{ name: 'S', protected: true, password: 'x' }] });
    await expect(run(fake, async (context) => {
      context.workbook.worksheets.getItem('S').protection.unprotect();
      await context.sync();
    })).rejects.toMatchObject({ code: 'InvalidOperation' });
  });
});

describe('requirement sets', () => {
  test('an API above the host version fails when called, as office.js does', async () => {
    const fake = createFakeExcel({ api: '1.7' });
    expect(fake.requirements.isSetSupported('ExcelApi', '1.7')).toBe(true);
    expect(fake.requirements.isSetSupported('ExcelApi', '1.8')).toBe(false);
    await run(fake, async (context) => {
      const range = context.workbook.worksheets.getItem('Sheet1').getRange('A1');
      expect(() => range.dataValidation).toThrow(expect.objectContaining({ code: 'ApiNotFound' }));
      expect(() => context.workbook.worksheets.getItem('Sheet1').getRanges('A1,B2')).toThrow(expect.objectContaining({ code: 'ApiNotFound' }));
    });
    expect(fake.usedApis).toEqual(['Range.dataValidation', 'Worksheet.getRanges']);
  });

  test('multi-area addresses take the regional list separator (Windows desktop): "," fails under vi-VN', async () => {
    for (const [locale, good, bad] of [['en-US', 'A1:B2,D4', 'A1:B2;D4'], ['vi-VN', 'A1:B2;D4', 'A1:B2,D4']] as const) {
      const fake = createFakeExcel({ locale });
      const address = await run(fake, async (context) => {
        const areas = context.workbook.worksheets.getItem('Sheet1').getRanges(good);
        areas.format.fill.color = '#FFFF00';
        areas.load('address');
        await context.sync();
        return areas.address;
      });
      expect(address).toBe(locale === 'en-US' ? 'Sheet1!A1:B2,Sheet1!D4' : 'Sheet1!A1:B2;Sheet1!D4');
      expect(fake.cell('Sheet1', 'D4').format.fill).toBe('#FFFF00');
      await expect(run(fake, async (context) => {
        context.workbook.worksheets.getItem('Sheet1').getRanges(bad).format.fill.color = '#FF0000';
        await context.sync();
      })).rejects.toMatchObject({ code: 'InvalidArgument' });
    }
  });

  test('ExcelApi 1.13 offers them all', () => {
    const fake = createFakeExcel({ api: '1.13' });
    for (const v of ['1.7', '1.8', '1.9', '1.13']) expect(fake.requirements.isSetSupported('ExcelApi', v)).toBe(true);
    expect(fake.requirements.isSetSupported('WordApi', '1.1')).toBe(false);
  });
});

describe('formats, rules and events', () => {
  test('borders, merges, a new conditional format on top, validation per cell', async () => {
    const fake = createFakeExcel();
    await run(fake, async (context) => {
      const sheet = context.workbook.worksheets.getItem('Sheet1');
      const block = sheet.getRange('A1:B2');
      for (const edge of ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideHorizontal', 'InsideVertical'] as const) {
        block.format.borders.getItem(edge).style = 'Continuous';
      }
      sheet.getRange('D1').formulas = [['top-left']];
      sheet.getRange('E1').formulas = [['covered']];
      sheet.getRange('D1:E1').merge(false);
      sheet.getRange('A1').conditionalFormats.add('Custom').custom.rule.formula = '=A1>1';
      sheet.getRange('A1').conditionalFormats.add('Custom').custom.rule.formula = '=A1>2';
      const dv = sheet.getRange('C1:C2').dataValidation;
      dv.rule = { decimal: { formula1: 0, formula2: '=B1', operator: 'Between' } };
      dv.ignoreBlanks = false;
    });
    expect(fake.cell('Sheet1', 'A1').format.borders).toEqual({ top: true, bottom: true, left: true, right: true });
    expect(fake.cell('Sheet1', 'B2').format.borders).toEqual({ top: true, bottom: true, left: true, right: true });
    expect(fake.sheet('Sheet1').merges).toEqual(['D1:E1']);
    expect(fake.cell('Sheet1', 'E1').value).toBeNull();
    expect(fake.sheet('Sheet1').conditionalFormats.map((cf) => cf.formula)).toEqual(['=A1>2', '=A1>1']);
    expect(fake.cell('Sheet1', 'C2').validation).toMatchObject({ range: 'C1:C2', type: 'decimal', formula1: 0, formula2: '=B1', ignoreBlanks: false });
  });

  test('an edit runs the change handlers until they are removed', async () => {
    const fake = createFakeExcel();
    const seen: string[] = [];
    const registration = (await run(fake, async (context) => {
      const r = context.workbook.worksheets.getItem('Sheet1').onChanged.add(async (args) => {
        seen.push(args.address);
      });
      await context.sync();
      return r;
    })) as OfficeExtension.EventHandlerResult<Excel.WorksheetChangedEventArgs>;
    await fake.simulateEdit('Sheet1', 'B3', 4);
    expect(seen).toEqual(['B3']);
    expect(fake.cell('Sheet1', 'B3').value).toBe(4);
    await fake.Excel.run(registration.context, async (context: Excel.RequestContext) => {
      registration.remove();
      await context.sync();
    });
    await fake.simulateEdit('Sheet1', 'B4', 1);
    expect(seen).toEqual(['B3']);
  });

  test('a selected shape has no selected range', async () => {
    const fake = createFakeExcel();
    await fake.simulateSelection(null);
    await expect(run(fake, async (context) => {
      context.workbook.getSelectedRange().load('address');
      await context.sync();
    })).rejects.toMatchObject({ code: 'InvalidSelection' });
  });
});

describe('the host\'s limits', () => {
  test('a request over 5 MB is refused whole, as Excel on the web refuses it; an answer over 5 MB too', async () => {
    const fake = createFakeExcel();
    const big = [[('x').repeat(6 * 1024 * 1024)]];
    await expect(run(fake, async (context) => {
      context.workbook.worksheets.getItem('Sheet1').getRange('B1').formulas = [['first']];
      context.workbook.worksheets.getItem('Sheet1').getRange('A1').formulas = big;
      await context.sync();
    })).rejects.toMatchObject({ code: 'RequestPayloadSizeLimitExceeded' });
    expect(fake.cell('Sheet1', 'B1').value).toBeNull();
    const small = createFakeExcel({ responseLimit: 1000, sheets: [{ name: 'S', cells: { A1: 'y'.repeat(2000) } }] });
    await expect(run(small, async (context) => {
      context.workbook.worksheets.getItem('S').getRange('A1').load('values');
      await context.sync();
    })).rejects.toMatchObject({ code: 'ResponsePayloadSizeLimitExceeded' });
  });

  test('a call can be refused: what ran before it in the request stays done', async () => {
    const fake = createFakeExcel();
    fake.rejectCall('Range.numberFormat');
    await expect(run(fake, async (context) => {
      const range = context.workbook.worksheets.getItem('Sheet1').getRange('A1');
      range.formulas = [['1']];
      range.numberFormat = [['0.00']];
      await context.sync();
    })).rejects.toMatchObject({ code: 'InvalidArgument' });
    expect(fake.cell('Sheet1', 'A1')).toMatchObject({ value: 1, numberFormat: 'General' });
    expect(fake.calls).toEqual(['Range.formulas']);
  });

  test('writes through the API raise onChanged after the request, as Excel does, unless the add-in turned events off', async () => {
    const fake = createFakeExcel();
    const seen: string[] = [];
    await run(fake, async (context) => {
      context.workbook.worksheets.onChanged.add(async (args) => {
        seen.push(args.address);
      });
      await context.sync();
    });
    await run(fake, async (context) => {
      context.workbook.worksheets.getItem('Sheet1').getRange('A1:B2').formulas = [[1, 2], [3, 4]];
      await context.sync();
      expect(seen).toEqual([]);
    });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(seen).toEqual(['A1:B2']);
    await run(fake, async (context) => {
      context.runtime.enableEvents = false;
      context.workbook.worksheets.getItem('Sheet1').getRange('C3').formulas = [[5]];
      context.runtime.enableEvents = true;
      await context.sync();
    });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(seen).toEqual(['A1:B2']);
  });

  test('sheets are renamed and moved as in Excel: names are unique whatever their case', async () => {
    const fake = createFakeExcel({ sheets: [{ name: 'A' }, { name: 'B' }, { name: 'C' }] });
    await run(fake, async (context) => {
      context.workbook.worksheets.getItem('C').position = 0;
      context.workbook.worksheets.getItem('A').name = '~A';
    });
    expect(fake.sheetNames()).toEqual(['C', '~A', 'B']);
    await expect(run(fake, async (context) => {
      context.workbook.worksheets.getItem('B').name = 'c';
      await context.sync();
    })).rejects.toMatchObject({ code: 'ItemAlreadyExists' });
  });
});

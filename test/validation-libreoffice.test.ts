// One verdict, as a person meets it while typing (issue #9, item 7): the data validation LibreOffice
// applies to a score cell lets in exactly what the verdict table (model/verdict.ts) says may be typed,
// and refuses the rest with the cell's own message. Each text is first typed into the leaf's Giải
// trình cell, which has no rule, to learn what LibreOffice makes of it (a number, a text, a date's
// serial, TRUE); then into the score cell. The table's answer for that value, as the sheet sees it
// (sheetJudge), must be LibreOffice's: typing 'refuse' is refused, 'accept' and 'flag' get in.

import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { FlatNode, flattenSet } from '../src/core/model/criteria';
import { CellValue } from '../src/core/model/grid';
import { SHEETS } from '../src/core/model/layout';
import { kindRow, leafScore, sheetJudge } from '../src/core/model/verdict';
import { describeIfEngine } from './engines';
import { OpReport, UnoOp, closeEditorAfterAll, editInLibreOffice } from './helpers/uno';
import { Built, buildBase, cellOf } from './helpers/user-edits';

/** What a person types, per locale: every kind of the table, and what a Vietnamese-format machine makes of "1.5". */
const TYPED: Record<string, string[]> = {
  'en-US': ['KAD', 'kad', '0', '0.5', '1', '0.25', '1.5', '2', '7', '-0.5', '0.125', '0.3333', 'đạt', 'không áp dụng', '1,5', 'TRUE', '01/05/2025', '5/1'],
  'vi-VN': ['KAD', '0', '0,5', '1', '0,25', '1,5', '2', '-0,5', '0,125', '1.5', '0.5', 'đạt', 'TRUE', '01/05/2025'],
};

/** The value LibreOffice stored for a typed text, as the readers hand it to the core. */
function stored(r: OpReport): CellValue {
  if (r.kind === 'empty') return null;
  if (r.kind === 'text') return r.string === undefined ? null : r.string;
  return r.value === undefined ? null : r.value;
}

/** Two leaves with levels (every leaf of the bundled set has them): maxima 1 and 1.5 or more. */
function pickLeaves(b: Built): FlatNode[] {
  const leaves = flattenSet(b.scoring.meta.set).filter((f) => f.leaf && f.node.levels && f.node.levels.length > 2);
  const picked = [leaves.filter((f) => f.node.max === 1)[0], leaves.filter((f) => f.node.max >= 1.5)[0]];
  if (!picked[0] || !picked[1]) throw new Error('the built set lacks a leaf with levels of maximum 1, or one of 1.5 or more');
  return picked;
}

describeIfEngine(['soffice', 'uno'], 'LibreOffice\'s data validation is the verdict table\'s', () => {
  closeEditorAfterAll();
  let dir: string;
  let base: Built;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-validation-'));
    base = await buildBase(dir);
  });

  afterAll(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test.each(Object.keys(TYPED))('every kind of value typed into a score cell (%s): refused exactly when the table refuses it', async (locale) => {
    const ops: UnoOp[] = [];
    const plan: Array<{ leaf: FlatNode; text: string }> = [];
    for (const leaf of pickLeaves(base)) {
      for (const text of TYPED[locale]) {
        plan.push({ leaf, text });
        ops.push({ op: 'type', sheet: SHEETS.scoring, cell: cellOf(base, leaf.code, 'note'), text });
        ops.push({ op: 'type', sheet: SHEETS.scoring, cell: cellOf(base, leaf.code, 'self'), text, mayBeRefused: true });
      }
    }
    const edit = await editInLibreOffice(base.file, path.join(dir, `typed-${locale}.xlsx`), ops, { locale });
    const disagreements: string[] = [];
    const kinds: Record<string, boolean> = {};
    plan.forEach(({ leaf, text }, i) => {
      const probe = edit.report[2 * i];
      const onScore = edit.report[2 * i + 1];
      const value = stored(probe);
      const spec = leafScore(leaf.node);
      const kind = sheetJudge(value, spec).kind;
      kinds[kind] = true;
      const tableRefuses = kindRow(kind).typing === 'refuse';
      const refused = !!onScore.refused;
      if (refused !== tableRefuses) {
        disagreements.push(`${leaf.code} (max ${leaf.node.max}${leaf.node.levels ? `, levels ${leaf.node.levels.join('/')}` : ''}) "${text}" → ${JSON.stringify(value)} (${kind}): LibreOffice ${refused ? 'refused' : 'let it in'}, the table says ${kindRow(kind).typing}`);
      }
      if (refused && onScore.refused!.reason !== 'validation') disagreements.push(`"${text}" refused for ${onScore.refused!.reason}, not by the validity rule`);
      if (refused) expect(onScore.refused!.message).toContain('Điểm không hợp lệ');
    });
    expect(disagreements).toEqual([]);
    // The values met every kind the sheet can tell, but empty (typing nothing is no edit).
    expect(Object.keys(kinds).sort()).toEqual(expect.arrayContaining(['not-a-number', 'negative', 'too-fine', 'over-max', 'not-a-level', 'valid', 'not-applicable']));
  });
});

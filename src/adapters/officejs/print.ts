// A plan's print setup through Office.js (ExcelApi 1.9: Worksheet.pageLayout and page breaks): the
// same settings the .xlsx writer puts in the file. Cosmetic: the caller decides when to queue it.

import { a1 } from '../../core/model/grid';
import { PrintPlan } from '../../core/model/plan';
import { mmToPoints, pageNumberHeader } from '../../core/model/print';

export function queuePrint(sheet: Excel.Worksheet, print: PrintPlan): void {
  const page = sheet.pageLayout;
  page.orientation = print.orientation === 'landscape' ? 'Landscape' : 'Portrait';
  page.paperSize = 'A4';
  // One page wide, as many pages tall as needed (0), as the .xlsx writer sets it; or the plan's scale.
  if (print.fitToWidth) page.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
  else if (print.scale !== undefined) page.zoom = { scale: print.scale };
  if (print.repeatRows) page.setPrintTitleRows(`$${print.repeatRows.from + 1}:$${print.repeatRows.to + 1}`);
  if (print.margins) {
    const m = print.margins;
    const pt = (mm: number) => Math.round(mmToPoints(mm) * 100) / 100;
    page.topMargin = pt(m.top);
    page.bottomMargin = pt(m.bottom);
    page.leftMargin = pt(m.left);
    page.rightMargin = pt(m.right);
    page.headerMargin = pt(m.header);
    page.footerMargin = pt(m.footer);
  }
  if (print.area) page.setPrintArea(print.area);
  if (print.blackAndWhite) page.blackAndWhite = true;
  if (print.centerHorizontally) page.centerHorizontally = true;
  if (print.pageNumbers) {
    // The first page has its own, empty header: no number on it.
    page.headersFooters.state = 'FirstAndDefault';
    page.headersFooters.defaultForAllPages.centerHeader = pageNumberHeader(print.pageNumbers);
    page.headersFooters.firstPage.centerHeader = '';
    // Each document counts its own pages (the report from 1, its annex from 1), even printed together.
    page.firstPageNumber = 1;
  }
  // The sheet's earlier breaks go; a break goes before the top-left cell of the range it is given.
  sheet.horizontalPageBreaks.removePageBreaks();
  for (const row of print.breaks || []) sheet.horizontalPageBreaks.add(a1(row, 0));
}

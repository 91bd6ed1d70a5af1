// Charts for .xlsx files. exceljs writes no charts, so a chart is added to the written file: a
// DrawingML chart part, a drawing that anchors it on the sheet, their relationships and content types.

import JSZip from 'jszip';
import { BarChartPlan } from '../../core/model/plan';

const NS = {
  rels: 'http://schemas.openxmlformats.org/package/2006/relationships',
  officeRels: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  chart: 'http://schemas.openxmlformats.org/drawingml/2006/chart',
  drawingMain: 'http://schemas.openxmlformats.org/drawingml/2006/main',
  spreadsheetDrawing: 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing',
};

const CONTENT_TYPES = {
  chart: 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml',
  drawing: 'application/vnd.openxmlformats-officedocument.drawing+xml',
};

/** Worksheet children that must follow <drawing> (ECMA-376 CT_Worksheet order). */
const AFTER_DRAWING = ['legacyDrawing', 'legacyDrawingHF', 'drawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst'];

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

function unescapeXml(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}

/** Horizontal bars, first category on top (the ranking order), data labels with two decimals. */
export function barChartXml(chart: BarChartPlan): string {
  const n = chart.points.length;
  const labels = chart.points.map((p, i) => `<c:pt idx="${i}"><c:v>${escapeXml(p.label)}</c:v></c:pt>`).join('');
  const values = chart.points.map((p, i) => `<c:pt idx="${i}"><c:v>${p.value}</c:v></c:pt>`).join('');
  const text = (t: string, size: number, bold: boolean) =>
    `<c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size}" b="${bold ? 1 : 0}"/></a:pPr>` +
    `<a:r><a:rPr lang="vi-VN" sz="${size}" b="${bold ? 1 : 0}"/><a:t>${escapeXml(t)}</a:t></a:r></a:p></c:rich></c:tx>`;
  return '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<c:chartSpace xmlns:c="${NS.chart}" xmlns:a="${NS.drawingMain}" xmlns:r="${NS.officeRels}">` +
    '<c:roundedCorners val="0"/>' +
    '<c:chart>' +
    `<c:title>${text(chart.title, 1200, true)}<c:overlay val="0"/></c:title>` +
    '<c:autoTitleDeleted val="0"/>' +
    '<c:plotArea><c:layout/>' +
    '<c:barChart><c:barDir val="bar"/><c:grouping val="clustered"/><c:varyColors val="0"/>' +
    '<c:ser><c:idx val="0"/><c:order val="0"/>' +
    `<c:tx><c:v>${escapeXml(chart.seriesName)}</c:v></c:tx>` +
    '<c:spPr><a:solidFill><a:srgbClr val="4472C4"/></a:solidFill></c:spPr>' +
    '<c:invertIfNegative val="0"/>' +
    '<c:dLbls><c:numFmt formatCode="0.00" sourceLinked="0"/><c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>' +
    '<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="800"/></a:pPr><a:endParaRPr lang="vi-VN"/></a:p></c:txPr>' +
    '<c:showLegendKey val="0"/><c:showVal val="1"/><c:showCatName val="0"/><c:showSerName val="0"/><c:showPercent val="0"/><c:showBubbleSize val="0"/></c:dLbls>' +
    `<c:cat><c:strRef><c:f>${escapeXml(chart.categories)}</c:f><c:strCache><c:ptCount val="${n}"/>${labels}</c:strCache></c:strRef></c:cat>` +
    `<c:val><c:numRef><c:f>${escapeXml(chart.values)}</c:f><c:numCache><c:formatCode>0.00</c:formatCode><c:ptCount val="${n}"/>${values}</c:numCache></c:numRef></c:val>` +
    '</c:ser>' +
    '<c:gapWidth val="50"/><c:axId val="50010"/><c:axId val="50020"/></c:barChart>' +
    // Categories top to bottom in sheet order; the value axis then crosses at the last one (the bottom).
    '<c:catAx><c:axId val="50010"/><c:scaling><c:orientation val="maxMin"/></c:scaling><c:delete val="0"/><c:axPos val="l"/>' +
    '<c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>' +
    '<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="900"/></a:pPr><a:endParaRPr lang="vi-VN"/></a:p></c:txPr>' +
    '<c:crossAx val="50020"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>' +
    '<c:valAx><c:axId val="50020"/><c:scaling><c:orientation val="minMax"/>' +
    (chart.valueMax === undefined ? '' : `<c:max val="${chart.valueMax}"/>`) + '<c:min val="0"/></c:scaling><c:delete val="0"/><c:axPos val="b"/>' +
    '<c:majorGridlines/><c:numFmt formatCode="0" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>' +
    '<c:crossAx val="50010"/><c:crosses val="max"/><c:crossBetween val="between"/></c:valAx>' +
    '</c:plotArea>' +
    '<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/>' +
    '</c:chart>' +
    '</c:chartSpace>';
}

function drawingXml(chart: BarChartPlan, chartRelId: string): string {
  const corner = (tag: string, at: { row: number; col: number }) =>
    `<xdr:${tag}><xdr:col>${at.col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${at.row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
  return '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<xdr:wsDr xmlns:xdr="${NS.spreadsheetDrawing}" xmlns:a="${NS.drawingMain}">` +
    '<xdr:twoCellAnchor editAs="oneCell">' + corner('from', chart.from) + corner('to', chart.to) +
    '<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="Biểu đồ chỉ số"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>' +
    '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>' +
    `<a:graphic><a:graphicData uri="${NS.chart}"><c:chart xmlns:c="${NS.chart}" xmlns:r="${NS.officeRels}" r:id="${chartRelId}"/></a:graphicData></a:graphic>` +
    '</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>';
}

function relationships(items: Array<{ id: string; type: string; target: string }>): string {
  return '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<Relationships xmlns="${NS.rels}">` +
    items.map((r) => `<Relationship Id="${r.id}" Type="${NS.officeRels}/${r.type}" Target="${escapeXml(r.target)}"/>`).join('') +
    '</Relationships>';
}

async function text(zip: JSZip, name: string): Promise<string | null> {
  const file = zip.file(name);
  return file ? file.async('string') : null;
}

/** The part name of a sheet ("xl/worksheets/sheet1.xml") from workbook.xml and its relationships. */
async function sheetPart(zip: JSZip, sheetName: string): Promise<string> {
  const workbook = (await text(zip, 'xl/workbook.xml')) || '';
  const rels = (await text(zip, 'xl/_rels/workbook.xml.rels')) || '';
  const sheetTags = workbook.match(/<sheet\b[^>]*\/>/g) || [];
  const tag = sheetTags.filter((t) => {
    const m = /\bname="([^"]*)"/.exec(t);
    return !!m && unescapeXml(m[1]) === sheetName;
  })[0];
  const id = tag ? (/\br:id="([^"]*)"/.exec(tag) || [])[1] : undefined;
  const rel = id ? (rels.match(/<Relationship\b[^>]*\/>/g) || []).filter((r) => r.indexOf(`Id="${id}"`) >= 0)[0] : undefined;
  const target = rel ? (/\bTarget="([^"]*)"/.exec(rel) || [])[1] : undefined;
  if (!target) throw new Error(`The workbook has no sheet "${sheetName}" to put the chart on.`);
  return target.charAt(0) === '/' ? target.slice(1) : 'xl/' + target;
}

function unusedNumber(zip: JSZip, prefix: string): number {
  let n = 1;
  while (zip.file(`${prefix}${n}.xml`)) n++;
  return n;
}

/** Adds the bar chart to the sheet it names, in an .xlsx held in memory. */
export async function addBarChart(xlsx: Buffer, chart: BarChartPlan): Promise<Buffer> {
  const zip = await JSZip.loadAsync(xlsx);
  const sheetFile = await sheetPart(zip, chart.sheet);
  const sheetXml = (await text(zip, sheetFile))!;
  if (/<drawing\b/.test(sheetXml)) throw new Error(`Sheet "${chart.sheet}" already has a drawing; charts are only added to sheets without one.`);

  const chartNo = unusedNumber(zip, 'xl/charts/chart');
  const drawingNo = unusedNumber(zip, 'xl/drawings/drawing');
  zip.file(`xl/charts/chart${chartNo}.xml`, barChartXml(chart));
  zip.file(`xl/drawings/drawing${drawingNo}.xml`, drawingXml(chart, 'rId1'));
  zip.file(`xl/drawings/_rels/drawing${drawingNo}.xml.rels`, relationships([{ id: 'rId1', type: 'chart', target: `../charts/chart${chartNo}.xml` }]));

  // The sheet's relationships: keep its own (hyperlinks), add the drawing under an unused id.
  const relsFile = sheetFile.replace(/([^/]+)$/, '_rels/$1.rels');
  const existing = (await text(zip, relsFile)) || `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS.rels}"></Relationships>`;
  let relNo = 1;
  while (existing.indexOf(`Id="rId${relNo}"`) >= 0) relNo++;
  const drawingRel = `<Relationship Id="rId${relNo}" Type="${NS.officeRels}/drawing" Target="../drawings/drawing${drawingNo}.xml"/>`;
  zip.file(relsFile, existing.replace('</Relationships>', drawingRel + '</Relationships>'));

  const drawingTag = `<drawing r:id="rId${relNo}"/>`;
  const follower = AFTER_DRAWING.map((tag) => sheetXml.search(new RegExp(`<${tag}[\\s>/]`))).filter((i) => i >= 0).sort((a, b) => a - b)[0];
  const at = follower === undefined ? sheetXml.lastIndexOf('</worksheet>') : follower;
  let newSheet = sheetXml.slice(0, at) + drawingTag + sheetXml.slice(at);
  if (!/<worksheet\b[^>]*xmlns:r=/.test(newSheet)) newSheet = newSheet.replace(/<worksheet\b/, `<worksheet xmlns:r="${NS.officeRels}"`);
  zip.file(sheetFile, newSheet);

  const types = (await text(zip, '[Content_Types].xml'))!;
  const overrides = `<Override PartName="/xl/charts/chart${chartNo}.xml" ContentType="${CONTENT_TYPES.chart}"/>` +
    `<Override PartName="/xl/drawings/drawing${drawingNo}.xml" ContentType="${CONTENT_TYPES.drawing}"/>`;
  zip.file('[Content_Types].xml', types.replace('</Types>', overrides + '</Types>'));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

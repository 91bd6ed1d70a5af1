// Everything the adapter needs to change the workbook, in one module: the plan's writer, the cells'
// writer and the core's guards they run first. The port reaches it through OfficeHost.writers, so the
// pane fetches it with the first write (src/taskpane/parts.ts) and opens without it.

export { ensureCellsWritable, ensurePlanWritable } from '../../core/model/plan-guard';
export { writeCellsTo } from './write-cells';
export { writePlan } from './write-plan';

// Mounts the task pane on taskpane.html: language, status line, the controllers and live
// checking. It receives the workbook as a WorkbookPort and never touches Office.js itself, so the
// same code runs against Excel and against the recording fake of the browser test.

import { Lang } from '../core/model/errors';
import { WorkbookPort } from '../core/model/port';
import { createBuildController } from './build-controller';
import { createCheckController } from './check-controller';
import { createMaintainController } from './maintain-controller';
import { PaneContext } from './context';
import { byId, setVisible } from './dom';
import { TextKey, storeLang, storedLang, text } from './i18n';
import { createStatusLine } from './status';
import { createSummaryController } from './summary-controller';
import { mountDistrictSummary } from './district-summary';
import { ViewName, createNav } from './nav';
import { createUnitsPanel } from './units-panel';
import { assignPart, evidencePart, viewPart } from './view-part';

/** Puts the pane's texts in the chosen language: elements carry their key in data-i18n. */
function applyTexts(lang: Lang): void {
  document.documentElement.setAttribute('lang', lang);
  document.title = text(lang, 'app.title');
  const nodes = document.querySelectorAll('[data-i18n]');
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i] as HTMLElement;
    node.textContent = text(lang, node.getAttribute('data-i18n') as TextKey);
    const labelKey = node.getAttribute('data-i18n-label');
    if (labelKey) node.setAttribute('aria-label', text(lang, labelKey as TextKey));
  }
  // The switch names the other language in that language.
  byId('lang-switch').setAttribute('lang', lang === 'vi' ? 'en' : 'vi');
  byId('tabs').setAttribute('aria-label', text(lang, 'nav.label'));
}

/** Serialises workbook operations and disables the action buttons while one runs. */
function createExclusive(main: HTMLElement): PaneContext['exclusive'] {
  let queue: Promise<unknown> = Promise.resolve();
  let running = 0;
  const setBusy = (busy: boolean) => {
    main.setAttribute('aria-busy', busy ? 'true' : 'false');
    const buttons = document.querySelectorAll('[data-action]');
    for (let i = 0; i < buttons.length; i++) (buttons[i] as HTMLButtonElement).disabled = busy;
  };
  return function exclusive<T>(task: () => Promise<T>): Promise<T> {
    running++;
    setBusy(true);
    const result = queue.then(task);
    const settle = () => {
      running--;
      if (running === 0) setBusy(false);
    };
    queue = result.then(settle, settle);
    return result;
  };
}

export async function mount(port: WorkbookPort): Promise<void> {
  let lang = storedLang();
  applyTexts(lang);
  const main = byId('app');
  const ctx: PaneContext = {
    port,
    lang: () => lang,
    t: (key, params) => text(lang, key, params),
    status: createStatusLine(byId('status')),
    exclusive: createExclusive(main),
  };

  const features = port.features();
  setVisible(byId('host-limited'), !features.dataValidation);

  const nav = createNav(ctx);
  const check = createCheckController(ctx, nav.counts);
  // Minh chứng and Phân công & tiến độ arrive the first time their view is shown (parts.ts).
  const evidenceCard = byId('evidence-card');
  const evidence = viewPart(ctx, evidenceCard, async () => (await evidencePart()).mountEvidenceView(ctx, evidenceCard));
  const assign = viewPart(ctx, byId('assign-card'), async () =>
    (await assignPart()).mountAssignView(ctx, { assign: byId('assign-card'), progress: byId('progress-card') }, () => rebuilt()));
  const openView = async (view: ViewName) => {
    if (view === 'evidence') await evidence.open();
    if (view !== 'assign') return;
    const opened = await assign.open();
    if (opened) await opened.refresh();
  };
  let stopListening: (() => Promise<void>) | null = null;
  const listen = async () => {
    try {
      if (stopListening) await stopListening();
      stopListening = await port.onEdit((edit) => {
        check.edited(edit);
        const panel = evidence.mounted();
        if (panel) panel.edited(edit);
      });
      const panel = evidence.mounted();
      if (panel) await panel.listen();
    } catch (error) {
      // Without change events the pane still works; checks then run on the button only.
      console.error(error);
      ctx.status.info(text(lang, 'check.liveUnavailable'));
    }
  };
  // After the scoring sheet was built or rebuilt (a new set, the appraisal column).
  const rebuilt = () => {
    // Before ExcelApi 1.9 events are per sheet, and the sheets just created are not watched yet.
    if (!features.api19) void listen();
    void check.run({ kind: 'built' });
    void maintain.refresh();
    const evidencePanel = evidence.mounted();
    if (evidencePanel) void evidencePanel.refresh();
    const assignView = assign.mounted();
    if (assignView) void assignView.refresh();
  };
  // The assignment view reads the workbook afresh whenever it is opened: people assign in Excel too.
  nav.onShow((view) => void openView(view));
  const build = createBuildController(ctx, rebuilt);
  const maintain = createMaintainController(ctx, build, rebuilt);
  const units = createUnitsPanel(ctx, build, byId('units-card'));
  createSummaryController(ctx);
  const district = mountDistrictSummary(ctx, byId('district-summary'));

  byId('lang-switch').onclick = () => {
    lang = lang === 'vi' ? 'en' : 'vi';
    storeLang(lang);
    applyTexts(lang);
    build.relabel();
    maintain.relabel();
    district.relabel();
    check.relabel();
    evidence.relabel();
    nav.relabel();
    units.relabel();
    assign.relabel();
  };

  await build.init();
  await maintain.refresh();
  await listen();
  await openView(nav.current());
  // The counts on the Kiểm tra tab from the start, whatever view is open.
  await check.run({ kind: 'built' });
  main.setAttribute('aria-busy', 'false');
  // Lets support staff and the browser test see that start-up finished.
  document.documentElement.setAttribute('data-pane', 'ready');
}

/** Shown when the page is opened outside Excel (in a browser, or in another Office application). */
export function showOutsideExcel(): void {
  const lang = storedLang();
  applyTexts(lang);
  setVisible(byId('app'), false);
  createStatusLine(byId('status')).info(text(lang, 'app.notInExcel'));
}

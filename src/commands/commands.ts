// The ribbon's function file. The manifest's only button ("Chấm điểm CCHC" on the Home tab) opens the
// task pane, which Office does by itself; the manifest schema still requires a function file, and
// Office waits for it to initialise before the ribbon is ready. So it only signals that it is ready.

Office.onReady();

#!/usr/bin/env python3
"""Edits an .xlsx in a headless LibreOffice as a person would, then saves it as LibreOffice saves.

Tests use it to reproduce ordinary user edits in a real spreadsheet: typing, inserting and deleting
rows, sorting part of a table, unprotecting a sheet. It needs Python with the UNO bridge (Debian:
python3-uno, for /usr/bin/python3; a pyenv `python3` usually lacks it) and LibreOffice.

Usage:

  uno_edit.py edit --input IN.xlsx --output OUT.xlsx --ops OPS.json|- [--locale vi-VN] [--profile DIR]
      starts a headless soffice (on a fresh temporary profile without --profile), makes the edit,
      quits soffice and prints one JSON line: {"ok": true, "report": [...], "ms": {...}} or
      {"ok": false, "error": "..."} (exit status 1). For scratch runs by hand.

  uno_edit.py serve --profile DIR [--locale vi-VN]
      starts soffice once, then reads one JSON request a line on stdin
      ({"id": 1, "input": ..., "output": ..., "ops": [...]}) and answers one JSON line on stdout
      ({"id": 1, "ok": true, "report": [...], "ms": {...}}, or "ok": false with "error" and
      "officeDied"). {"shutdown": true} or the end of stdin quits soffice. test/helpers/uno.ts
      drives this mode.

An edit: load IN hidden, apply the operations in order, recalculate everything (calculateAll, as
Data > Calculate > Recalculate Hard), store OUT with the "Calc MS Excel 2007 XML" filter (File > Save
As > Excel 2007-365), close. The locale is LibreOffice's "Locale setting" (Tools > Options > Language
Settings > Languages), written into the profile before soffice starts: it decides how typed text
parses (decimal separator, dates), so it holds for the whole soffice session.

Keeping headless LibreOffice 7.4 (the nogui build) alive through edits takes three precautions, each
found by a crash (SIGABRT in a timer) that it removed:
  - the frame's UI is hidden (LayoutManager.setVisible(False)): the nogui build ships none of Calc's
    .ui files, and when the view got round to building the formula bar, in a timer after some
    dispatches, the exception aborted soffice;
  - LibreOffice processes its pending events after each operation and after closing a document, as
    the UI does between a person's actions, so no timer queued by one action fires in the middle of
    the next call (a save, the next document's load);
  - overlays (cell cursor, selection) are unbuffered: the other abort seen was in the buffered
    overlay's timer, reaching for a disposed window's cursor.
With them 60 edits in a row ran in one soffice without a fault.

What "typing" is here, and why. A person's keystrokes go to Calc's input handler, which on Enter
(1) applies AutoCorrect and AutoInput to the text, (2) checks the cell's data validity rule and, when
the rule shows an error message, refuses (Stop) or asks (Warning, Information), and (3) hands the
text to ScViewFunc::EnterData, which refuses locked cells of a protected sheet and parses the text
with the number formatter of the locale and of the cell's number format (numbers, dates, percent,
text format "@"), setting a date or percent format when it recognises one.
Real keystrokes cannot be sent here: the headless (nogui) LibreOffice 7.4 aborts as soon as a
document window is made visible, and key events sent to a hidden window never reach the input handler
(it only serves the "current" view, which a hidden frame never becomes). So `type` dispatches
.uno:EnterString on the selected cell, which is step (3) exactly, and reproduces step (2) with
LibreOffice's own validity test (Detective > Mark Invalid Data on the entered value; on a Stop rule the
entry is undone, as the refused entry never lands). Step (1) is left out: AutoInput only completes
text from the column and AutoCorrect only rewrites text, neither changes the numbers, dates and codes
tests type. XCell.setFormula is not typing: it always parses with en-US conventions ("0,5" stays text
even under vi-VN, "1.5" is 1.5), skips validation and ignores sheet protection; that is what the
explicit `setValue`/`setFormula`/`setString` operations are for.

What LibreOffice 7.4 makes of typed text, by locale (measured with this script, cells in General
format; a cell formatted as text, "@", keeps everything as typed):
  text          en-US                              vi-VN (decimal comma, "." groups thousands)
  "1.5"         number 1.5                         text "1.5" (neither a number nor a date)
  "0,5"         text "0,5"                         number 0.5
  "1,5"         text "1,5"                         number 1.5
  "1,234"       number 1234                        number 1.234
  "1.234"       number 1.234                       number 1234
  "1.234,5"     text                               number 1234.5
  "15/03/2024"  text (M/D/Y)                       date 2024-03-15 (D/M/Y), format DD/MM/YY
  "03/15/2024"  date 2024-03-15, format MM/DD/YY   text
  "31/02/2024"  text                               text
  "2024-03-15"  date (ISO 8601 is read in both)    date
  "1/2"         date 2 January, this year          date 1 February, this year
  "15.03.2024", "1.5.2024"  text                   text
XCell.setFormula parses as en-US whatever the locale ("0,5" is text, "1.5" is 1.5 under vi-VN too).

Operations (cells and ranges in A1 notation, rows 1-based as on the sheet's row headers):
  {"op": "type", "sheet", "cell", "text", "expectRefusal"?: bool}
      Select the cell and type the text + Enter. Refused when the cell is locked on a protected sheet
      ("Protected cells can not be modified") or fails a Stop validity rule that shows an error
      message (the cell keeps its old content); a typed formula ("=…") fails any such rule, as in
      LibreOffice's own input check. Warning/Information rules: the person is asked and confirms, so
      the entry stays (reported as "confirmed").
  {"op": "setValue", "sheet", "cell", "value": number}      XCell.setValue
  {"op": "setFormula", "sheet", "cell", "formula"}          XCell.setFormula: LibreOffice API syntax,
      English function names and ";" between arguments ("=SUM(E11;E12)"); text without "=" is
      parsed as en-US input.
  {"op": "setString", "sheet", "cell", "text"}              XCell.setString: always text.
      The three set* operations are what a macro or another tool does: no parsing per locale, no
      validity check, and LibreOffice's API does not enforce sheet protection for them.
  {"op": "insertRows", "sheet", "before": row, "count"?: 1}
      Select `count` whole rows starting at `before` (click the row headers) and Sheet > Insert Rows >
      Rows Above: the new rows take row `before`'s place. LibreOffice greys the command out on a
      protected sheet whose protection does not allow inserting rows: refused.
  {"op": "deleteRows", "sheet", "from": row, "count"?: 1}
      Select the whole rows and Sheet > Delete Rows; refused like insertRows.
  {"op": "sort", "sheet", "range", "key": column letter, "ascending"?: true, "header"?: false}
      Select exactly the range and Data > Sort by the key column (inside the range), "Range contains
      column labels" as `header`, "Include formats" on. With two or more columns selected LibreOffice
      sorts the selection without asking; for a single column or row it would ask whether to extend
      the selection, a dialog this harness does not answer, so such a range is an error. Refused on a
      protected sheet when any cell of the range is locked.
  {"op": "clear", "sheet", "range"}
      Select the range and press Delete (.uno:ClearContents: contents go, formats stay); refused on a
      protected sheet when any cell of the range is locked.
  {"op": "unprotect", "sheet"}
      Tools > Protect Sheet, which toggles protection off when no password is set (Excel's Review >
      Unprotect Sheet). A sheet with a password stays protected: refused. An unprotected sheet is an
      error (the scenario is wrong).
  {"op": "protect", "sheet"}
      Tools > Protect Sheet with an empty password and the dialog's default options (select locked and
      unlocked cells, nothing else), through XProtectable.protect("") since the dialog cannot be
      answered headless.

Any operation may carry "expectRefusal": true (LibreOffice must refuse it, or the edit fails) or
"mayBeRefused": true (either outcome; the report tells which). Without them a refusal fails the edit:
the scenario asked for something a person cannot do that way.

The report has one entry per operation: the cell as it stands after the operation (kind "value",
"text", "formula" or "empty", its value, displayed text, formula and number format) or what it did,
and "refused": {"reason": "protected" | "validation" | "password", "message"} when LibreOffice
refused a person's action.
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import traceback
from xml.sax.saxutils import escape

try:
    import uno
    import unohelper
    from com.sun.star.beans import PropertyValue
    from com.sun.star.frame import XStatusListener
    from com.sun.star.util import URL
except ImportError as e:  # pragma: no cover - depends on the machine
    sys.stderr.write(
        "uno_edit.py needs Python with the UNO bridge (%s): %s\n"
        "Debian: apt-get install -y python3-uno, then run this with /usr/bin/python3 (or set UNO_PYTHON).\n"
        % (sys.executable, e)
    )
    sys.exit(3)

SOFFICE_FILTER = "Calc MS Excel 2007 XML"
PROTECTED_MESSAGE = "Protected cells can not be modified."


class HarnessError(Exception):
    """The requested edit is not one this harness (or a person) can carry out as asked."""


class Refused(Exception):
    """LibreOffice refused an action a person tried; carries the reason and LibreOffice's message."""

    def __init__(self, reason, message):
        Exception.__init__(self, "%s: %s" % (reason, message))
        self.reason = reason
        self.message = message


def pv(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def file_url(path):
    return uno.systemPathToFileUrl(os.path.abspath(path))


# ---------------------------------------------------------------------------------------------
# The profile and the soffice process


def profile_xcu(locale):
    """Locale setting; full recalculation of .xlsx/.ods on load (7.4 otherwise shows cached results)."""
    items = [
        ("/org.openoffice.Setup/L10N", "ooSetupSystemLocale", locale),
        ("/org.openoffice.Office.Calc/Formula/Load", "OOXMLRecalcMode", "0"),
        ("/org.openoffice.Office.Calc/Formula/Load", "ODFRecalcMode", "0"),
        ("/org.openoffice.Office.Common/Misc", "ShowTipOfTheDay", "false"),
        # No ".~lock.NAME#" files: one left by a soffice that died would stop the next load of that
        # file at the "Document in use" question, which nobody answers headless.
        ("/org.openoffice.Office.Common/Misc", "UseDocumentOOoLockFile", "false"),
        ("/org.openoffice.Office.Common/Misc", "UseDocumentSystemFileLocking", "false"),
        # Unbuffered overlays: no buffer timer to fire after its window is gone (module comment).
        ("/org.openoffice.Office.Common/Drawinglayer", "OverlayBuffer", "false"),
        ("/org.openoffice.Office.Common/Drawinglayer", "OverlayBuffer_Calc", "false"),
    ]
    body = "".join(
        '<item oor:path="%s"><prop oor:name="%s" oor:op="fuse"><value>%s</value></prop></item>\n' % (path, name, escape(value))
        for path, name, value in items
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<oor:items xmlns:oor="http://openoffice.org/2001/registry" '
        'xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n'
        + body
        + "</oor:items>\n"
    )


def prepare_profile(directory, locale):
    user = os.path.join(directory, "user")
    os.makedirs(user, exist_ok=True)
    # A profile soffice has already used keeps its own registrymodifications.xcu; the settings that
    # matter here are rewritten every start so a profile never carries another session's locale.
    with open(os.path.join(user, "registrymodifications.xcu"), "w", encoding="utf-8") as f:
        f.write(profile_xcu(locale))


class Office:
    """One headless soffice, reached over a named pipe."""

    def __init__(self, soffice, profile, locale, start_timeout):
        self.profile = profile
        self.locale = locale
        self.log_path = os.path.join(profile, "soffice.log")
        prepare_profile(profile, locale)
        self.pipe = "cchc-uno-%d-%d" % (os.getpid(), int(time.time() * 1000))
        started = time.time()
        self.log = open(self.log_path, "wb")
        # Same process group as this script: the caller's timeout kills both with one signal. The
        # launcher script (not soffice.bin itself) restarts soffice.bin when a new profile asks it to.
        self.proc = subprocess.Popen(
            [
                soffice, "--headless", "--invisible", "--norestore", "--nologo", "--nodefault",
                "--nolockcheck", "-env:UserInstallation=" + file_url(profile),
                "--accept=pipe,name=%s;urp;StarOffice.ComponentContext" % self.pipe,
            ],
            stdin=subprocess.DEVNULL, stdout=self.log, stderr=subprocess.STDOUT,
        )
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
        deadline = started + start_timeout
        while True:
            try:
                self.ctx = resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % self.pipe)
                break
            except Exception:  # NoConnectException until soffice listens
                if self.proc.poll() is not None:
                    raise HarnessError("soffice exited with %s before accepting connections.\n%s" % (self.proc.returncode, self.log_tail()))
                if time.time() > deadline:
                    raise HarnessError("soffice did not accept connections within %d s.\n%s" % (start_timeout, self.log_tail()))
                time.sleep(0.05)
        self.smgr = self.ctx.ServiceManager
        self.desktop = self.create("com.sun.star.frame.Desktop")
        self.start_ms = int((time.time() - started) * 1000)

    def create(self, service):
        return self.smgr.createInstanceWithContext(service, self.ctx)

    def log_tail(self, limit=4000):
        try:
            with open(self.log_path, "rb") as f:
                text = f.read().decode("utf-8", "replace")
        except OSError:
            return ""
        text = "\n".join(line for line in text.splitlines() if "javaldx" not in line).strip()
        return ("soffice output:\n" + text[-limit:]) if text else ""

    def terminate(self, timeout=20):
        try:
            self.desktop.terminate()
        except Exception:  # the bridge goes away while soffice quits
            pass
        try:
            self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        self.log.close()
        # A soffice that died leaves its named pipe's socket file behind in /tmp.
        for directory in {"/tmp", tempfile.gettempdir()}:
            path = os.path.join(directory, "OSL_PIPE_%d_%s" % (os.getuid(), self.pipe))
            if os.path.exists(path):
                os.unlink(path)


# ---------------------------------------------------------------------------------------------
# One document being edited


class StatusProbe(unohelper.Base, XStatusListener):
    """Receives one command's state: whether its menu item is enabled."""

    def __init__(self):
        self.event = None

    def statusChanged(self, event):
        self.event = event

    def disposing(self, source):
        pass


def a1_column(letters):
    n = 0
    for ch in letters.upper():
        if not "A" <= ch <= "Z":
            raise HarnessError("not a column letter: %r" % letters)
        n = n * 26 + (ord(ch) - 64)
    return n - 1


def column_letters(index):
    n = index + 1
    s = ""
    while n > 0:
        n, m = divmod(n - 1, 26)
        s = chr(65 + m) + s
    return s


class Session:
    def __init__(self, office, input_path):
        self.office = office
        # Hidden: the nogui build aborts on a visible document window (see the module comment).
        self.doc = office.desktop.loadComponentFromURL(file_url(input_path), "_blank", 0, (pv("Hidden", True),))
        if self.doc is None or not hasattr(self.doc, "Sheets"):
            if self.doc is not None:
                self.doc.close(True)
            raise HarnessError("LibreOffice could not open %s as a spreadsheet." % input_path)
        self.ctrl = self.doc.CurrentController
        self.frame = self.ctrl.Frame
        self.dispatcher = office.create("com.sun.star.frame.DispatchHelper")
        self.transformer = office.create("com.sun.star.util.URLTransformer")
        self.formats = self.doc.NumberFormats
        self.toolkit = office.create("com.sun.star.awt.Toolkit")
        # No toolbars, formula bar or other child windows (see the module comment).
        self.frame.LayoutManager.setVisible(False)
        self.settle()

    def close(self, settle):
        try:
            self.doc.close(True)
        except Exception:
            pass
        if settle:
            # The closed document's pending timers run now, not during the next document's work.
            self.settle()

    def settle(self):
        """Lets LibreOffice finish what an action queued (repaints, view updates), as the UI does
        between a person's actions (see the module comment)."""
        self.toolkit.processEventsToIdle()

    # -- what a person sees and clicks

    def sheet(self, name):
        if not self.doc.Sheets.hasByName(name):
            raise HarnessError("no sheet %r (sheets: %s)" % (name, ", ".join(self.doc.Sheets.ElementNames)))
        sheet = self.doc.Sheets.getByName(name)
        self.ctrl.setActiveSheet(sheet)  # clicking the sheet tab
        return sheet

    def dispatch(self, command, *args):
        self.dispatcher.executeDispatch(self.frame, command, "", 0, tuple(args))

    def status(self, command):
        """The command's menu state now: (enabled, checked-or-value), as a person sees the menu."""
        url = URL()
        url.Complete = command
        _, url = self.transformer.parseStrict(url)
        target = self.frame.queryDispatch(url, "", 0)
        if target is None:
            return False, None
        probe = StatusProbe()
        target.addStatusListener(probe, url)  # answers at once with the current state
        target.removeStatusListener(probe, url)
        return (bool(probe.event.IsEnabled), probe.event.State) if probe.event else (False, None)

    def enabled(self, command):
        """Whether the command's menu item is enabled now (greyed out = False)."""
        return self.status(command)[0]

    def select(self, rng):
        self.ctrl.select(rng)

    # -- reading back

    def describe(self, cell):
        kind = cell.Type.value.lower()  # EMPTY, VALUE, TEXT, FORMULA
        fmt = self.formats.getByKey(cell.NumberFormat)
        out = {"kind": kind, "string": cell.getString(), "format": fmt.FormatString}
        if kind == "value":
            out["value"] = cell.getValue()
        if kind == "formula":
            out["formula"] = cell.getFormula()
        return out

    @staticmethod
    def locked_cells(sheet, rng):
        """Cells LibreOffice would refuse to change on this sheet: locked ones, when it is protected."""
        if not sheet.isProtected():
            return []
        a = rng.RangeAddress
        out = []
        for r in range(a.StartRow, a.EndRow + 1):
            for c in range(a.StartColumn, a.EndColumn + 1):
                if sheet.getCellByPosition(c, r).CellProtection.IsLocked:
                    out.append(column_letters(c) + str(r + 1))
        return out

    @staticmethod
    def used_end_row(sheet):
        cursor = sheet.createCursor()
        cursor.gotoEndOfUsedArea(False)
        return cursor.RangeAddress.EndRow

    def invalid_here(self, sheet, cell):
        """LibreOffice's own validity test of the cell's content (Tools > Detective > Mark Invalid Data)."""
        sheet.showInvalid()
        page = sheet.DrawPage
        want = cell.CellAddress
        hit = False
        for i in range(page.Count):
            anchor = getattr(page.getByIndex(i), "Anchor", None)
            addr = getattr(anchor, "CellAddress", None)
            if addr is not None and (addr.Sheet, addr.Column, addr.Row) == (want.Sheet, want.Column, want.Row):
                hit = True
        sheet.clearArrows()
        return hit


# ---------------------------------------------------------------------------------------------
# Operations


def need(op, key):
    if key not in op:
        raise HarnessError("operation %s needs %r" % (op.get("op"), key))
    return op[key]


def single_cell(sheet, ref):
    rng = sheet.getCellRangeByName(ref)
    a = rng.RangeAddress
    if a.StartRow != a.EndRow or a.StartColumn != a.EndColumn:
        raise HarnessError("%r is not a single cell" % ref)
    return rng


def op_type(s, op):
    sheet = s.sheet(need(op, "sheet"))
    cell = single_cell(sheet, need(op, "cell"))
    text = str(need(op, "text"))
    s.select(cell)
    if s.locked_cells(sheet, cell):
        raise Refused("protected", PROTECTED_MESSAGE)
    validation = cell.Validation
    checks = validation.Type.value != "ANY" and validation.ShowErrorMessage
    undo = s.doc.UndoManager
    # One undo step for the entry and the validity test, so a refused entry is taken back whole.
    undo.enterUndoContext("type")
    try:
        s.dispatch(".uno:EnterString", pv("StringName", text))
        # The input handler's test (ScValidationData::IsDataValid on the typed text) fails a formula
        # outright; anything else is judged on the value it became, as Mark Invalid Data judges it.
        invalid = checks and (text.startswith("=") or s.invalid_here(sheet, cell))
    finally:
        undo.leaveUndoContext()
    result = {}
    if invalid:
        style = validation.ErrorAlertStyle.value
        message = ": ".join(t for t in (validation.ErrorTitle, validation.ErrorMessage) if t) or "Invalid value."
        if style == "STOP":
            undo.undo()
            raise Refused("validation", message)
        # Warning / Information: LibreOffice asks "OK / Cancel"; the person insists.
        result["confirmed"] = message
    result.update(s.describe(cell))
    return result


def op_set_value(s, op):
    sheet = s.sheet(need(op, "sheet"))
    cell = single_cell(sheet, need(op, "cell"))
    value = need(op, "value")
    if not isinstance(value, (int, float)) or isinstance(value, bool):
        raise HarnessError("setValue needs a number, got %r" % (value,))
    cell.setValue(float(value))
    return s.describe(cell)


def op_set_formula(s, op):
    sheet = s.sheet(need(op, "sheet"))
    cell = single_cell(sheet, need(op, "cell"))
    cell.setFormula(str(need(op, "formula")))
    return s.describe(cell)


def op_set_string(s, op):
    sheet = s.sheet(need(op, "sheet"))
    cell = single_cell(sheet, need(op, "cell"))
    cell.setString(str(need(op, "text")))
    return s.describe(cell)


def row_count(op, key):
    first = int(need(op, key))
    count = int(op.get("count", 1))
    if first < 1 or count < 1:
        raise HarnessError("%s needs %s >= 1 and count >= 1" % (op["op"], key))
    return first, count


def select_rows(s, sheet, first, count):
    s.select(sheet.getCellRangeByName("A%d:A%d" % (first, first + count - 1)))
    s.dispatch(".uno:SelectRow")  # as clicking the row headers


def op_insert_rows(s, op):
    sheet = s.sheet(need(op, "sheet"))
    before, count = row_count(op, "before")
    select_rows(s, sheet, before, count)
    if not s.enabled(".uno:InsertRowsBefore"):
        raise Refused("protected", "Sheet > Insert Rows is greyed out: the sheet is protected and its protection does not allow inserting rows.")
    end = s.used_end_row(sheet)
    s.dispatch(".uno:InsertRowsBefore")
    if before - 1 <= end and s.used_end_row(sheet) != end + count:
        raise HarnessError("LibreOffice did not insert %d row(s) before row %d." % (count, before))
    return {"inserted": [before, before + count - 1]}


def op_delete_rows(s, op):
    sheet = s.sheet(need(op, "sheet"))
    first, count = row_count(op, "from")
    select_rows(s, sheet, first, count)
    if not s.enabled(".uno:DeleteRows"):
        raise Refused("protected", "Sheet > Delete Rows is greyed out: the sheet is protected and its protection does not allow deleting rows.")
    end = s.used_end_row(sheet)
    s.dispatch(".uno:DeleteRows")
    if first + count - 1 < end and s.used_end_row(sheet) != end - count:
        raise HarnessError("LibreOffice did not delete rows %d-%d." % (first, first + count - 1))
    return {"deleted": [first, first + count - 1]}


def key_values(sheet, a, key):
    return [sheet.getCellByPosition(key, r) for r in range(a.StartRow, a.EndRow + 1)]


def op_sort(s, op):
    sheet = s.sheet(need(op, "sheet"))
    rng = sheet.getCellRangeByName(need(op, "range"))
    a = rng.RangeAddress
    if a.StartColumn == a.EndColumn or a.StartRow == a.EndRow:
        raise HarnessError(
            "sort of %s: for a single column or row LibreOffice asks whether to extend the selection, "
            "a dialog this harness does not answer; select two or more columns and rows." % op["range"])
    key = a1_column(str(need(op, "key")))
    if not a.StartColumn <= key <= a.EndColumn:
        raise HarnessError("sort key column %s is outside %s" % (op["key"], op["range"]))
    ascending = bool(op.get("ascending", True))
    header = bool(op.get("header", False))
    if s.locked_cells(sheet, rng):
        raise Refused("protected", PROTECTED_MESSAGE)
    s.select(rng)
    s.dispatch(
        ".uno:DataSort",
        pv("ByRows", True), pv("HasHeader", header), pv("CaseSensitive", False), pv("NaturalSort", False),
        pv("IncludeAttribs", True), pv("UserDefIndex", 0), pv("Col1", key + 1), pv("Ascending1", ascending),
    )
    # The dispatch reports nothing: numbers in the key column must now be in order.
    cells = key_values(sheet, a, key)[1 if header else 0:]
    numbers = [c.getValue() for c in cells if c.Type.value == "VALUE"]
    if len(numbers) == len(cells) and numbers != sorted(numbers, reverse=not ascending):
        raise HarnessError("LibreOffice did not sort %s by column %s." % (op["range"], op["key"]))
    return {"sorted": op["range"], "key": [c.getString() for c in cells]}


def op_clear(s, op):
    sheet = s.sheet(need(op, "sheet"))
    rng = sheet.getCellRangeByName(need(op, "range"))
    s.select(rng)
    if s.locked_cells(sheet, rng):
        raise Refused("protected", PROTECTED_MESSAGE)
    s.dispatch(".uno:ClearContents")
    # com.sun.star.sheet.CellFlags VALUE | DATETIME | STRING | FORMULA: contents, not formats.
    if rng.queryContentCells(1 | 2 | 4 | 16).getCount() != 0:
        raise HarnessError("LibreOffice did not clear %s." % op["range"])
    return {"cleared": op["range"]}


def op_unprotect(s, op):
    sheet = s.sheet(need(op, "sheet"))
    if not sheet.isProtected():
        raise HarnessError("sheet %r is not protected: nothing to unprotect" % op["sheet"])
    s.dispatch(".uno:Protect")  # Tools > Protect Sheet toggles protection off
    if sheet.isProtected():
        raise Refused("password", "Sheet %r has a password: Unprotect Sheet asks for it." % op["sheet"])
    return {"protected": False}


def op_protect(s, op):
    sheet = s.sheet(need(op, "sheet"))
    if sheet.isProtected():
        raise HarnessError("sheet %r is already protected" % op["sheet"])
    sheet.protect("")
    return {"protected": True}


OPERATIONS = {
    "type": op_type,
    "setValue": op_set_value,
    "setFormula": op_set_formula,
    "setString": op_set_string,
    "insertRows": op_insert_rows,
    "deleteRows": op_delete_rows,
    "sort": op_sort,
    "clear": op_clear,
    "unprotect": op_unprotect,
    "protect": op_protect,
}


def apply_op(s, index, op):
    name = op.get("op") if isinstance(op, dict) else None
    if name not in OPERATIONS:
        raise HarnessError("operation #%d: unknown op %r (known: %s)" % (index, name, ", ".join(sorted(OPERATIONS))))
    entry = {"op": name}
    for key in ("sheet", "cell", "range"):
        if key in op:
            entry[key] = op[key]
    try:
        try:
            entry.update(OPERATIONS[name](s, op))
        finally:
            s.settle()
        if op.get("expectRefusal"):
            raise HarnessError("operation #%d %s: expected LibreOffice to refuse it, but it was accepted: %s" % (index, json.dumps(op, ensure_ascii=False), json.dumps(entry, ensure_ascii=False)))
    except Refused as r:
        if not (op.get("expectRefusal") or op.get("mayBeRefused")):
            raise HarnessError("operation #%d %s: LibreOffice refused it (%s): %s" % (index, json.dumps(op, ensure_ascii=False), r.reason, r.message))
        entry["refused"] = {"reason": r.reason, "message": r.message}
        if "cell" in op:
            entry.update(s.describe(s.doc.Sheets.getByName(op["sheet"]).getCellRangeByName(op["cell"])))
    except HarnessError as e:
        message = str(e)
        raise HarnessError(message if message.startswith("operation #") else "operation #%d %s: %s" % (index, json.dumps(op, ensure_ascii=False), message))
    return entry


def edit(office, input_path, output_path, ops, keep_office=False):
    if not os.path.isfile(input_path):
        raise HarnessError("input file not found: %s" % input_path)
    if not isinstance(ops, list):
        raise HarnessError("ops must be a list")
    ms = {}
    t = time.time()
    s = Session(office, input_path)
    try:
        ms["load"] = int((time.time() - t) * 1000)
        t = time.time()
        report = [apply_op(s, i, op) for i, op in enumerate(ops)]
        ms["ops"] = int((time.time() - t) * 1000)
        t = time.time()
        s.doc.calculateAll()
        s.settle()
        out_dir = os.path.dirname(os.path.abspath(output_path))
        os.makedirs(out_dir, exist_ok=True)
        s.doc.storeToURL(file_url(output_path), (pv("FilterName", SOFFICE_FILTER), pv("Overwrite", True)))
        ms["save"] = int((time.time() - t) * 1000)
    finally:
        # When soffice quits right after, nothing waits for the closed document's timers.
        s.close(settle=keep_office)
    if not os.path.isfile(output_path):
        raise HarnessError("LibreOffice wrote no file at %s" % output_path)
    return report, ms


# ---------------------------------------------------------------------------------------------
# Command line


def find_soffice(explicit):
    found = explicit or shutil.which("soffice")
    if not found:
        raise HarnessError("LibreOffice (soffice) not found: apt-get install -y libreoffice-calc-nogui, or pass --soffice.")
    return found


def write_line(obj):
    sys.stdout.write(json.dumps(obj, ensure_ascii=False) + "\n")
    sys.stdout.flush()


def failure(office, e):
    detail = str(e) if isinstance(e, HarnessError) else "%s: %s\n%s" % (type(e).__name__, e, traceback.format_exc())
    if office is not None and office.proc.poll() is not None:
        detail += "\nsoffice exited with %s.\n%s" % (office.proc.returncode, office.log_tail())
    return detail


def serve(args):
    office = None
    try:
        office = Office(find_soffice(args.soffice), args.profile, args.locale, args.start_timeout)
    except Exception as e:
        write_line({"ready": False, "error": failure(office, e)})
        if office is not None:
            office.terminate()
        return 1
    write_line({"ready": True, "startMs": office.start_ms, "locale": args.locale})
    try:
        for line in sys.stdin:
            if not line.strip():
                continue
            request = None
            try:
                request = json.loads(line)
                if request.get("shutdown"):
                    break
                report, ms = edit(office, request["input"], request["output"], request["ops"], keep_office=True)
                write_line({"id": request.get("id"), "ok": True, "report": report, "ms": ms})
            except Exception as e:
                dead = office.proc.poll() is not None
                write_line({"id": request.get("id") if isinstance(request, dict) else None, "ok": False, "error": failure(office, e), "officeDied": dead})
                if dead:
                    return 1
    finally:
        office.terminate()
    return 0


def edit_once(args):
    ops_source = sys.stdin if args.ops == "-" else open(args.ops, encoding="utf-8")
    with ops_source:
        ops = json.load(ops_source)
    profile = args.profile or tempfile.mkdtemp(prefix="cchc-uno-edit-")
    office = None
    try:
        office = Office(find_soffice(args.soffice), profile, args.locale, args.start_timeout)
        report, ms = edit(office, args.input, args.output, ops)
        ms["start"] = office.start_ms
        write_line({"ok": True, "report": report, "ms": ms})
        return 0
    except Exception as e:
        write_line({"ok": False, "error": failure(office, e)})
        return 1
    finally:
        if office is not None:
            office.terminate()
        if not args.profile:
            shutil.rmtree(profile, ignore_errors=True)


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    for name in ("edit", "serve"):
        p = sub.add_parser(name)
        p.add_argument("--locale", default="en-US", help="LibreOffice's Locale setting, e.g. en-US or vi-VN")
        p.add_argument("--soffice", default=None, help="the soffice launcher (default: soffice on PATH)")
        p.add_argument("--start-timeout", type=float, default=60.0, help="seconds to wait for soffice to listen")
        if name == "edit":
            p.add_argument("--input", required=True)
            p.add_argument("--output", required=True)
            p.add_argument("--ops", required=True, help="a JSON file with the list of operations, or - for stdin")
            p.add_argument("--profile", default=None, help="the LibreOffice profile directory (default: a fresh temporary one)")
        else:
            p.add_argument("--profile", required=True, help="the LibreOffice profile directory")
    args = parser.parse_args(argv)
    return edit_once(args) if args.command == "edit" else serve(args)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

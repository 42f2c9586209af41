import type { EventEmitter } from 'node:events';
import { PassThrough, type Writable } from 'node:stream';
import { setImmediate as nextTurn, setTimeout as sleep } from 'node:timers/promises';
import ExcelJS from 'exceljs';
import type { FastifyReply } from 'fastify';
import type { ExportFormat } from '@core/reports/schemas';

export type Cell = string | number | null;

export interface Column {
  header: string;
  /** In characters, as Excel measures a column. */
  width?: number;
}

/** One table of an export: its rows arrive one at a time, so none of them has to be held for long. */
export interface TableSheet {
  title: string;
  columns: readonly Column[];
  rows: AsyncIterable<readonly Cell[]>;
}

export interface ExportFile {
  /** Shown to the person saving it, Chinese allowed, without the extension. */
  name: string;
  /** For clients that cannot read RFC 5987: letters, digits, '-' and '_' only. */
  asciiName: string;
}

/**
 * Rows written between two turns of the event loop: other requests are answered in between, and the
 * writer waits there while the client is slower than the database.
 */
const ROWS_PER_TURN = 500;

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The client went away: nothing more to write, and nothing went wrong. */
class ClientGone extends Error {}

/** Until `stream` has passed on what it buffered ('drain'), or the client has gone. */
function drained(stream: EventEmitter, output: Writable): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      stream.off('drain', done);
      output.off('close', done);
      resolve();
    };
    stream.on('drain', done);
    output.on('close', done);
  });
}

async function breathe(output: Writable): Promise<void> {
  if (output.writableNeedDrain && !output.destroyed) await drained(output, output);
  await nextTurn();
  if (output.destroyed) throw new ClientGone();
}

/** Excel and its kin run a cell that starts like a formula; an apostrophe makes it text (OWASP's list). */
const FORMULA_START = /^[=+\-@\t\r]/;

function csvCell(cell: Cell): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return String(cell);
  const text = FORMULA_START.test(cell) ? `'${cell}` : cell;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function csvLine(cells: readonly Cell[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

/** RFC 4180 with CRLF, in UTF-8 behind a byte-order mark: without it Excel reads Chinese as GBK. */
async function writeCsv(output: Writable, sheet: TableSheet): Promise<void> {
  output.write(`\uFEFF${csvLine(sheet.columns.map((c) => c.header))}`);
  let chunk = '';
  let rows = 0;
  for await (const row of sheet.rows) {
    chunk += csvLine(row);
    rows += 1;
    if (rows % ROWS_PER_TURN === 0) {
      output.write(chunk);
      chunk = '';
      await breathe(output);
    }
  }
  output.end(chunk);
}

/** Sheet XML that may wait inside exceljs for the zip before the writer stops reading rows. */
const MAX_WAITING_BYTES = 1024 * 1024;

/** How long the writer waits before it looks again, while the zip has not yet started on the sheet. */
const ZIP_START_POLL_MS = 10;

/** The zip's input for a sheet: any stream implementation (Node's, or the readable-stream package's). */
interface ZipInput extends EventEmitter {
  _writableState: { length: number; needDrain: boolean };
  _readableState: { length: number };
}

/**
 * Where a sheet's XML waits inside exceljs 4 for the zip. Committing a row never holds the caller back:
 * the row goes to the sheet's StreamBuf (into its `buffers` until the zip starts on the sheet), which
 * then writes on into the zip's input, the stream it `pipes` to, without heeding its backpressure. None
 * of these fields is documented; the streaming test fails if this ever stops measuring what waits.
 */
function sheetBuffers(worksheet: ExcelJS.Worksheet): { waiting: number; zipInput: ZipInput | undefined } {
  const { buffers, pipes } = (worksheet as unknown as { stream: { buffers: { length: number }[]; pipes: ZipInput[] } }).stream;
  const buffered = buffers.reduce((sum, buffer) => sum + buffer.length, 0);
  const waiting = pipes.reduce((sum, pipe) => sum + pipe._writableState.length + pipe._readableState.length, buffered);
  return { waiting, zipInput: pipes[0] };
}

/** Until the zip has taken most of what the sheet holds: as fast as the client reads, no faster. */
async function zipCaughtUp(output: Writable, worksheet: ExcelJS.Worksheet): Promise<void> {
  for (;;) {
    const { waiting, zipInput } = sheetBuffers(worksheet);
    if (waiting <= MAX_WAITING_BYTES) return;
    if (output.destroyed) throw new ClientGone();
    if (zipInput?._writableState.needDrain) await drained(zipInput, output);
    else await sleep(ZIP_START_POLL_MS);
  }
}

/**
 * Sheets written row by row with exceljs's streaming writer: each row is committed as it comes and
 * each sheet before the next begins, so the zip carries them out while later rows are still read, and
 * no more rows are read while the zip has a megabyte to catch up on. Inline strings (no shared-strings
 * table) keep nothing of earlier rows in memory. Strings stay text in a workbook: a cell starting with
 * '=' is never taken for a formula there, so no apostrophe is added.
 */
async function writeXlsx(output: Writable, sheets: readonly TableSheet[]): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useSharedStrings: false, useStyles: false });
  for (const sheet of sheets) {
    const worksheet = workbook.addWorksheet(sheet.title, { views: [{ state: 'frozen', ySplit: 1 }] });
    worksheet.columns = sheet.columns.map((c) => ({ header: c.header, width: c.width ?? 14 }));
    let rows = 0;
    for await (const row of sheet.rows) {
      worksheet.addRow(row.map((cell) => cell ?? undefined)).commit();
      rows += 1;
      if (rows % ROWS_PER_TURN === 0) {
        await zipCaughtUp(output, worksheet);
        await breathe(output);
      }
    }
    worksheet.commit();
    await breathe(output);
  }
  // Finishing the zip ends the output.
  await workbook.commit();
}

/** RFC 5987: percent-encoded UTF-8, including the characters encodeURIComponent leaves alone but the RFC does not. */
function extendedValue(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

function attachment(file: ExportFile, extension: string): string {
  return `attachment; filename="${file.asciiName}.${extension}"; filename*=UTF-8''${extendedValue(`${file.name}.${extension}`)}`;
}

/**
 * Answers with the export as a stream: the headers leave at once and the rows follow as they are read.
 * A failure halfway cuts the connection (the status has gone already), so a client never mistakes a
 * partial file for a whole one.
 */
export function sendTables(reply: FastifyReply, format: ExportFormat, file: ExportFile, sheets: readonly TableSheet[]): FastifyReply {
  if (format === 'csv' && sheets.length !== 1) throw new Error('A CSV file holds exactly one table');
  const output = new PassThrough();
  const writing = format === 'csv' ? writeCsv(output, sheets[0]) : writeXlsx(output, sheets);
  writing.catch((error: unknown) => {
    if (!(error instanceof ClientGone) && !output.destroyed) output.destroy(error as Error);
  });
  return reply
    .type(format === 'csv' ? 'text/csv; charset=utf-8' : XLSX_TYPE)
    .header('Content-Disposition', attachment(file, format))
    .header('Cache-Control', 'no-store')
    .header('X-Content-Type-Options', 'nosniff')
    .send(output);
}

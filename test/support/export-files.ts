import ExcelJS from 'exceljs';
import type { TestApp } from './test-app';

export type CellValue = string | number | null;

export interface Download {
  status: number;
  headers: Record<string, string | string[] | number | undefined>;
  body: Buffer;
}

/** A file answer through the real server, bytes as sent. */
export async function download(testApp: TestApp, url: string, token?: string): Promise<Download> {
  const response = await testApp.app.inject({
    method: 'GET',
    url: `/api${url}`,
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  return { status: response.statusCode, headers: response.headers, body: response.rawPayload };
}

/**
 * Every sheet of a workbook as rows of plain values, read back with exceljs as Excel would open it.
 * Anything but text or a number (a formula, a date, rich text) fails loudly: the exports write neither.
 */
export async function readWorkbook(bytes: Buffer): Promise<{ name: string; rows: CellValue[][] }[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  return workbook.worksheets.map((sheet) => {
    const rows: CellValue[][] = [];
    for (let r = 1; r <= sheet.rowCount; r += 1) {
      const row = sheet.getRow(r);
      const cells: CellValue[] = [];
      for (let c = 1; c <= row.cellCount; c += 1) {
        const cell = row.getCell(c);
        if (cell.type === ExcelJS.ValueType.Null) cells.push(null);
        else if (cell.type === ExcelJS.ValueType.String || cell.type === ExcelJS.ValueType.Number) cells.push(cell.value as string | number);
        else throw new Error(`Sheet ${sheet.name} cell ${cell.address} holds a ${ExcelJS.ValueType[cell.type]}, not text or a number`);
      }
      rows.push(cells);
    }
    return { name: sheet.name, rows };
  });
}

/** RFC 4180: quoted fields may hold commas, quotes (doubled) and line breaks; records end with CRLF. */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      record.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      field = '';
      record = [];
      i += 1;
    } else field += c;
  }
  if (field !== '' || record.length > 0) throw new Error('The CSV does not end with CRLF');
  return records;
}

/** The CSV's records after its byte-order mark, which must be there for Excel to read UTF-8. */
export function readCsv(bytes: Buffer): string[][] {
  const text = bytes.toString('utf8');
  if (!text.startsWith('\uFEFF')) throw new Error('The CSV has no UTF-8 byte-order mark');
  return parseCsv(text.slice(1));
}

/** The RFC 5987 file name of a Content-Disposition header, decoded, and its plain fallback. */
export function attachmentNames(header: unknown): { name: string; fallback: string } {
  const value = String(header);
  const extended = /filename\*=UTF-8''([^;]+)/.exec(value);
  const plain = /filename="([^"]+)"/.exec(value);
  if (!value.startsWith('attachment;') || !extended || !plain) throw new Error(`Not an attachment with both names: ${value}`);
  return { name: decodeURIComponent(extended[1]), fallback: plain[1] };
}

/** All the text of a file answer, whatever its format: what a search for leaked identifiers reads. */
export async function fileText(bytes: Buffer, contentType: unknown): Promise<string> {
  if (String(contentType).startsWith('text/csv')) return bytes.toString('utf8');
  const sheets = await readWorkbook(bytes);
  return sheets.map((sheet) => [sheet.name, ...sheet.rows.map((row) => row.join('\t'))].join('\n')).join('\n');
}

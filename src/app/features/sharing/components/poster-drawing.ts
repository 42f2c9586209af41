/** What a poster says: the item's title, when and where, and the code that opens it. */
export interface PosterContent {
  title: string;
  time: string;
  place: string;
}

/** The part of a 2D context a poster needs: the mini-program's canvas context and the browser's both have it. */
export interface PosterContext {
  fillStyle: string | CanvasGradient | CanvasPattern;
  font: string;
  textAlign: CanvasTextAlign;
  fillRect(x: number, y: number, width: number, height: number): void;
  fillText(text: string, x: number, y: number): void;
  measureText(text: string): { width: number };
  drawImage(image: never, x: number, y: number, width: number, height: number): void;
}

export const POSTER_WIDTH = 300;
export const POSTER_HEIGHT = 480;
const MARGIN = 20;
const CODE_SIZE = 150;

/** Breaks text into lines that fit `width`, character by character (Chinese has no spaces to break at). */
function linesOf(context: PosterContext, text: string, width: number, maxLines: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const character of text) {
    if (context.measureText(line + character).width > width && line) {
      lines.push(line);
      line = character;
    } else {
      line += character;
    }
  }
  if (line) lines.push(line);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = `${kept[maxLines - 1].slice(0, -1)}…`;
  return kept;
}

/** Draws the poster in POSTER_WIDTH × POSTER_HEIGHT units; `codeImage` is what the context's drawImage takes. */
export function drawPoster(context: PosterContext, content: PosterContent, codeImage: unknown): void {
  const textWidth = POSTER_WIDTH - MARGIN * 2;
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, POSTER_WIDTH, POSTER_HEIGHT);
  context.fillStyle = '#b71c1c';
  context.fillRect(0, 0, POSTER_WIDTH, 56);
  context.fillStyle = '#ffffff';
  context.textAlign = 'left';
  context.font = 'bold 20px sans-serif';
  context.fillText('法治驿站', MARGIN, 36);

  context.fillStyle = '#222222';
  context.font = 'bold 22px sans-serif';
  let y = 96;
  for (const line of linesOf(context, content.title, textWidth, 3)) {
    context.fillText(line, MARGIN, y);
    y += 30;
  }
  context.fillStyle = '#555555';
  context.font = '15px sans-serif';
  y += 6;
  for (const line of [...linesOf(context, `时间：${content.time}`, textWidth, 2), ...linesOf(context, `地点：${content.place}`, textWidth, 2)]) {
    context.fillText(line, MARGIN, y);
    y += 22;
  }

  const codeTop = POSTER_HEIGHT - CODE_SIZE - 56;
  context.drawImage(codeImage as never, (POSTER_WIDTH - CODE_SIZE) / 2, codeTop, CODE_SIZE, CODE_SIZE);
  context.fillStyle = '#777777';
  context.font = '14px sans-serif';
  context.textAlign = 'center';
  context.fillText('扫码查看详情、报名参与', POSTER_WIDTH / 2, codeTop + CODE_SIZE + 28);
}

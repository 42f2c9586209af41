import fs from 'node:fs';
import { TownConfigSchema, type TownConfig } from '@core/town/town-config';

export function loadTownConfig(file: string): TownConfig {
  const result = TownConfigSchema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Town configuration ${file} is invalid: ${problems}`);
  }
  return result.data;
}

/**
 * What to tell the office at start when the configuration lacks its public hotline or e-mail (the public
 * page then shows none); null when both are there. Only the office can supply them, so none is made up.
 */
export function contactWarning(town: TownConfig): string | null {
  const missing = [
    ...(town.contact?.hotline ? [] : ['热线电话（contact.hotline）']),
    ...(town.contact?.email ? [] : ['电子信箱（contact.email）']),
  ];
  if (missing.length === 0) return null;
  return `注意：town.json 没有配置办公室的${missing.join('和')}，公开信息页将不显示。请补上后重新启动。`;
}

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

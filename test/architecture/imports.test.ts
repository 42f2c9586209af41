import fs from 'node:fs';
import path from 'node:path';

const src = path.resolve(__dirname, '..', '..', 'src');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

function importsOf(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|import\s+['"]([^'"]+)['"]/g)].map(
    (m) => m[1] ?? m[2],
  );
}

/** Where an import lands: a top-level part of src (core, app, server), or a package. */
function target(file: string, specifier: string): string {
  if (specifier.startsWith('@core/')) return 'core';
  if (!specifier.startsWith('.')) return `package:${specifier}`;
  const resolved = path.relative(src, path.resolve(path.dirname(file), specifier));
  return resolved.split(path.sep)[0];
}

const files = (part: string) => sourceFiles(path.join(src, part));

test('the core imports only zod and itself: no Taro, Fastify, Kysely or Node', () => {
  const offending = files('core').flatMap((file) =>
    importsOf(file)
      .filter((specifier) => {
        const where = target(file, specifier);
        return where !== 'core' && !/^package:zod(\/|$)/.test(where);
      })
      .map((specifier) => `${path.relative(src, file)} → ${specifier}`),
  );
  expect(offending).toEqual([]);
});

test('the app and the server meet only in the core', () => {
  const crossing = [
    ...files('app').flatMap((file) => importsOf(file).filter((s) => target(file, s) === 'server').map((s) => `${file} → ${s}`)),
    ...files('server').flatMap((file) => importsOf(file).filter((s) => target(file, s) === 'app').map((s) => `${file} → ${s}`)),
  ];
  expect(crossing).toEqual([]);
});

test('in the app, shared code never reaches into features or pages, and features never into pages', () => {
  const appDir = path.join(src, 'app');
  const layerOf = (file: string) => path.relative(appDir, file).split(path.sep)[0];
  // The tab pages, the subpackages' pages, the office's pages, and the app's own entry and configuration.
  const isPage = (layer: string) => ['pages', 'packages', 'staff'].includes(layer) || /^app(\.|$)/.test(layer);
  const wrongWay = files('app').flatMap((file) =>
    importsOf(file)
      .filter((s) => s.startsWith('.'))
      .filter((s) => {
        const from = layerOf(file);
        const to = layerOf(path.resolve(path.dirname(file), s));
        return (from === 'shared' && (to === 'features' || isPage(to))) || (from === 'features' && isPage(to));
      })
      .map((s) => `${path.relative(src, file)} → ${s}`),
  );
  expect(wrongWay).toEqual([]);
});

test('in the app, no feature imports another feature: what several need lives in shared', () => {
  const featuresDir = path.join(src, 'app', 'features');
  // The feature a file belongs to, or undefined outside src/app/features.
  const featureOf = (file: string) => {
    const relative = path.relative(featuresDir, file);
    return relative.startsWith('..') ? undefined : relative.split(path.sep)[0];
  };
  const crossing = files('app/features').flatMap((file) =>
    importsOf(file)
      .filter((s) => s.startsWith('.'))
      .filter((s) => {
        const to = featureOf(path.resolve(path.dirname(file), s));
        return to !== undefined && to !== featureOf(file);
      })
      .map((s) => `${path.relative(src, file)} → ${s}`),
  );
  expect(crossing).toEqual([]);
});

test('file names are kebab-case', () => {
  const badNames = [...files('core'), ...files('app'), ...files('server')]
    .map((file) => path.basename(file))
    .filter((name) => !/^[a-z0-9]+(-[a-z0-9]+)*(\.[a-z]+)*\.tsx?$/.test(name));
  expect(badNames).toEqual([]);
});

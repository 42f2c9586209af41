import fs from 'node:fs';
import path from 'node:path';
import fp from 'fastify-plugin';
import fastifyStatic from '@fastify/static';

/** Serves the H5 build at `/`, so that the whole product runs in a browser from this one server. */
export const h5Static = fp(async (app, options: { h5Dir: string }) => {
  if (!fs.existsSync(path.join(options.h5Dir, 'index.html'))) {
    app.log.warn({ h5Dir: options.h5Dir }, 'H5 build not found; run npm run build:h5 to serve the app');
    return;
  }
  await app.register(fastifyStatic, {
    root: options.h5Dir,
    prefix: '/',
    wildcard: false,
    cacheControl: false,
    setHeaders: (res, filePath) => {
      // Built assets carry a content hash in their names; index.html must always be fetched fresh.
      const hashed = /\.[0-9a-f]{8,}\./.test(path.basename(filePath));
      res.setHeader('Cache-Control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
});

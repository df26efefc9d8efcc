import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { defineConfig, type Connect, type Plugin } from 'vite';
import { availabilityMock } from '../availability-mock';

/**
 * The "build step" of a script-tag site is copying files: the classic script
 * and the files it loads on demand from beside itself (the tooltip's
 * positioning, each language's strings). This serves them in development and
 * copies every `dist/preorder-elements*.{js,css}` of the installed package next to
 * the page on `vite build`.
 */
function besideThePage(): Plugin {
  const dist = join(
    dirname(createRequire(import.meta.url).resolve('preorder-elements/package.json')),
    'dist',
  );
  const files = () =>
    readdirSync(dist).filter((name) => /^preorder-elements.*\.(js|css)$/.test(name));
  const serve: Connect.NextHandleFunction = (req, res, next) => {
    const name = new URL(req.url ?? '/', 'http://localhost').pathname.slice(1);
    if (!files().includes(name)) return next();
    res.setHeader('Content-Type', name.endsWith('.css') ? 'text/css' : 'text/javascript');
    res.end(readFileSync(join(dist, name)));
  };
  return {
    name: 'preorder-elements-beside-the-page',
    configureServer: (server) => void server.middlewares.use(serve),
    generateBundle() {
      for (const fileName of files())
        this.emitFile({ type: 'asset', fileName, source: readFileSync(join(dist, fileName)) });
    },
  };
}

export default defineConfig({
  plugins: [besideThePage(), availabilityMock()],
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
});

import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

// `npm run build:demo`: the demo as a static site in dist-demo/, for any file
// host. No server: the mock endpoint is answered in the page (demo/static-mock.ts,
// switched on by the flag below). Relative asset paths, so any folder works.
export default defineConfig({
  root: here('./demo'),
  base: './',
  define: { __PREORDER_DEMO_STATIC__: 'true' },
  build: {
    outDir: here('./dist-demo'),
    emptyOutDir: true,
    target: 'es2022',
  },
});

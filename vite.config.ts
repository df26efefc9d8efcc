import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { mockEndpoint } from './demo/mock-endpoint.js';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

// `npm start` serves demo/ with the mock availability endpoint built in;
// `npm run build` writes the npm package's ES modules to dist/ (one module per
// source file, dependencies external so apps keep a single copy of Lit).
export default defineConfig({
  root: here('./demo'),
  plugins: [mockEndpoint()],
  server: { host: '127.0.0.1', port: 5173 },
  build: {
    outDir: here('./dist'),
    emptyOutDir: true,
    target: 'es2022',
    lib: {
      entry: [
        here('./src/index.ts'),
        here('./src/elements.ts'),
        here('./src/engine/index.ts'),
        here('./src/text/index.ts'),
        here('./src/react.ts'),
        here('./src/react-jsx.ts'),
        here('./src/vue.ts'),
      ],
      formats: ['es'],
    },
    rolldownOptions: {
      external: [/^lit/, /^@lit\//, /^@floating-ui\//, /^date-fns/, /^react($|\/)/],
      output: { preserveModules: true, preserveModulesRoot: here('./src') },
      // src/react.ts is marked 'use client' for React Server Components; with
      // one output module per source file the directive is kept (checked).
      onLog(level, log, handler) {
        if (log.code === 'MODULE_LEVEL_DIRECTIVE' && log.message.includes('use client')) return;
        handler(level, log);
      },
    },
  },
});

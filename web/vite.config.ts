// The web interface's build (issue 8): Vite bundles web/src into web/dist, which the API server serves at /.
// `npm start` builds it first (prestart), and the browser tests build it before they run.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The bundle is served by chemreg itself to current browsers; pdf.js needs top-level await.
    target: 'es2022',
    chunkSizeWarningLimit: 1500,
  },
  logLevel: 'warn',
});

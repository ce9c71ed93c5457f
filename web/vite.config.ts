/** Builds the browser app into web/dist, which `crosscheck serve` serves at `/`. */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [preact()],
  logLevel: 'warn',
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false, target: 'es2020' },
  // `npm run dev:web` proxies the API to a running `crosscheck serve`.
  server: { proxy: { '/api': 'http://127.0.0.1:8080' } },
});

import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The API serves the built app (apps/web/dist); in `vite` dev mode API calls go to the API.
export default defineConfig({
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true },
  server: { proxy: { '/api': `http://localhost:${process.env.PORT ?? 3000}` } },
});
